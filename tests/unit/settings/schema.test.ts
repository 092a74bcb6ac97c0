import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '@/utils/identify/rules';
import { parseSettings } from '@/utils/settings/schema';

const NOTHING = { ended: { action: 'nothing', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } };

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual({ settings: { identification: DEFAULT_RULES, automation: NOTHING, phoneRegion: null }, problems: [] });
  });

  it('takes valid rules and a phone region', () => {
    const identification = { contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'preChat.phone', sfField: 'Phone' }], leads: [], accounts: [{ chatField: 'preChat.company', sfField: 'Name' }] };
    const automation = { ended: { action: 'contactCase', strategy: 'fillBlank' }, offline: { action: 'leadTask', strategy: 'none' } };
    expect(parseSettings({ identification, automation, phoneRegion: 'GB' }).settings).toEqual({ identification, automation, phoneRegion: 'GB' });
  });

  it.each([
    ['a field name that would change the query', { contacts: [{ chatField: 'visitor.email', sfField: "Email = '' OR Name" }], leads: [], accounts: [] }],
    ['an unknown chat field group', { contacts: [{ chatField: 'cookie.session', sfField: 'Email' }], leads: [], accounts: [] }],
    ['more than three conditions', { contacts: Array(4).fill({ chatField: 'visitor.email', sfField: 'Email' }), leads: [], accounts: [] }],
    ['not an object', 'email'],
  ])('reports %s and uses the default rules, keeping the valid sections', (_, identification) => {
    const { settings, problems } = parseSettings({ identification, phoneRegion: 'DE' });
    expect(settings).toEqual({ identification: DEFAULT_RULES, automation: NOTHING, phoneRegion: 'DE' });
    expect(problems).toEqual([{ section: 'identification', message: expect.stringContaining('identification') }]);
  });
});

it('refuses an unknown automatic action, and keeps the rules', () => {
  const { settings, problems } = parseSettings({ automation: { ended: { action: 'deleteEverything', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } });
  expect(settings.automation).toEqual(NOTHING);
  expect(problems[0]!.section).toBe('automation');
});
