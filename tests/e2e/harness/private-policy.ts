import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An executable that starts `browser` with `policy` as the file `into` (a path under `folder`),
 * for that browser only: a private mount namespace with a tmpfs over `folder`, so the machine's
 * policy folder is never written and nothing is left behind. Needs root, as CI runs.
 */
export function launcherWithPolicy({ dir, browser, folder, into, policy }: { dir: string; browser: string; folder: string; into: string; policy: unknown }): string {
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify(policy, null, 2));
  const launcher = join(dir, 'browser-with-policy');
  writeFileSync(launcher, `#!/bin/sh
# $0: the policy file; "$@": the browser's arguments.
exec unshare --mount --propagation private /bin/sh -c 'mount -t tmpfs tmpfs ${folder} && mkdir -p "$(dirname ${into})" && cp "$0" ${into} && exec ${browser} "$@"' "${file}" "$@"
`);
  chmodSync(launcher, 0o755);
  return launcher;
}
