import { describe, expect, it } from 'vitest';
import { soqlString, soslPhrase } from '@/utils/salesforce/escape';

describe('soqlString', () => {
  it.each([
    ["O'Brien", "'O\\'Brien'"],
    ['back\\slash', "'back\\\\slash'"],
    ['say "hi"', "'say \\\"hi\\\"'"],
    ["' OR Name != '", "'\\' OR Name != \\''"],
    ['line\nbreak', "'line break'"],
    ['%_', "'%_'"],
  ])('%j → %s', (value, literal) => {
    expect(soqlString(value)).toBe(literal);
  });
});

describe('soslPhrase', () => {
  it.each([
    ['+1 (415) 555-0100', '"\\+1 \\(415\\) 555\\-0100"'],
    ['a*b?', '"a\\*b\\?"'],
    ['{FIND} & | !', '"\\{FIND\\} \\& \\| \\!"'],
    ['"quoted" \'x\'', '"\\"quoted\\" \\\'x\\\'"'],
  ])('%j → %s', (value, phrase) => {
    expect(soslPhrase(value)).toBe(phrase);
  });
});

describe('soqlContains', () => {
  it("keeps the agent's % and _ literal inside a LIKE pattern", async () => {
    const { soqlContains } = await import('@/utils/salesforce/escape');
    expect(soqlContains("50%_off O'Brien")).toBe("'%50\\%\\_off O\\'Brien%'");
  });
});
