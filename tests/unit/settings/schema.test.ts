import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '@/utils/identify/rules';
import { parseSettings } from '@/utils/settings/schema';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual({ settings: { identification: DEFAULT_RULES, phoneRegion: null }, problems: [] });
  });

  it('takes valid rules and a phone region', () => {
    const identification = { contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'preChat.phone', sfField: 'Phone' }], leads: [], accounts: [{ chatField: 'preChat.company', sfField: 'Name' }] };
    expect(parseSettings({ identification, phoneRegion: 'GB' }).settings).toEqual({ identification, phoneRegion: 'GB' });
  });

  it.each([
    ['a field name that would change the query', { contacts: [{ chatField: 'visitor.email', sfField: "Email = '' OR Name" }], leads: [], accounts: [] }],
    ['an unknown chat field group', { contacts: [{ chatField: 'cookie.session', sfField: 'Email' }], leads: [], accounts: [] }],
    ['more than three conditions', { contacts: Array(4).fill({ chatField: 'visitor.email', sfField: 'Email' }), leads: [], accounts: [] }],
    ['not an object', 'email'],
  ])('reports %s and uses the default rules, keeping the valid sections', (_, identification) => {
    const { settings, problems } = parseSettings({ identification, phoneRegion: 'DE' });
    expect(settings).toEqual({ identification: DEFAULT_RULES, phoneRegion: 'DE' });
    expect(problems).toEqual([{ section: 'identification', message: expect.stringContaining('identification') }]);
  });
});
