import { describe, expect, it } from 'vitest';
import { createPanelStore, formLinks } from '@/components/panel/store';
import { atChatEnd } from '@/components/panel/ChatActions';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { fieldOf } from '@/utils/salesforce/describe';
import { CommandError, type CommandRequest, type CommandResponse, type IdentifyResult } from '@/utils/messages/protocol';
import { objectMeta } from '../../mapping/fields';

describe('createPanelStore', () => {
  it('starts unknown, then holds the status the background gave', async () => {
    const store = createPanelStore({ readStatus: async () => ({ state: 'not_connected' }) });
    expect(store.status.value).toBeNull();
    const pending = store.refresh();
    expect(store.checking.value).toBe(true);
    await pending;
    expect(store.checking.value).toBe(false);
    expect(store.status.value).toEqual({ state: 'not_connected' });
    expect(store.problem.value).toBeNull();
  });

  it('tells the agent to reload when the extension went away, and keeps the last status', async () => {
    let fail = false;
    const store = createPanelStore({
      readStatus: async () => {
        if (fail) throw new CommandError('extension_unreachable', 'Extension context invalidated.');
        return { state: 'not_connected' };
      },
    });
    await store.refresh();
    fail = true;
    await store.refresh();
    expect(store.problem.value).toMatch(/Reload this page/);
    expect(store.status.value).toEqual({ state: 'not_connected' });
  });
});

describe('identification state', () => {
  it("is 'identifying' while it runs, then the answer, per chat; the agent's pick is remembered per chat", async () => {
    let resolve!: (r: import('@/utils/messages/protocol').IdentifyResult) => void;
    const store = createPanelStore({ readStatus: async () => ({ state: 'not_connected' }), identify: () => new Promise((r) => (resolve = r)) });
    const { emptySnapshot } = await import('@/utils/chat/snapshot');
    const pending = store.identify(emptySnapshot('chat-1', 'demo'));
    expect(store.identities.value['chat-1']).toBe('identifying');
    resolve({ state: 'not_found', instanceUrl: 'https://x.my.salesforce.com', fields: {}, contacts: [], leads: [], accounts: [] });
    await pending;
    expect(store.identities.value['chat-1']).toMatchObject({ state: 'not_found' });
    store.choose('chat-2', '003B');
    expect(store.chosen.value).toEqual({ 'chat-2': '003B' });
  });

  it('turns a failure to reach the background into an error the agent can retry', async () => {
    const store = createPanelStore({
      readStatus: async () => ({ state: 'not_connected' }),
      identify: async () => {
        throw new CommandError('extension_unreachable', 'gone');
      },
    });
    const { emptySnapshot } = await import('@/utils/chat/snapshot');
    await store.identify(emptySnapshot('chat-1', 'demo'));
    expect(store.identities.value['chat-1']).toMatchObject({ state: 'error', kind: 'unreachable' });
  });
});

