import { describe, expect, it } from 'vitest';
import { CUT_MARK, cleanField, cleanMessage, isMasked } from '@/utils/chat/text';

describe('page text → data', () => {
  it.each([
    ['  Grace\n  Hopper ', 'Grace Hopper'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['a\u0000b\u0007c', 'abc'],
    ['‮evil‬ 👩🏽‍💻', '‮evil‬ 👩🏽‍💻'],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (raw, expected) => {
    expect(cleanField(raw, 100)).toBe(expected);
  });

  it('caps a 100,000-character field with a visible mark', () => {
    const value = cleanField('x'.repeat(100_000), 4000)!;
    expect(value).toHaveLength(4000);
    expect(value.endsWith(CUT_MARK)).toBe(true);
  });

  it('keeps line breaks in messages', () => {
    expect(cleanMessage('line one\n\n\n\nline two\t\tend', 100)).toBe('line one\n\nline two end');
  });

  it.each([['j***@example.com', true], ['+1 415 ••• ••00', true], ['4155550100', false], ['grace@example.com', false]])('masked %s → %s', (value, masked) => {
    expect(isMasked(value)).toBe(masked);
  });
});
