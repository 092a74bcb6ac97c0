import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings, parseSettings, SettingsSchema } from '@/utils/settings/schema';
import { BUILT_IN_ADAPTERS } from '@/utils/adapters/registry';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored: nothing automatic, e-mail rules, the default mapping', () => {
    const { settings, problems, locked } = parseSettings(undefined);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.automation.ended).toEqual({ action: 'nothing', strategy: 'none', noMatch: 'create' });
    expect(SettingsSchema.parse(settings)).toEqual(settings); // the defaults pass their own schema
    expect([problems, locked]).toEqual([[], []]);
  });

  it('takes valid rules, automation and a phone region, keeping the defaults of the rest', () => {
    const identification = { contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'preChat.phone', sfField: 'Phone' }], leads: [], accounts: [{ chatField: 'preChat.company', sfField: 'Name' }] };
    const automation = { ended: { action: 'contactCase', strategy: 'fillBlank' }, offline: { action: 'leadTask', strategy: 'none' } };
    const { settings } = parseSettings({ identification, automation, general: { phoneRegion: 'GB' } });
    expect(settings.identification).toEqual(identification);
    // A rule stored before "when nobody matches" existed still creates them, as it did.
    expect(settings.automation).toEqual({ ended: { ...automation.ended, noMatch: 'create' }, offline: { ...automation.offline, noMatch: 'create' }, started: DEFAULT_SETTINGS.automation.started });
    expect(parseSettings({ automation: { ended: { ...automation.ended, noMatch: 'nothing' } } }).settings.automation.ended.noMatch).toBe('nothing');
    expect(parseSettings({ automation: { ended: { ...automation.ended, noMatch: 'maybe' } } }).problems).toMatchObject([{ setting: 'automation.ended' }]);
    expect(settings.general).toEqual({ phoneRegion: 'GB', apiBudgetPercent: DEFAULT_SETTINGS.general.apiBudgetPercent, keepWrittenDays: 1, theme: 'system' });
    expect(settings.mapping).toEqual(DEFAULT_SETTINGS.mapping);
  });

  it.each([
    ['a field name that would change the query', [{ chatField: 'visitor.email', sfField: "Email = '' OR Name" }]],
    ['an unknown chat field group', [{ chatField: 'cookie.session', sfField: 'Email' }]],
    ['more than three conditions', Array(4).fill({ chatField: 'visitor.email', sfField: 'Email' })],
    ['not a list', 'email'],
  ])('reports %s on that setting alone, and keeps the valid ones', (_, contacts) => {
    const { settings, problems } = parseSettings({ identification: { contacts, leads: [] }, general: { phoneRegion: 'DE' } });
    expect(settings.identification.contacts).toEqual(DEFAULT_SETTINGS.identification.contacts);
    expect(settings.identification.leads).toEqual([]);
    expect(settings.general.phoneRegion).toBe('DE');
    expect(problems).toEqual([{ source: 'local', setting: 'identification.contacts', message: expect.stringContaining('identification.contacts') }]);
  });

  it('refuses an unknown automatic action, an unknown section and an unknown setting, and says which', () => {
    const { settings, problems } = parseSettings({ automation: { ended: { action: 'deleteEverything', strategy: 'none' } }, colours: {}, general: { fontSize: 'huge' } });
    expect(settings.automation).toEqual(DEFAULT_SETTINGS.automation);
    expect(problems.map((p) => p.setting)).toEqual(['automation.ended', 'colours', 'general.fontSize']);
  });

  it('reports a custom console adapter that does not validate, with the reason', () => {
    const { settings, problems } = parseSettings({ consoles: { custom: [{ name: 'Bad Name', label: 'x', matches: ['nope'] }] } });
    expect(settings.consoles.custom).toEqual([]);
    expect(problems[0]).toMatchObject({ setting: 'consoles.custom', message: expect.stringContaining('lower-case') });
  });

  it("takes a policy's custom adapters as one JSON text, judging each itself: a wrongly typed value Chrome would withhold is reported, the others apply", () => {
    const good = { ...BUILT_IN_ADAPTERS.find((a) => a.name === 'demo')!, name: 'acme', label: 'Acme chat' };
    const typo = { ...good, name: 'typo', matches: 'https://chat.acme.example/*' };
    const { settings, problems, locked } = mergeSettings(undefined, { consoles: { customJson: JSON.stringify([typo, good]) } });
    expect(settings.consoles.custom.map((a) => a.name)).toEqual(['acme']);
    expect(locked).toContain('consoles.custom');
    expect(problems).toEqual([{ source: 'policy', setting: 'consoles.customJson', message: expect.stringMatching(/^adapter "typo": matches: .*\(item 1, left out: the others apply\)$/) }]);
    expect(mergeSettings(undefined, { consoles: { customJson: '[{"name": ' } }).problems[0]).toMatchObject({ setting: 'consoles.customJson', message: expect.stringMatching(/^not JSON: /) });
  });

  it('leaves one broken custom adapter out and keeps the others (a policy with one mistake still maps its other consoles)', () => {
    const good = { ...BUILT_IN_ADAPTERS.find((a) => a.name === 'demo')!, name: 'acme', label: 'Acme chat' };
    const slow = { ...good, name: 'slow', fields: { 'visitor.email': { selector: '.email', pattern: '(a+)+$' } } };
    const { settings, problems } = mergeSettings(undefined, { consoles: { custom: [{ name: 'Bad Name' }, good, slow] } });
    expect(settings.consoles.custom.map((a) => a.name)).toEqual(['acme']);
    expect(problems.map((p) => [p.source, p.setting])).toEqual([['policy', 'consoles.custom'], ['policy', 'consoles.custom']]);
    expect(problems[0]!.message).toMatch(/^adapter "Bad Name": name: .*\(item 1, left out: the others apply\)$/);
    expect(problems[1]!.message).toMatch(/^adapter "slow": the pattern "\(a\+\)\+\$" can take exponential time.*\(item 3, left out: the others apply\)$/);
  });
});

