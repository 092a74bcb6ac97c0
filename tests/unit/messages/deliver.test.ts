import { describe, expect, it } from 'vitest';
import { deliver } from '@/utils/messages/deliver';
import { CommandError } from '@/utils/messages/protocol';

const gone = () => new CommandError('extension_unreachable', 'Could not establish connection. Receiving end does not exist.');

describe('deliver: an event is sent until the background says it is stored', () => {
  it('tries again while the worker is unreachable, and stops at the first acknowledgement', async () => {
    let calls = 0;
    const answer = await deliver(async () => {
      if (++calls < 3) throw gone();
      return { accepted: true };
    }, new AbortController().signal, [1, 1, 1, 1]);
    expect(answer).toEqual({ accepted: true });
    expect(calls).toBe(3);
  });

  it('tries again while the browser could not store the event (a full disk: room may be made meanwhile)', async () => {
    let calls = 0;
    const answer = await deliver(async () => {
      if (++calls < 2) throw new CommandError('not_stored', 'This browser has no room left');
      return { accepted: true };
    }, new AbortController().signal, [1, 1]);
    expect(answer).toEqual({ accepted: true });
    expect(calls).toBe(2);
  });

  it('gives up after the last wait, with the last error', async () => {
    let calls = 0;
    await expect(deliver(async () => (calls++, Promise.reject(gone())), new AbortController().signal, [1, 1])).rejects.toThrow(/Receiving end/);
    expect(calls).toBe(3);
  });

  it('does not repeat what another try cannot cure (a refused payload), nor after the script was orphaned', async () => {
    let calls = 0;
    await expect(deliver(async () => (calls++, Promise.reject(new CommandError('bad_request', 'no'))), new AbortController().signal, [1, 1])).rejects.toThrow('no');
    expect(calls).toBe(1);
    const orphaned = new AbortController();
    orphaned.abort();
    calls = 0;
    await expect(deliver(async () => (calls++, Promise.reject(gone())), orphaned.signal, [1, 1])).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
