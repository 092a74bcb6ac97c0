import { describe, expect, it } from 'vitest';
import { createPanelStore } from '@/components/panel/store';
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
