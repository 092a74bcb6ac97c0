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

describe('enabledAdapters', () => {
  it('leaves out a console that is switched off', async () => {
    const { enabledAdapters, DEFAULT_CONSOLES } = await import('@/utils/adapters/defaults');
    const off = DEFAULT_CONSOLES.map((c) => ({ ...c, enabled: c.name !== 'chatwoot' }));
    expect(enabledAdapters(off).map((a) => a.name)).not.toContain('chatwoot');
    expect(enabledAdapters().map((a) => a.name)).toContain('chatwoot');
  });
});
