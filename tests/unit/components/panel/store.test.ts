import { describe, expect, it } from 'vitest';
import { createPanelStore } from '@/components/panel/store';
import { CommandError } from '@/utils/messages/protocol';

describe('createPanelStore', () => {
  it('starts unknown, then holds the status the background gave', async () => {
    const store = createPanelStore(async () => ({ state: 'not_connected' }));
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
    const store = createPanelStore(async () => {
      if (fail) throw new CommandError('extension_unreachable', 'Extension context invalidated.');
      return { state: 'not_connected' };
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
    const store = createPanelStore(async () => ({ state: 'not_connected' }), () => new Promise((r) => (resolve = r)));
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
    const store = createPanelStore(async () => ({ state: 'not_connected' }), async () => {
      throw new CommandError('extension_unreachable', 'gone');
    });
    const { emptySnapshot } = await import('@/utils/chat/snapshot');
    await store.identify(emptySnapshot('chat-1', 'demo'));
    expect(store.identities.value['chat-1']).toMatchObject({ state: 'error', kind: 'unreachable' });
  });
});
