/**
 * `npm run package -- --key FILE [--version X.Y.Z] [--update-base URL] [--mode loopback] [--out DIR] [--no-build]`
 *
 * The signed package an admin force-installs: a CRX3 packed by Chromium itself, and the update
 * manifest (gupdate protocol) Chromium polls for it. The signing key is never in the repository:
 * `--key` names a PEM file outside it, or EXTENSION_SIGNING_KEY holds the PEM text.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export type PackageOptions = {
  /** The signing key, PEM (PKCS#8 or PKCS#1). */
  keyPem: string;
  /** Build mode: the production build, or the loopback build the e2e suite drives. */
  mode?: 'production' | 'loopback';
  /** The version to stamp into the package (default: the build's own). */
  version?: string;
  /** Where the package and updates.xml will be served from: sets the manifest's update_url. */
  updateBase?: string;
  out: string;
  /** Package the build already in .output (the e2e suite builds once). */
  build?: boolean;
};

export type Packaged = { id: string; version: string; crx: string; updates: string };

/** The extension id Chromium derives from a key: the first 128 bits of the SHA-256 of its public key, in letters a–p. */
export function extensionIdOf(key: string | KeyObject): string {
  const pub = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  const der = pub.export({ type: 'spki', format: 'der' });
  return [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** The gupdate answer for one extension: where its newest package is. */
export function updateManifest(id: string, version: string, codebase: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">
  <app appid="${attr(id)}">
    <updatecheck codebase="${attr(codebase)}" version="${attr(version)}" />
  </app>
</gupdate>
`;
}

/** Chromium's own executable (Debian's wrapper script adds flags; packing needs none). */
export function chromiumBinary(): string {
  const found = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install it with `apt-get install -y chromium` (or set CHROME_PATH).');
  return found;
}

export function packageExtension({ keyPem, mode = 'production', version, updateBase, out, build = true }: PackageOptions): Packaged {
  const id = extensionIdOf(keyPem);
  if (build) {
    const built = spawnSync('npx', ['wxt', 'build', ...(mode === 'loopback' ? ['--mode', 'loopback'] : [])], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed');
  }
  const from = join(ROOT, '.output', mode === 'loopback' ? 'chrome-mv3-loopback' : 'chrome-mv3');
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`no build in ${from}: run without --no-build`);
  const work = mkdtempSync(join(tmpdir(), 'sf-panel-package-'));
  try {
    const stage = join(work, 'extension');
    cpSync(from, stage, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(stage, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    if (version) manifest.version = version;
    // The package's id is its signing key's: the manifest carries that key's public half, so an
    // unpacked build of it (and the OAuth redirect URL, https://<id>.chromiumapp.org/) agree.
    manifest.key = createPublicKey(keyPem).export({ type: 'spki', format: 'der' }).toString('base64');
    if (updateBase) manifest.update_url = `${updateBase.replace(/\/+$/, '')}/updates.xml`;
    writeFileSync(join(stage, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const keyFile = join(work, 'key.pem');
    writeFileSync(keyFile, keyPem, { mode: 0o600 });
    const packed = spawnSync(chromiumBinary(), ['--headless=new', '--no-sandbox', `--user-data-dir=${join(work, 'profile')}`, `--pack-extension=${stage}`, `--pack-extension-key=${keyFile}`], { encoding: 'utf8', timeout: 60_000 });
    if (!existsSync(`${stage}.crx`)) throw new Error(`Chromium did not pack the extension: ${packed.stderr || packed.error?.message || `exit ${packed.status}`}`);
    mkdirSync(out, { recursive: true });
    const name = `salesforce-chat-panel-${String(manifest.version)}.crx`;
    const crx = join(out, name);
    renameSync(`${stage}.crx`, crx);
    const updates = join(out, 'updates.xml');
    writeFileSync(updates, updateManifest(id, String(manifest.version), `${(updateBase ?? '.').replace(/\/+$/, '')}/${name}`));
    return { id, version: String(manifest.version), crx, updates };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The signing key from --key (a file outside the repository) or EXTENSION_SIGNING_KEY. */
function signingKey(file: string | undefined): string {
  if (file) {
    const path = resolve(file);
    const inside = relative(ROOT, path);
    if (!inside.startsWith('..') && !isAbsolute(inside)) throw new Error(`${file} is inside the repository: keep the signing key outside it (a leaked key lets anyone publish updates as this extension)`);
    return readFileSync(path, 'utf8');
  }
  if (process.env.EXTENSION_SIGNING_KEY) return process.env.EXTENSION_SIGNING_KEY;
  throw new Error('No signing key: pass --key FILE (outside the repository) or set EXTENSION_SIGNING_KEY. To make one: openssl genrsa 2048 | openssl pkcs8 -topk8 -nocrypt -out key.pem');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      key: { type: 'string' }, version: { type: 'string' }, 'update-base': { type: 'string' },
      mode: { type: 'string', default: 'production' }, out: { type: 'string', default: join(ROOT, '.output', 'package') },
      'no-build': { type: 'boolean', default: false },
    },
  });
  try {
    if (values.mode !== 'production' && values.mode !== 'loopback') throw new Error('--mode is production or loopback');
    const packaged = packageExtension({ keyPem: signingKey(values.key), mode: values.mode, version: values.version, updateBase: values['update-base'], out: resolve(values.out!), build: !values['no-build'] });
    console.log(`extension id  ${packaged.id}\nversion       ${packaged.version}\npackage       ${packaged.crx}\nupdates       ${packaged.updates}`);
    if (!values['update-base']) console.log('(no --update-base: the update manifest points next to itself; pass the URL you serve it from)');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
