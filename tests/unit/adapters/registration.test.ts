import { describe, expect, it } from 'vitest';
import { wantedMatches } from '@/utils/adapters/registration';
import { activeAdapters } from '@/utils/adapters/defaults';
import { BUILT_IN_ADAPTERS } from '@/utils/adapters/registry';
import { DEFAULT_SETTINGS } from '@/utils/settings/schema';

const adapter = (name: string, matches: string[]) => ({ ...BUILT_IN_ADAPTERS[0]!, name, matches });

describe('wantedMatches', () => {
  it('takes the patterns of the active adapters, once each, sorted', () => {
    expect(wantedMatches([adapter('b', ['https://b.example/*', 'https://a.example/*']), adapter('a', ['https://a.example/*'])])).toEqual(['https://a.example/*', 'https://b.example/*']);
  });
});

describe('activeAdapters', () => {
  const defaults = DEFAULT_SETTINGS.consoles;

  it('has every built-in by default, and leaves out one that is switched off', () => {
    expect(activeAdapters(defaults).map((a) => a.name)).toEqual(BUILT_IN_ADAPTERS.map((a) => a.name));
    const off = { ...defaults, builtIn: { ...defaults.builtIn, chatwoot: { enabled: false, matches: ['https://app.chatwoot.com/*'] } } };
    expect(activeAdapters(off).map((a) => a.name)).not.toContain('chatwoot');
  });

  it('runs a built-in on the URLs settings give it (a self-hosted console), and adds custom adapters', () => {
    const selfHosted = { enabled: true, matches: ['https://chat.acme.example/*'] };
    const custom = adapter('acme-desk', ['https://desk.acme.example/*']);
    const active = activeAdapters({ builtIn: { ...defaults.builtIn, chatwoot: selfHosted }, custom: [custom] });
    expect(active.find((a) => a.name === 'chatwoot')!.matches).toEqual(['https://chat.acme.example/*']);
    expect(active.at(-1)).toEqual(custom);
  });

  it('lets a custom adapter with a built-in name replace the built-in', () => {
    const mine = adapter('chatwoot', ['https://chat.acme.example/*']);
    expect(activeAdapters({ ...defaults, custom: [mine] }).filter((a) => a.name === 'chatwoot')).toEqual([mine]);
  });
});
