import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * From a fresh production build: `content.gzip_bytes`, the script on every console page (its
 * files); `omni.gzip_bytes`, the relay on Lightning pages only (never on a console);
 * `transfer.gzip_bytes`, what a console page gets only when the agent confirms a transfer;
 * `background.bytes`.
 */
export function measureBundles(): Record<string, number> {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (build.status !== 0 || !existsSync(`${OUT}/background.js`)) throw new Error('the production build failed: run `npm run build` to see why');
  const contentDir = `${OUT}/content-scripts`;
  const consoleFiles = readdirSync(contentDir).filter((f) => /^console\.(js|css)$/.test(f));
  return {
    'content.gzip_bytes': consoleFiles.reduce((sum, f) => sum + gzipped(`${contentDir}/${f}`), 0),
    'omni.gzip_bytes': gzipped(`${contentDir}/omni.js`),
    'transfer.gzip_bytes': gzipped(`${OUT}/console-transfer.js`),
    'background.bytes': statSync(`${OUT}/background.js`).size,
  };
}
