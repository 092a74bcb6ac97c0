import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ADAPTERS } from '@/utils/adapters/registry';

const files = readdirSync('utils/adapters').filter((f) => f.endsWith('.ts'));
const RUNTIME_FILES = new Set(['schema.ts', 'dom.ts', 'scrape.ts', 'runtime.ts', 'registry.ts', 'defaults.ts', 'registration.ts', 'mount.ts']);

describe('built-in console adapters', () => {
  it.each(BUILT_IN_ADAPTERS.map((a) => [a.name]))('%s has its own file, a fixture page and a test', (name) => {
    expect(files).toContain(`${name}.ts`);
    expect(existsSync(`tests/consoles/${name}/fixture.html`)).toBe(true);
    expect(existsSync(`tests/unit/adapters/${name}.test.ts`)).toBe(true);
  });

  it('every adapter file is registered', () => {
    const adapterFiles = files.filter((f) => !RUNTIME_FILES.has(f)).map((f) => f.replace(/\.ts$/, ''));
    expect(adapterFiles.sort()).toEqual(BUILT_IN_ADAPTERS.map((a) => a.name).sort());
  });

  it('fixture pages cite where their DOM comes from', () => {
    for (const { name } of BUILT_IN_ADAPTERS) {
      expect(readFileSync(`tests/consoles/${name}/fixture.html`, 'utf8')).toMatch(/<!--[\s\S]*(from|source)[\s\S]*-->/i);
    }
  });
});
