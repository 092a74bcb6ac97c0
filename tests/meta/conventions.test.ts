import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const product = ['entrypoints', 'components', 'utils'].flatMap(sources);

describe('house rules', () => {
  it('only utils/salesforce/ imports jsforce (the one client, background only)', () => {
    const offenders = product.filter((f) => !f.startsWith('utils/salesforce/') && /from ['"]jsforce['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the console script imports no panel and nothing that touches tokens or jsforce: it only watches and reports', () => {
    const content = readFileSync('entrypoints/console.content/index.ts', 'utf8');
    expect(content).not.toMatch(/salesforce\/|components\/|preact/);
    expect(readFileSync('utils/adapters/panel-frame.ts', 'utf8')).not.toMatch(/components\//);
  });

  it('never renders page data as HTML', () => {
    const offenders = product.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
