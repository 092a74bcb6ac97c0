import { describe, expect, it } from 'vitest';
import { identitySlice } from '@/components/panel/state/identity';
import { writesSlice } from '@/components/panel/state/writes';
import type { PanelSources } from '@/components/panel/state/sources';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { CommandError, type CommandRequest, type OutboxItem } from '@/utils/messages/protocol';
import { connection, found } from './fixtures';

const item = (state: OutboxItem['state']): OutboxItem => ({ id: 'w1', chatId: 'c1', trigger: 'ended', state, attempts: 1, errors: [], duplicates: [], ids: {}, steps: [], skipped: [] });

function setup(sources: Partial<PanelSources>, state: 'connected' | 'not_connected' = 'connected') {
  const all = { readStatus: async () => ({ state: 'not_connected' as const }), identify: async () => found, ...sources };
  const base = connection(state);
  const identity = identitySlice(all, base, () => undefined);
  return { base, identity, writes: writesSlice(all, base, identity) };
}

describe('the writes slice', () => {
  it("asks what the chat's write would leave out only once its record settled and Salesforce is connected, and not again for the same values", async () => {
    const asked: string[] = [];
    const preview = async ({ snapshot }: CommandRequest<'chat.preview'>) => (asked.push(snapshot.chatId), { state: 'preview' as const, skipped: [{ ref: 'person' as const, object: 'Contact', field: 'Phone', label: 'Phone', value: 'call me', reason: 'not a phone number' }] });
    const chat = { ...emptySnapshot('c1', 'demo'), visitor: { email: 'g@example.com' } };
    const { identity, writes } = setup({ preview });
    await writes.previewWrite(chat);
    expect(asked).toEqual([]); // not identified yet
    await identity.identify(chat);
    await writes.previewWrite(chat);
    await writes.previewWrite(chat);
    expect(asked).toEqual(['c1']);
    expect(writes.previews.value.c1?.skipped.map((s) => s.field)).toEqual(['Phone']);
    await writes.previewWrite({ ...chat, visitor: { email: 'g@example.com', phone: '+1 415 555 0100' } });
    expect(asked).toEqual(['c1', 'c1']);
    const offline = setup({ preview }, 'not_connected');
    await offline.identity.identify(chat);
    await offline.writes.previewWrite(chat);
    expect(asked).toHaveLength(2);
  });

  it("puts the background's refusal of a correction on its field, and asks again once one is taken", async () => {
    let ok = false;
    const { identity, writes } = setup({
      preview: async () => ({ state: 'preview', skipped: [{ ref: 'person', object: 'Contact', field: 'Phone', label: 'Phone', value: 'call me', reason: 'not a phone number' }] }),
      fix: async () => (ok ? { ok: true } : { ok: false, problem: 'Still not a phone number.' }),
    });
    const chat = emptySnapshot('c1', 'demo');
    await identity.identify(chat);
    await writes.previewWrite(chat);
    const skipped = writes.previews.value.c1!.skipped[0]!;
    await writes.fixValue(chat, skipped, 'call me later');
    expect(writes.previews.value.c1!.problems).toEqual({ 'person.Phone': 'Still not a phone number.' });
    ok = true;
    await writes.fixValue(chat, skipped, '+14155550100');
    expect(writes.previews.value.c1!.problems).toEqual({});
  });

  it('attaches the chat to a case through the background, and takes it back when that fails', async () => {
    const sent: CommandRequest<'chat.case'>[] = [];
    let fail = false;
    const openCase = { id: '500000000000001AAA', number: '00001001' };
    const { base, writes } = setup({
      attach: async (request) => {
        if (fail) throw new CommandError('unreachable', 'The extension was reloaded.');
        sent.push(request);
        return { stored: true };
      },
    });
    const chat = emptySnapshot('c1', 'demo');
    await writes.attachCase(chat, openCase);
    expect(writes.attached.value).toEqual({ c1: openCase });
    expect(sent).toEqual([{ console: 'demo', chatId: 'c1', case: openCase }]);
    fail = true;
    await writes.attachCase(chat, null);
    expect(writes.attached.value).toEqual({ c1: openCase });
    expect(base.problem.value).toMatch(/reloaded/);
  });

  it('sends again a write that waited for an account once the agent relates the chat to one', async () => {
    const retried: CommandRequest<'outbox.retry'>[] = [];
    const { writes } = setup({ relate: async () => ({ stored: true }), retry: async (r) => (retried.push(r), item('pending')) });
    writes.writeSettled({ type: 'outbox.update', tabId: 7, instanceUrl: 'https://x', item: item('needs_attention') });
    await writes.relateAccount(emptySnapshot('c1', 'demo'), { id: '001000000000001AAA', name: 'Acme Corp' });
    expect(retried).toEqual([{ id: 'w1' }]);
    expect(writes.writes.value.c1!.item.state).toBe('pending');
  });
});
