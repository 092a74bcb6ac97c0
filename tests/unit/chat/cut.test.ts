import { describe, expect, it } from 'vitest';
import { cutText } from '@/utils/chat/cut';
import { cleanField } from '@/utils/chat/text';

describe('cutText', () => {
  it('leaves a text that fits', () => {
    expect(cutText('Grace', 5)).toBe('Grace');
  });

  it.each([
    ['an emoji (a surrogate pair)', `${'a'.repeat(9)}😀😀`, 10, 'a'.repeat(9)],
    ['an emoji with a skin tone and a joiner', `abc👩🏽‍💻`, 6, 'abc'],
    ['a combining accent', `${'a'.repeat(9)}e\u0301x`, 10, 'a'.repeat(9)],
    ['a flag (two regional indicators)', 'ab🇫🇷', 5, 'ab'],
  ])('never cuts inside %s', (_what, text, max, expected) => {
    const cut = cutText(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
    expect(cut.isWellFormed()).toBe(true);
  });

  it('keeps the marker within the length', () => {
    const cut = cutText(`${'x'.repeat(20)}😀`, 12, '…');
    expect(cut).toBe(`${'x'.repeat(11)}…`);
    expect(cutText(`${'x'.repeat(10)}😀😀`, 12, '…')).toBe(`${'x'.repeat(10)}…`);
  });

  it('is what the console reading uses: a long name never ends in half an emoji', () => {
    const name = cleanField(`${'😀'.repeat(200)}`, 101)!;
    expect(name.isWellFormed()).toBe(true);
    expect(name.length).toBeLessThanOrEqual(101);
    expect(name.endsWith(' …[cut]')).toBe(true);
  });
});
