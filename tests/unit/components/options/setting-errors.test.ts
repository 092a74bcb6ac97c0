import { describe, expect, it } from 'vitest';
import { issueSentence, problemSentences, valueErrors } from '@/components/options/setting-errors';
import { listedFields } from '@/components/options/MappingSection';
import { validSettings } from '@/utils/settings/schema';

describe('what is wrong with a setting, in words', () => {
  it('a number out of range: the setting by its label, and the range it takes', () => {
    expect(valueErrors('general.apiBudgetPercent', 0)).toEqual(["Share of the org's daily API requests this extension may use (%): enter a whole number from 1 to 100."]);
    expect(valueErrors('general.apiBudgetPercent', Number.NaN)).toEqual(valueErrors('general.apiBudgetPercent', 101));
    expect(valueErrors('general.apiBudgetPercent', 2.5)).toEqual(valueErrors('general.apiBudgetPercent', 0));
    expect(valueErrors('records.task', { subject: 'Chat', status: 'Completed', priority: 'Normal', dueInDays: 400 })).toEqual(['New tasks › Due in (days): enter a whole number from 0 to 365.']);
  });

  it('a choice not offered: the choices as the page offers them, never the raw enum', () => {
    const [sentence] = valueErrors('automation.ended', { action: 'contactCaseX', strategy: 'none', noMatch: 'create' });
    expect(sentence).toBe('When a chat ends › action: choose one of: Create or update a contact, and create a case, Create or update a contact, and create a task, Create a case only, Create or update a lead, and create a task, or Do nothing.');
    expect(sentence).not.toContain('"');
    expect(valueErrors('connection.loginHost', 'staging')).toEqual(['Log in to: choose one of: Production (login.salesforce.com), Sandbox (test.salesforce.com), or My Domain.']);
  });

  it("keeps the schema's own words for a format, and says a text is required or too long", () => {
    expect(valueErrors('identification.contacts', [{ chatField: 'visitor.email', sfField: "Email' OR Name != '" }])).toEqual([
      'Identification of Contacts › condition 1 › Salesforce field: enter a Salesforce field API name such as Email or Phone__c.',
    ]);
    expect(valueErrors('records.task', { subject: '', status: 'Completed', priority: 'Normal', dueInDays: 0 })).toEqual(['New tasks › Subject: cannot be empty.']);
    expect(valueErrors('connection.clientSecret', 'x'.repeat(300))).toEqual(['Consumer secret: enter at most 255 characters.']);
    expect(valueErrors('wrapUp.enabled', 'yes')).toEqual(['Ask for a wrap-up when a chat ends: must be on or off.']);
    expect(valueErrors('records.description', '{nope}')[0]).toMatch(/^Description of the chat's case or task: no chat field is called \{nope\}/);
  });

  it('a list too long: how many it takes', () => {
    const four = Array.from({ length: 4 }, () => ({ chatField: 'visitor.email', sfField: 'Email' }));
    expect(valueErrors('identification.leads', four)).toEqual(['Identification of Leads: give at most 3.']);
  });

  it('an issue without our words still names the setting', () => {
    expect(issueSentence('general.theme', { code: 'custom', path: [], message: 'Invalid input', input: 'x' })).toBe('Appearance: this value is not valid.');
  });

  it('problems of stored or policy values are said from the value that was given; unknown settings and adapters keep their own words', () => {
    const raw = { general: { keepWrittenDays: -1, colour: 'red' }, consoles: { custom: [{ name: 'x' }] }, nonsense: {} };
    const { problems } = validSettings(raw, 'policy');
    const said = Object.fromEntries(problems.map((p) => [p.setting, problemSentences(p, raw)]));
    expect(said['general.keepWrittenDays']).toEqual(['Days a written chat stays in this browser: enter a whole number from 0 to 90.']);
    expect(said['general.colour']![0]).toMatch(/^general\.colour is not a setting this version of the extension knows, so it is left out \(known: phoneRegion, /);
    expect(said.nonsense![0]).toMatch(/^nonsense is not a section this version/);
    expect(said['consoles.custom']).toEqual([problems.find((p) => p.setting === 'consoles.custom')!.message]);
    // Without the value it came from, the problem's message is all there is.
    expect(problemSentences(problems.find((p) => p.setting === 'general.keepWrittenDays')!)).toEqual([problems.find((p) => p.setting === 'general.keepWrittenDays')!.message]);
  });
});

describe('the field mapping table', () => {
  const described = [
    { name: 'FirstName', label: 'First Name' },
    { name: 'Title', label: 'Title' },
    { name: 'IsDeleted', label: 'Deleted' },
    { name: 'SystemModstamp', label: 'System Modstamp' },
    { name: 'Jigsaw', label: 'Data.com Key' },
    { name: 'AssistantName', label: "Assistant's Name" },
    // A formula (calculated): this user can neither create nor update it.
    { name: 'Full_Address__c', label: 'Full address', writable: false },
  ];
  it("lists the mapped fields first, then the others, without Salesforce's own system fields unless mapped", () => {
    expect(listedFields(['Email', 'Jigsaw'], described, '')).toEqual(['Email', 'Jigsaw', 'FirstName', 'Title', 'AssistantName']);
  });
  it('leaves out what this user cannot write, unless it is mapped (shown only)', () => {
    expect(listedFields([], described, 'address')).toEqual([]);
    expect(listedFields(['Full_Address__c'], described, 'address')).toEqual(['Full_Address__c']);
  });
  it('filters by label or API name, ignoring case', () => {
    expect(listedFields([], described, 'name')).toEqual(['FirstName', 'AssistantName']);
    expect(listedFields(['Email'], described, ' TITLE ')).toEqual(['Title']);
    expect(listedFields([], described, 'modstamp')).toEqual([]);
  });
});
