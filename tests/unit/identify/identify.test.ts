import { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptySnapshot, type ChatSnapshot } from '@/utils/chat/snapshot';
import { rankCandidates } from '@/utils/identify/rank';
import { guessPhoneField, identifyRequests } from '@/utils/identify/request';
import { DEFAULT_RULES, type IdentifyRules } from '@/utils/identify/rules';
import type { DisplayFields } from '@/utils/identify/request';
import { DEFAULT_MAPPING } from '@/utils/mapping/defaults';
import { displayFields } from '@/utils/mapping/display';
import { objectMeta } from '../mapping/fields';
import { startEmulator, type Emulator } from '../../salesforce-emulator/server';

// Rules → one composite request → ranked candidates, against the emulator with jsforce.
let emulator: Emulator;
let conn: Connection;
beforeAll(async () => {
  emulator = await startEmulator({ data: 'scenarios' });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset({ data: 'scenarios' });
  const { instanceUrl, accessToken } = emulator.issueToken();
  conn = new Connection({ instanceUrl, accessToken, version: '62.0' });
});

const WITH_PHONE: IdentifyRules = {
  contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'visitor.phone', sfField: 'Phone' }],
  leads: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'visitor.phone', sfField: 'Phone' }],
  accounts: [],
};

function chat(visitor: ChatSnapshot['visitor'], extra: Partial<ChatSnapshot> = {}): ChatSnapshot {
  return { ...emptySnapshot('chat-1', 'demo'), visitor, ...extra };
}

