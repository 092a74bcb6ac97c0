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
