import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { splitName, visitorName } from '@/utils/mapping/names';

describe('splitName', () => {
  it.each([
    ['Ada Lovelace', 'Ada', 'Lovelace'],
    ['  Grace   Brewster Hopper ', 'Grace Brewster', 'Hopper'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['María de la Cruz', 'María', 'de la Cruz'],
    ['Mohammed bin Salman Al Saud', 'Mohammed', 'bin Salman Al Saud'],
    ['محمد بن سلمان', 'محمد', 'بن سلمان'],
    ['Lovelace, Ada', 'Ada', 'Lovelace'],
    ['Martin Luther King Jr.', 'Martin Luther', 'King Jr.'],
    ['Dr. Jane Goodall', 'Jane', 'Goodall'],
    ['Mrs Doubtfire', undefined, 'Doubtfire'],
    ['Cher', undefined, 'Cher'],
    ['毛泽东', '泽东', '毛'],
    ['欧阳修文', '修文', '欧阳'],
    ['김민준', '민준', '김'],
    ['남궁민수', '민수', '남궁'],
    ['山田 太郎', '太郎', '山田'],
    ['やまだたろう', undefined, 'やまだたろう'],
    ['-', undefined, '-'],
    ['---', undefined, '---'],
    ['Conan O\'Brien-Smith, Jr.', 'Conan', 'O\'Brien-Smith, Jr.'],
  ])('%j → %j %j', (full, first, last) => {
    expect(splitName(full)).toEqual({ last, ...(first !== undefined ? { first } : {}) });
  });

  it('gives nothing for an empty name', () => {
    expect(splitName('   ')).toBeNull();
  });
});

describe('visitorName', () => {
  const chat = (visitor: Record<string, string>, preChat: Record<string, string> = {}) => ({ ...emptySnapshot('c', 'demo'), visitor, preChat });

  it("prefers the console's own first and last name fields", () => {
    expect(visitorName(chat({ name: 'Lovelace Ada' }, { 'First name': 'Ada', 'Last name': 'Lovelace' }))).toEqual({ first: 'Ada', last: 'Lovelace' });
    expect(visitorName(chat({ name: 'Ada Lovelace', lastName: 'King' }))).toEqual({ last: 'King' });
  });

  it('splits the full name otherwise, and gives nothing when the console masks it', () => {
    expect(visitorName(chat({ name: 'Ada Lovelace' }))).toEqual({ first: 'Ada', last: 'Lovelace' });
    expect(visitorName({ ...chat({ name: 'Ada Lovelace' }), masked: ['visitor.name'] })).toBeNull();
  });
});
