import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { chromiumBinary } from '../../../.ci/package';
import { launcherWithPolicy } from './private-policy';

/** Where Debian's Chromium reads policy; a tmpfs is mounted over it for one browser only. */
const POLICIES = '/etc/chromium/policies';

/**
 * Chromium as a managed machine runs it: no extension loaded by flags, the enterprise policy in
 * its policy folder. The policy is this browser's alone: Chromium starts in a private mount
 * namespace with a tmpfs over /etc/chromium/policies holding `policy`, so the machine's folder is
 * never written and nothing is left behind. Background networking stays on (puppeteer's default
 * turns it off, and with it every extension download and update check).
 */
export async function launchManaged({ policy, dir }: { policy: Record<string, unknown>; dir: string }): Promise<Browser> {
  if (!existsSync(POLICIES)) throw new Error(`${POLICIES} is missing: it comes with Debian's chromium package (apt-get install -y chromium)`);
  const launcher = launcherWithPolicy({ dir, browser: chromiumBinary(), folder: POLICIES, into: `${POLICIES}/managed/policy.json`, policy });
  return puppeteer.launch({
    executablePath: launcher,
    headless: true,
    enableExtensions: true,
    userDataDir: join(dir, 'profile'),
    defaultViewport: { width: 1400, height: 900 },
    ignoreDefaultArgs: ['--disable-background-networking'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--no-default-browser-check'],
  });
}
