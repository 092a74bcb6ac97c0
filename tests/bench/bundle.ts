import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';

/** `content.gzip_bytes` and `background.bytes`, from a fresh production build. */
export function measureBundles(): Record<string, number> {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (build.status !== 0 || !existsSync(`${OUT}/background.js`)) throw new Error('the production build failed: run `npm run build` to see why');
  const contentDir = `${OUT}/content-scripts`;
  const contentFiles = readdirSync(contentDir).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const contentGzip = contentFiles.reduce((sum, f) => sum + gzipSync(readFileSync(`${contentDir}/${f}`), { level: 9 }).length, 0);
  return {
    'content.gzip_bytes': contentGzip,
    'background.bytes': statSync(`${OUT}/background.js`).size,
  };
}
