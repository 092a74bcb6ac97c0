import { describe, expect, it } from 'vitest';
import { unsafePatterns } from '@/utils/adapters/patterns';
import { BUILT_IN_ADAPTERS } from '@/utils/adapters/registry';
import { parseSettings } from '@/utils/settings/schema';
import { demoAdapter } from '@/utils/adapters/demo';

describe('adapter patterns that could block a console tab', () => {
  it('finds the nested repeats wherever they are in an adapter', () => {
    const adapter = { fields: { 'visitor.name': { selector: '.n', pattern: '^(a+)+$' } }, transcript: { id: { read: 'attr', attr: 'id', pattern: 'msg-(\\d+)' }, author: { pattern: '(\\w*)*x' } } };
    expect(unsafePatterns(adapter)).toEqual(['^(a+)+$', '(\\w*)*x']);
  });

  it('passes every built-in adapter', () => {
    for (const adapter of BUILT_IN_ADAPTERS) expect(unsafePatterns(adapter), adapter.name).toEqual([]);
  });

  it('refuses a custom adapter with one, saying which and why, and keeps the other settings', () => {
    const bad = { ...demoAdapter, name: 'slow', fields: { ...demoAdapter.fields, 'visitor.name': { selector: '.n', pattern: '^(a+)+$' } } };
    const { settings, problems } = parseSettings({ consoles: { custom: [bad] }, general: { apiBudgetPercent: 10 } });
    expect(settings.consoles.custom).toEqual([]);
    expect(settings.general.apiBudgetPercent).toBe(10);
    expect(problems).toEqual([expect.objectContaining({ setting: 'consoles.custom', message: expect.stringContaining('"^(a+)+$" can take exponential time') })]);
  });
});