describe('parseSettings: hostile keys and hosts', () => {
  it('reports __proto__, constructor and hasOwnProperty as unknown settings, never crashes, never pollutes', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"x": 1}, "general": {"hasOwnProperty": 1, "__proto__": {"apiBudgetPercent": 1}, "constructor": 2, "apiBudgetPercent": 30}, "hasOwnProperty": {}}');
    const { settings, problems } = parseSettings(raw);
    expect(settings.general.apiBudgetPercent).toBe(30);
    expect(problems.map((p) => p.setting).sort()).toEqual(['__proto__', 'constructor', 'general.__proto__', 'general.constructor', 'general.hasOwnProperty', 'hasOwnProperty']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings.general)).toBe(Object.prototype);
    // The same through policy.
    expect(mergeSettings(undefined, raw).problems.every((p) => p.source === 'policy')).toBe(true);
  });

  it('takes a My Domain only on Salesforce\'s hosts', () => {
    const domain = (myDomain: string) => parseSettings({ connection: { loginHost: 'myDomain', myDomain } });
    expect(domain('https://acme.my.salesforce.com').settings.connection.myDomain).toBe('https://acme.my.salesforce.com');
    const evil = domain('https://acme.example.com');
    expect(evil.settings.connection.myDomain).toBeNull();
    expect(evil.problems[0]).toMatchObject({ setting: 'connection.myDomain', message: expect.stringMatching(/a Salesforce login URL/) });
  });
});

describe('mergeSettings: enterprise policy over local over defaults', () => {
  const contactCase = { action: 'contactCase', strategy: 'overwrite' } as const;

  it('takes a policy value over the local one, and locks exactly that setting', () => {
    const local = { automation: { ended: { action: 'case', strategy: 'none' }, offline: { action: 'leadTask', strategy: 'none' } } };
    const { settings, locked } = mergeSettings(local, { automation: { ended: contactCase }, mapping: { Contact: [{ sfField: 'Email', chatField: 'visitor.email', display: true }] } });
    expect(settings.automation).toEqual({ ended: { ...contactCase, noMatch: 'create' }, offline: { action: 'leadTask', strategy: 'none', noMatch: 'create' }, started: DEFAULT_SETTINGS.automation.started });
    expect(settings.mapping.Contact).toEqual([{ sfField: 'Email', chatField: 'visitor.email', display: true }]);
    expect(settings.mapping.Lead).toEqual(DEFAULT_SETTINGS.mapping.Lead);
    expect(locked.sort()).toEqual(['automation.ended', 'mapping.Contact']);
  });

  it('reports an invalid policy value as the policy\'s, neither locks nor applies it, and keeps the local value', () => {
    const { settings, locked, problems } = mergeSettings({ general: { apiBudgetPercent: 30 } }, { general: { apiBudgetPercent: 'lots' }, automation: 'yes' });
    expect(settings.general.apiBudgetPercent).toBe(30);
    expect(locked).toEqual([]);
    expect(problems.map((p) => [p.source, p.setting])).toEqual([['policy', 'general.apiBudgetPercent'], ['policy', 'automation']]);
  });

  it('never throws, whatever is stored', () => {
    for (const junk of [null, 42, 'x', [], { connection: null }, { mapping: { Contact: [{ sfField: 1 }] } }]) {
      expect(() => mergeSettings(junk, junk)).not.toThrow();
      expect(mergeSettings(junk, junk).settings.automation).toEqual(DEFAULT_SETTINGS.automation);
    }
  });
});
