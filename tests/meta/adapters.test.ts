import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ADAPTERS } from '@/utils/adapters/registry';

const files = readdirSync('utils/adapters').filter((f) => f.endsWith('.ts'));
/** The pages an adapter is tested on: captures of the real product when there are, else its pages (one per version, or a fixture). */
const pagesOf = (name: string) => {
  const captures = `tests/consoles/${name}/captures`;
  if (existsSync(captures)) return readdirSync(captures).filter((f) => f.endsWith('.html')).map((f) => `${captures}/${f}`);
  const dir = `tests/consoles/${name}`;
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'index.html').map((f) => `${dir}/${f}`) : [];
};
const RUNTIME_FILES = new Set(['schema.ts', 'dom.ts', 'scrape.ts', 'runtime.ts', 'registry.ts', 'defaults.ts', 'registration.ts', 'mount.ts', 'panel-frame.ts', 'detect.ts', 'patterns.ts', 'health.ts', 'keep-mounted.ts', 'schema-docs.ts', 'selectors.ts', 'tester.ts', 'picker.ts', 'agent-state.ts', 'transfer.ts', 'inject.ts']);

describe('built-in console adapters', () => {
  it.each(BUILT_IN_ADAPTERS.map((a) => [a.name]))('%s has its own file, pages to test it on (captures of the real product, else pages rebuilt from its source) and a test', (name) => {
    expect(files).toContain(`${name}.ts`);
    expect(pagesOf(name).length).toBeGreaterThan(0);
    expect(existsSync(`tests/unit/adapters/${name}.test.ts`)).toBe(true);
  });

  it('every adapter file is registered', () => {
    const adapterFiles = files.filter((f) => !RUNTIME_FILES.has(f)).map((f) => f.replace(/\.ts$/, ''));
    expect(adapterFiles.sort()).toEqual(BUILT_IN_ADAPTERS.map((a) => a.name).sort());
  });

  it('every page cites where its DOM comes from (a capture: the product commit it was taken from)', () => {
    for (const { name } of BUILT_IN_ADAPTERS) {
      for (const page of pagesOf(name)) expect(readFileSync(page, 'utf8'), page).toMatch(/<!--[\s\S]*(from|source)[\s\S]*-->/i);
    }
    const lhc = JSON.parse(readFileSync('tests/consoles/livehelperchat/captures/captures.json', 'utf8')) as { lhcCommit: string };
    expect(lhc.lhcCommit).toMatch(/^[0-9a-f]{40}$/);
  });
});
