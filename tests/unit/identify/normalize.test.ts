import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '@/utils/identify/normalize';

describe('normalizeEmail', () => {
  it.each([
    ['  Grace.Hopper@Example.COM ', 'grace.hopper@example.com'],
    ['not an email', null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });
});
