import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone } from '@/utils/identify/normalize';

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

describe('normalizePhone', () => {
  it.each([
    ['+1 (415) 555-0100', undefined, { e164: '+14155550100', national: '4155550100' }],
    ['(415) 555-0100', 'US', { e164: '+14155550100', national: '4155550100' }],
    ['07700 900123', 'GB', { e164: '+447700900123', national: '7700900123' }],
    ['06 12 34 56 78', 'FR', { e164: '+33612345678', national: '612345678' }],
    ['090-1234-5678', 'JP', { e164: '+819012345678', national: '9012345678' }],
    ['(415) 555-0100', undefined, null],
    ['12', 'US', null],
    ['call me', 'US', null],
  ])('%j in %s', (raw, region, expected) => {
    expect(normalizePhone(raw, region)).toEqual(expected);
  });
});