describe('editing in place', () => {
  const contact = objectMeta('Contact');
  const fields = ['Title', 'Email', 'Birthdate'].map((n) => fieldOf(contact, n)!);
  const found: IdentifyResult = {
    state: 'found', instanceUrl: 'https://x.my.salesforce.com', fields: { Contact: fields }, leads: [], accounts: [],
    contacts: [{ type: 'Contact', id: '003000000000001AAA', name: 'Grace', matched: [], values: { Title: 'Rear Admiral', Email: 'g@example.com', Birthdate: null } }],
  };

  function setup(answer: CommandResponse<'record.update'> | Error) {
    const sent: CommandRequest<'record.update'>[] = [];
    const store = createPanelStore({
      readStatus: async () => ({ state: 'not_connected' }),
      identify: async () => found,
      update: async (request) => {
        sent.push(request);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    return { store, sent };
  }

  it('sends only what changed, in one request, and shows the saved value everywhere', async () => {
    const { store, sent } = setup({ state: 'saved' });
    await store.identify(emptySnapshot('chat-1', 'demo'));
    store.startEdit(found.contacts[0]!);
    store.setDraft(fields[0]!, 'Admiral');
    store.setDraft(fields[2]!, '1906-12-09');
    await store.saveEdit(fields);
    expect(sent).toEqual([{ type: 'Contact', id: '003000000000001AAA', values: { Title: 'Admiral', Birthdate: '1906-12-09' }, before: { Title: 'Rear Admiral', Birthdate: null } }]);
    expect(store.editing.value).toBeNull();
    expect(store.notice.value).toEqual({ recordId: '003000000000001AAA', text: 'Saved to Salesforce.' });
    const shown = store.identities.value['chat-1'] as Extract<IdentifyResult, { instanceUrl: string }>;
    expect(shown.contacts[0]!.values).toEqual({ Title: 'Admiral', Email: 'g@example.com', Birthdate: '1906-12-09' });
  });

  it('checks describe as the agent types, and sends nothing while a field is wrong', async () => {
    const { store, sent } = setup({ state: 'saved' });
    store.startEdit(found.contacts[0]!);
    store.setDraft(fields[1]!, 'not an email');
    expect(store.editing.value!.problems).toEqual({ Email: 'Not a valid e-mail address.' });
    await store.saveEdit(fields);
    expect(sent).toEqual([]);
    expect(store.editing.value!.message).toMatch(/Fix the marked fields/);
  });

  it('closes without a request when nothing changed', async () => {
    const { store, sent } = setup({ state: 'saved' });
    store.startEdit(found.contacts[0]!);
    store.setDraft(fields[0]!, 'Rear Admiral');
    await store.saveEdit(fields);
    expect(sent).toEqual([]);
    expect(store.editing.value).toBeNull();
  });

  it("keeps the agent's changes and puts Salesforce's refusal on the field", async () => {
    const { store } = setup({ state: 'refused', fields: { Title: 'Titles must not say Admiral.' } });
    store.startEdit(found.contacts[0]!);
    store.setDraft(fields[0]!, 'Admiral');
    await store.saveEdit(fields);
    expect(store.editing.value).toMatchObject({ saving: false, draft: { Title: 'Admiral' }, problems: { Title: 'Titles must not say Admiral.' } });
  });

  it('keeps the changes when Salesforce or the extension cannot be reached', async () => {
    const down = setup({ state: 'error', message: 'Salesforce cannot be reached (503).' });
    down.store.startEdit(found.contacts[0]!);
    down.store.setDraft(fields[0]!, 'Admiral');
    await down.store.saveEdit(fields);
    expect(down.store.editing.value).toMatchObject({ draft: { Title: 'Admiral' }, message: 'Salesforce cannot be reached (503). Your changes are still here.' });
    const gone = setup(new CommandError('extension_unreachable', 'gone'));
    gone.store.startEdit(found.contacts[0]!);
    gone.store.setDraft(fields[0]!, 'Admiral');
    await gone.store.saveEdit(fields);
    expect(gone.store.editing.value!.message).toMatch(/Reload this page.*Your changes are still here/);
  });
});

describe("the chat's account and case", () => {
  const person = { type: 'Contact' as const, id: '003000000000001AAA', name: 'Grace Hopper', account: { id: '001000000000001AAA', name: 'Acme Corp' } };
  const openCase = { id: '500000000000001AAA', number: '00001001' };

  it('fills a form with the person, their account and the chat\'s case; never a lead beside a case', () => {
    expect(formLinks('Case', person, person.account, undefined)).toEqual({ ContactId: { id: person.id, name: 'Grace Hopper' }, AccountId: person.account });
    expect(formLinks('Task', person, person.account, undefined)).toEqual({ WhoId: { id: person.id, name: 'Grace Hopper' }, WhatId: person.account });
    expect(formLinks('Task', person, person.account, openCase)).toMatchObject({ WhatId: { id: openCase.id, name: 'Case 00001001' } });
    expect(formLinks('Contact', undefined, person.account, undefined)).toEqual({ AccountId: person.account });
    const lead = { type: 'Lead' as const, id: '00Q000000000001AAA', name: 'Chloé Dubois' };
    expect(formLinks('Task', lead, person.account, undefined)).toEqual({ WhoId: { id: lead.id, name: 'Chloé Dubois' } });
    expect(formLinks('Task', lead, undefined, openCase)).toEqual({ WhatId: { id: openCase.id, name: 'Case 00001001' } });
  });

  it('says where the chat goes: on the attached case, under the account shown', () => {
    expect(atChatEnd('contactCase', person, openCase)).toBe('a task on case 00001001, for Grace Hopper');
    expect(atChatEnd('contactCase', null, undefined, { name: 'Acme Corp' })).toBe('a new contact and a case under Acme Corp');
    expect(atChatEnd('case', null, undefined, { name: 'Acme Corp' })).toBe('a case on Acme Corp');
    expect(atChatEnd('nothing', person, openCase)).toBeNull();
  });

  it('attaches the chat to a case through the background, and takes it back when that fails', async () => {
    const sent: CommandRequest<'chat.case'>[] = [];
    let fail = false;
    const store = createPanelStore({
      readStatus: async () => ({ state: 'not_connected' }),
      attach: async (request) => {
        if (fail) throw new CommandError('unreachable', 'The extension was reloaded.');
        sent.push(request);
        return { stored: true };
      },
    });
    const chat = emptySnapshot('c1', 'demo');
    await store.attachCase(chat, openCase);
    expect(store.attached.value).toEqual({ c1: openCase });
    expect(sent).toEqual([{ console: 'demo', chatId: 'c1', case: openCase }]);
    fail = true;
    await store.attachCase(chat, null);
    expect(store.attached.value).toEqual({ c1: openCase });
    expect(store.problem.value).toMatch(/reloaded/);
  });
});
