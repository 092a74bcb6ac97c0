import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, PANEL_ORDER } from '@/utils/plan/actions';
import { automaticWords, manualWords } from '@/components/text/actions';

const specs = readdirSync('tests/e2e/specs').filter((f) => f.endsWith('.e2e.ts')).map((f) => readFileSync(`tests/e2e/specs/${f}`, 'utf8')).join('\n');
const planTests = readFileSync('tests/unit/plan/plan.test.ts', 'utf8');

describe('chat actions: one table (utils/plan/actions.ts)', () => {
  it.each(ACTION_NAMES)('%s has a plan test and an e2e that runs it', (name) => {
    expect(planTests, `tests/unit/plan/plan.test.ts never plans '${name}'`).toContain(`action: '${name}'`);
    expect(specs, `no e2e spec runs '${name}'`).toMatch(new RegExp(`['"]${name}['"]`));
  });

  it('names every action in the panel and the options page, each differently; the panel offers each once', () => {
    expect([...PANEL_ORDER].sort()).toEqual([...ACTION_NAMES].sort());
    for (const say of [automaticWords, manualWords]) {
      const words = ACTION_NAMES.map((name) => say(name));
      expect(words.every(Boolean)).toBe(true);
      expect(new Set(words).size).toBe(words.length);
    }
  });
});
