import { describe, expect, it } from 'vitest';
import { formLinks, formSlice } from '@/components/panel/state/form';
import { identitySlice } from '@/components/panel/state/identity';
import { writesSlice } from '@/components/panel/state/writes';
import type { PanelSources } from '@/components/panel/state/sources';
import { emptySnapshot } from '@/utils/chat/snapshot';
import type { CommandRequest, CommandResponse, FormSection } from '@/utils/messages/protocol';
import { fieldOf } from '@/utils/salesforce/describe';
import { objectMeta } from '../../../mapping/fields';
import { connection } from './fixtures';

const section = (object: string, names: string[]): FormSection[] => [{ heading: 'Information', fields: names.map((n) => fieldOf(objectMeta(object), n)!) } as FormSection];
const formOf = (object: 'Contact' | 'Case', initial: Record<string, string>): CommandResponse<'form.open'> => ({
  state: 'form', object, label: object, sections: object === 'Contact' ? section('Contact', ['FirstName', 'LastName', 'Email']) : section('Case', ['Subject', 'ContactId', 'AccountId']),
  initial, names: {}, recordTypes: [], recordTypeId: null, offLayout: [],
});

function setup(create: (r: CommandRequest<'record.create'>) => CommandResponse<'record.create'>) {
  const asked = { forms: [] as CommandRequest<'form.open'>[], created: [] as CommandRequest<'record.create'>[], planned: [] as CommandRequest<'chat.plan'>[] };
  const sources: PanelSources = {
    readStatus: async () => ({ state: 'not_connected' }),
    identify: async () => ({ state: 'not_found', instanceUrl: 'https://x', fields: {}, contacts: [], leads: [], accounts: [] }),
    openForm: async (r) => (asked.forms.push(r), r.object === 'Contact' ? formOf('Contact', { FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' }) : formOf('Case', { Subject: 'Chat' })),
    create: async (r) => (asked.created.push(r), create(r)),
    plan: async (r) => (asked.planned.push(r), { id: 'w1', chatId: r.snapshot.chatId, trigger: 'manual', state: 'waiting', attempts: 0, errors: [], duplicates: [], ids: {}, steps: [], skipped: [] }),
  };
  const identity = identitySlice(sources, connection(), () => undefined);
  const writes = writesSlice(sources, connection(), identity);
  return { asked, identity, writes, form: formSlice(sources, identity, writes) };
}

describe('the record form slice', () => {
  const chat = { ...emptySnapshot('c1', 'demo'), visitor: { name: 'Ada Lovelace', email: 'ada@example.com' } };

  it('creates the person first, shows them as the chat\'s record, then opens the case on them; the case waits for the chat\'s end with only what the agent changed', async () => {
    const { asked, identity, writes, form } = setup(() => ({ state: 'created', id: '003000000000009AAA', name: 'Ada Lovelace' }));
    await form.startForm(chat, 'contactCase');
    expect(asked.forms.map((f) => f.object)).toEqual(['Contact']);
    await form.submitForm(chat, 'https://x');
    expect(asked.created).toEqual([{ type: 'Contact', values: { FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' } }]);
    expect(identity.manual.value.c1?.record).toMatchObject({ id: '003000000000009AAA', name: 'Ada Lovelace' });
    expect(form.form.value).toMatchObject({ object: 'Case', values: { Subject: 'Chat', ContactId: '003000000000009AAA' }, lookupNames: { ContactId: 'Ada Lovelace' } });
    form.setFormValue(fieldOf(objectMeta('Case'), 'Subject')!, 'Refund');
    await form.submitForm(chat, 'https://x');
    expect(asked.planned).toEqual([{ snapshot: chat, action: 'contactCase', person: { type: 'Contact', id: '003000000000009AAA' }, overrides: { Subject: 'Refund', ContactId: '003000000000009AAA' } }]);
    expect(form.form.value).toBeNull();
    expect(writes.writes.value.c1?.item.state).toBe('waiting');
  });

  it("keeps the form and names the duplicates when Salesforce's duplicate rule refuses the person", async () => {
    const { asked, form } = setup(() => ({ state: 'refused', fields: {}, message: 'Use one of these records?', duplicates: [{ object: 'Contact', id: '003000000000001AAA' }] }));
    await form.startForm(chat, 'contactCase');
    await form.submitForm(chat, 'https://x');
    expect(form.form.value).toMatchObject({ object: 'Contact', saving: false, message: 'Use one of these records?', duplicates: [{ object: 'Contact', id: '003000000000001AAA' }] });
    await form.useExisting(chat, 'https://x', { object: 'Contact', id: '003000000000001AAA' });
    expect(asked.forms.map((f) => f.object)).toEqual(['Contact', 'Case']);
    expect(form.form.value).toMatchObject({ object: 'Case', values: { ContactId: '003000000000001AAA' } });
  });

  it('sends nothing while a required field is empty, and shows it', async () => {
    const { asked, form } = setup(() => ({ state: 'created', id: '003000000000009AAA', name: 'x' }));
    await form.startForm(chat, 'contactCase');
    form.setFormValue(fieldOf(objectMeta('Contact'), 'LastName')!, '');
    await form.submitForm(chat, 'https://x');
    expect(asked.created).toEqual([]);
    expect(form.form.value).toMatchObject({ message: 'Fill in the marked fields.', problems: { LastName: expect.any(String) } });
  });

  it("fills a form with the person, their account and the chat's case; never a lead beside a case", () => {
    const person = { type: 'Contact' as const, id: '003000000000001AAA', name: 'Grace Hopper', account: { id: '001000000000001AAA', name: 'Acme Corp' } };
    const openCase = { id: '500000000000001AAA', number: '00001001' };
    expect(formLinks('Case', person, person.account, undefined)).toEqual({ ContactId: { id: person.id, name: 'Grace Hopper' }, AccountId: person.account });
    expect(formLinks('Task', person, person.account, undefined)).toEqual({ WhoId: { id: person.id, name: 'Grace Hopper' }, WhatId: person.account });
    expect(formLinks('Task', person, person.account, openCase)).toMatchObject({ WhatId: { id: openCase.id, name: 'Case 00001001' } });
    expect(formLinks('Contact', undefined, person.account, undefined)).toEqual({ AccountId: person.account });
    const lead = { type: 'Lead' as const, id: '00Q000000000001AAA', name: 'Chloé Dubois' };
    expect(formLinks('Task', lead, person.account, undefined)).toEqual({ WhoId: { id: lead.id, name: 'Chloé Dubois' } });
    expect(formLinks('Task', lead, undefined, openCase)).toEqual({ WhatId: { id: openCase.id, name: 'Case 00001001' } });
  });
});