async function identify(snapshot: ChatSnapshot, rules: IdentifyRules = DEFAULT_RULES, display?: DisplayFields) {
  const compositeRequest = identifyRequests(snapshot, rules, '62.0', { isPhone: guessPhoneField, display });
  const before = emulator.apiCalls().length;
  const result = compositeRequest.length
    ? await conn.requestPost<{ compositeResponse: { referenceId: string; httpStatusCode: number; body: unknown }[] }>('/services/data/v62.0/composite', { allOrNone: false, compositeRequest })
    : { compositeResponse: [] };
  for (const r of result.compositeResponse) expect(r.httpStatusCode, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  return { ...rankCandidates(result.compositeResponse, snapshot, rules, { isPhone: guessPhoneField, display }), calls: emulator.apiCalls().length - before };
}

describe('identification', () => {
  it('finds a contact by e-mail whatever its case, with its account, in one request', async () => {
    const found = await identify(chat({ email: '  GRACE.hopper@Example.com ' }));
    expect(found.calls).toBe(1);
    expect(found.contacts).toMatchObject([{ type: 'Contact', name: 'Grace Hopper', account: { name: 'Acme Corp' }, matched: ['visitor.email→Email'] }]);
  });

  it("brings the person's open cases and last three activities in the same one request, newest first", async () => {
    const grace = emulator.records('Contact').find((c) => c.Email === 'grace.hopper@example.com')!;
    emulator.org.insert('Case', { Subject: 'Old and done', Status: 'Closed', ContactId: grace.Id, LastModifiedDate: '2026-01-01T00:00:00.000+0000' });
    emulator.org.insert('Case', { Subject: 'Invoice twice', Status: 'Working', ContactId: grace.Id, LastModifiedDate: '2026-11-30T09:00:00.000+0000' });
    for (const [i, subject] of ['Call 1', 'Call 2', 'Call 3', 'Call 4'].entries()) emulator.org.insert('Task', { Subject: subject, Status: 'Completed', WhoId: grace.Id, LastModifiedDate: `2026-11-0${i + 1}T09:00:00.000+0000` });
    const found = await identify(chat({ email: 'grace.hopper@example.com' }));
    expect(found.calls).toBe(1);
    const related = found.contacts[0]!.related!;
    expect(related.cases.map((c) => c.subject)).toEqual(['Invoice twice', 'Cannot log in']);
    expect(related.cases[0]).toMatchObject({ number: expect.stringMatching(/^\d{8}$/), status: 'Working' });
    expect(related.activities.map((a) => a.subject)).toEqual(['Call 4', 'Call 3', 'Call 2']);
  });

  it("brings the contact's account's other open cases in the same one request: a colleague's, not the contact's own, not closed ones", async () => {
    const grace = emulator.records('Contact').find((c) => c.Email === 'grace.hopper@example.com')!;
    const colleague = emulator.org.insert('Contact', { FirstName: 'Ada', LastName: 'Byron', AccountId: grace.AccountId });
    emulator.org.insert('Case', { Subject: 'Printer down', Status: 'New', ContactId: colleague.Id, AccountId: grace.AccountId, LastModifiedDate: '2026-11-29T09:00:00.000+0000' });
    emulator.org.insert('Case', { Subject: 'Fixed last year', Status: 'Closed', ContactId: colleague.Id, AccountId: grace.AccountId });
    emulator.org.insert('Case', { Subject: 'Another company', Status: 'New', AccountId: emulator.records('Account').find((a) => a.Id !== grace.AccountId)!.Id });
    const found = await identify(chat({ email: 'grace.hopper@example.com' }));
    expect(found.calls).toBe(1);
    const related = found.contacts[0]!.related!;
    expect(related.cases.map((c) => c.subject)).toEqual(['Cannot log in']);
    expect(related.accountCases!.map((c) => c.subject)).toEqual(['Printer down']);
    expect(related.accountCases![0]).toMatchObject({ number: expect.stringMatching(/^\d{8}$/), status: 'New' });
  });

  it("brings an account's open cases, and says a person without any has none (not unknown)", async () => {
    const rules: IdentifyRules = { ...DEFAULT_RULES, accounts: [{ chatField: 'visitor.company', sfField: 'Name' }] };
    const found = await identify(chat({ email: 'jose.garcia@example.com', company: 'Acme Corp' }), rules);
    expect(found.accounts[0]!.related!.cases.map((c) => c.subject)).toEqual(['Cannot log in']);
    const lead = await identify(chat({ email: emulator.records('Lead').find((l) => !l.IsConverted)!.Email as string }));
    expect(lead.leads[0]!.related).toEqual({ cases: [], activities: [] });
  });

  it.each(['415.555.0100', '+1 (415) 555-0100', '4155550100'])('finds a contact by a differently formatted phone: %s', async (phone) => {
    const found = await identify(chat({ phone }, { session: { country: 'US' } }), WITH_PHONE);
    expect(found.contacts.map((c) => c.name)).toEqual(['Grace Hopper']);
  });

  it('ranks the record that meets more conditions first', async () => {
    const found = await identify(chat({ email: 'pat@nowhere.example', phone: '+1 212 555 0147' }, { session: { country: 'US' } }), WITH_PHONE);
    expect(found.contacts.map((c) => c.name).sort()).toEqual(['Pat Morgan', 'Pat Morgan-Lee']);
    // The same phone on both, nothing else: a tie, said as one (which was changed last is no evidence).
    expect(found.contacts.map((c) => !!c.tiedWithBest)).toEqual([false, true]);
    const both = await identify(chat({ email: 'grace.hopper@example.com', phone: '(415) 555-0100' }, { session: { country: 'US' } }), WITH_PHONE);
    expect(both.contacts[0]).toMatchObject({ name: 'Grace Hopper', matched: ['visitor.email→Email', 'visitor.phone→Phone'] });
    expect(both.contacts.some((c) => c.tiedWithBest)).toBe(false);
    expect(both.calls).toBe(1);
  });

  it('finds a lead when there is no contact, and a contact over a lead with the same e-mail', async () => {
    const lead = await identify(chat({ email: 'chloe.dubois@example.com' }));
    expect(lead.contacts).toEqual([]);
    expect(lead.leads).toMatchObject([{ type: 'Lead', name: 'Chloé Dubois' }]);
    const shared = await identify(chat({ email: 'sam.shared@example.com' }));
    expect(shared.contacts).toMatchObject([{ name: 'Sam Shared' }]);
  });

  it('follows a converted lead to its contact and never offers the lead', async () => {
    const found = await identify(chat({ email: 'conrad@oldmail.example' }));
    expect(found.leads).toEqual([]);
    expect(found.contacts).toMatchObject([{ type: 'Contact', name: 'Conrad Converse', account: { name: 'Converse Shoes' }, viaConvertedLead: expect.stringMatching(/^00Q/) }]);
  });

  describe('with the shown fields', () => {
    const display: DisplayFields = {
      Contact: displayFields(objectMeta('Contact'), DEFAULT_MAPPING.Contact),
      Lead: displayFields(objectMeta('Lead'), DEFAULT_MAPPING.Lead),
      Account: displayFields(objectMeta('Account'), DEFAULT_MAPPING.Account),
    };

    it("brings the contact's shown fields, lookup names and its account's fields in the same one request", async () => {
      const found = await identify(chat({ email: 'grace.hopper@example.com', phone: '(415) 555-0100' }, { session: { country: 'US' } }), WITH_PHONE, display);
      expect(found.calls).toBe(1);
      const grace = found.contacts[0]!;
      expect(grace.values).toMatchObject({ Email: 'grace.hopper@example.com', Phone: '(415) 555-0100', OwnerId: expect.stringMatching(/^005/) });
      expect(Object.keys(grace.values!)).toEqual(display.Contact!.map((f) => f.name));
      expect(grace.names!.OwnerId).toEqual(expect.any(String));
      expect(grace.account).toMatchObject({ name: 'Acme Corp', values: { OwnerId: expect.stringMatching(/^005/) }, names: { OwnerId: expect.any(String) } });
    });

    it("shows a converted lead's contact with the contact's fields, not the lead's", async () => {
      const found = await identify(chat({ email: 'conrad@oldmail.example' }), DEFAULT_RULES, display);
      expect(found.contacts[0]).toMatchObject({ type: 'Contact', values: { Email: 'conrad.converse@example.com' }, account: { name: 'Converse Shoes', values: expect.any(Object) } });
    });

    it('shows a lead with its status and company', async () => {
      const found = await identify(chat({ email: 'chloe.dubois@example.com' }), DEFAULT_RULES, display);
      expect(found.leads[0]!.values).toMatchObject({ Company: expect.any(String), Status: expect.any(String) });
    });
  });

  it('finds nobody for an unknown visitor, and never uses a masked value', async () => {
    expect(await identify(chat({ email: 'nobody@example.com' }))).toMatchObject({ contacts: [], leads: [], calls: 1 });
    const masked = await identify(chat({}, { masked: ['visitor.email'] }));
    expect(masked).toMatchObject({ contacts: [], leads: [], calls: 0 });
  });

  it.each([
    `grace.hopper@example.com' OR Email != '`,
    `\\' OR Name LIKE '%`,
    '%',
    '*',
    '{FIND} & | ! ( ) ^ ~ : " + -',
    'a'.repeat(5000),
    '‮evil‬ 👩🏽‍💻',
    `Initech' OR Company != '`,
    `Initech\\' OR Company != '`,
  ])('keeps hostile input literal: %j', async (value) => {
    const rules: IdentifyRules = { ...WITH_PHONE, leads: [...WITH_PHONE.leads, { chatField: 'preChat.Company', sfField: 'Company' }] };
    const found = await identify(chat({ email: value, phone: value, name: value }, { preChat: { Company: value } }), rules);
    expect(found.calls).toBe(1); // the Company rule always reaches a SOQL literal
    expect(found.contacts).toEqual([]);
    expect(found.leads).toEqual([]);
  });

  it('matches a text rule exactly (so the hostile cases above are not vacuous)', async () => {
    const rules: IdentifyRules = { contacts: [], leads: [{ chatField: 'preChat.company', sfField: 'Company' }], accounts: [] };
    const found = await identify(chat({}, { preChat: { Company: 'Initech' } }), rules);
    expect(found.leads.map((l) => l.name)).toEqual(['Sam Shared']);
  });
});
