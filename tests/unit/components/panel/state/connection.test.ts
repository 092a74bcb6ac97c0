import { describe, expect, it } from 'vitest';
import { connectionSlice } from '@/components/panel/state/connection';
import { CommandError } from '@/utils/messages/protocol';

describe('the connection slice', () => {
  it('starts unknown, then holds the status the background gave', async () => {
    const slice = connectionSlice({ readStatus: async () => ({ state: 'not_connected' }) });
    expect(slice.status.value).toBeNull();
    const pending = slice.refresh();
    expect(slice.checking.value).toBe(true);
    await pending;
    expect(slice.checking.value).toBe(false);
    expect(slice.status.value).toEqual({ state: 'not_connected' });
    expect(slice.problem.value).toBeNull();
  });

  it('tells the agent to reload when the extension went away, and keeps the last status', async () => {
    let fail = false;
    const slice = connectionSlice({
      readStatus: async () => {
        if (fail) throw new CommandError('extension_unreachable', 'Extension context invalidated.');
        return { state: 'not_connected' };
      },
    });
    await slice.refresh();
    fail = true;
    await slice.refresh();
    expect(slice.problem.value).toMatch(/Reload this page/);
    expect(slice.status.value).toEqual({ state: 'not_connected' });
  });
});
