import { describe, expect, it } from 'vitest';
import { wantedMatches } from '@/utils/adapters/registration';

describe('wantedMatches', () => {
  it('takes the patterns of enabled consoles only, once each, sorted', () => {
    expect(
      wantedMatches([
        { name: 'b', matches: ['https://b.example/*', 'https://a.example/*'], enabled: true },
        { name: 'a', matches: ['https://a.example/*'], enabled: true },
        { name: 'off', matches: ['https://off.example/*'], enabled: false },
      ]),
    ).toEqual(['https://a.example/*', 'https://b.example/*']);
  });
});
