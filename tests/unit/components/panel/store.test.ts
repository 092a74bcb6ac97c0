import { describe, expect, it } from 'vitest';
import { createPanelStore } from '@/components/panel/store';
import { emptySnapshot } from '@/utils/chat/snapshot';
import type { CommandRequest } from '@/utils/messages/protocol';
import { found } from './state/fixtures';

/** The slices put together: what crosses from one to another (each slice's own behaviour is tested in state/). */
describe('createPanelStore', () => {
  it('a record picked from the search ends the search and becomes the chat\'s record; the write\'s preview is asked again for it', async () => {
    const told: CommandRequest<'chat.record'>[] = [];
    const previews: string[] = [];
    const store = createPanelStore({
      readStatus: async () => ({ state: 'connected', instanceUrl: 'https://x', apiVersion: '62.0' }) as never,
      identify: async () => ({ ...found, contacts: [], state: 'not_found' }),
      search: async () => ({ state: 'results', instanceUrl: 'https://x', fields: found.fields, records: found.contacts }),
      remember: async (r) => (told.push(r), { stored: true }),
      preview: async ({ snapshot }) => (previews.push(snapshot.chatId), { state: 'preview', skipped: [] }),
    });
    await store.refresh();
    const chat = emptySnapshot('c1', 'demo');
    store.chat.value = chat;
    await store.identify(chat);
    expect(previews).toEqual([]); // asked once the record is shown, not before
    await new Promise((r) => setTimeout(r, 0));
    expect(previews).toEqual(['c1']);
    await store.runSearch('Hopper');
    store.pick('c1', { instanceUrl: 'https://x', fields: found.fields, record: found.contacts[1]! });
    expect(store.search.value).toEqual({ state: 'idle' });
    await new Promise((r) => setTimeout(r, 5));
    expect(told.map((t) => t.record?.id)).toEqual(['003000000000002AAA']);
    expect(previews).toEqual(['c1', 'c1']);
  });

  it('an edit saved shows in the identification the panel holds', async () => {
    const store = createPanelStore({ readStatus: async () => ({ state: 'not_connected' }), identify: async () => found, update: async () => ({ state: 'saved' }) });
    await store.identify(emptySnapshot('c1', 'demo'));
    store.startEdit(found.contacts[0]!);
    store.setDraft(found.fields.Contact![0]!, 'Admiral');
    await store.saveEdit(found.fields.Contact!);
    expect((store.identities.value.c1 as typeof found).contacts[0]!.values!.Title).toBe('Admiral');
  });
});
