import { describe, expect, it } from 'vitest';
import { identitySlice } from '@/components/panel/state/identity';
import { emptySnapshot, type ChatSnapshot } from '@/utils/chat/snapshot';
import { CommandError, type CommandRequest, type IdentifyResult } from '@/utils/messages/protocol';
import { connection, found } from './fixtures';

describe('the identity slice', () => {
  it("is 'identifying' while it runs, then the answer, per chat; the open chat's write is looked at once it settled", async () => {
    let resolve!: (r: IdentifyResult) => void;
    const settled: string[] = [];
    const slice = identitySlice({ readStatus: async () => ({ state: 'not_connected' }), identify: () => new Promise((r) => (resolve = r)) }, connection(), (s) => void settled.push(s.chatId));
    slice.chat.value = emptySnapshot('chat-1', 'demo');
    const pending = slice.identify(emptySnapshot('chat-1', 'demo'));
    expect(slice.identities.value['chat-1']).toBe('identifying');
    resolve({ state: 'not_found', instanceUrl: 'https://x.my.salesforce.com', fields: {}, contacts: [], leads: [], accounts: [] });
    await pending;
    expect(slice.identities.value['chat-1']).toMatchObject({ state: 'not_found' });
    expect(settled).toEqual(['chat-1']);
  });

  it('reads the connection again when Salesforce answered while the status said it could not (no stale "cannot be reached")', async () => {
    const down = connection('unreachable');
    let answer: IdentifyResult | Error = new Error('still down');
    const slice = identitySlice({ readStatus: async () => ({ state: 'not_connected' }), identify: async () => { if (answer instanceof Error) throw answer; return answer; } }, down, () => undefined);
    await slice.identify(emptySnapshot('chat-1', 'demo'));
    expect(down.refreshed).toHaveLength(0);
    answer = found;
    await slice.identify(emptySnapshot('chat-1', 'demo'));
    expect(down.refreshed).toHaveLength(1);
    // Connected already: nothing to read again.
    const up = connection('connected');
    await identitySlice({ readStatus: async () => ({ state: 'not_connected' }), identify: async () => found }, up, () => undefined).identify(emptySnapshot('chat-2', 'demo'));
    expect(up.refreshed).toHaveLength(0);
  });

  it('turns a failure to reach the background into an error the agent can retry', async () => {
    const slice = identitySlice({ readStatus: async () => ({ state: 'not_connected' }), identify: async () => { throw new CommandError('extension_unreachable', 'gone'); } }, connection(), () => undefined);
    await slice.identify(emptySnapshot('chat-1', 'demo'));
    expect(slice.identities.value['chat-1']).toMatchObject({ state: 'error', kind: 'unreachable' });
  });

  it('tells the background the match the agent chose for the open chat, and a pick undone gives the choice back to identification', async () => {
    const told: CommandRequest<'chat.record'>[] = [];
    const settled: ChatSnapshot[] = [];
    const slice = identitySlice({ readStatus: async () => ({ state: 'not_connected' }), identify: async () => found, remember: async (r) => (told.push(r), { stored: true }) }, connection(), (s) => void settled.push(s));
    const chat = emptySnapshot('c1', 'demo@console.example');
    slice.chat.value = chat;
    await slice.identify(chat);
    slice.choose('c1', '003000000000002AAA');
    slice.pick('c1', { instanceUrl: 'https://x', fields: {}, record: { type: 'Lead', id: '00Q000000000001AAA', name: 'Ada', matched: [] } });
    slice.pick('c1', null);
    await new Promise((r) => setTimeout(r, 0));
    expect(told.map((t) => t.record?.id)).toEqual(['003000000000002AAA', '00Q000000000001AAA', '003000000000002AAA']);
    expect(told[0]).toMatchObject({ console: 'demo@console.example', chatId: 'c1' });
    // A chat the console no longer shows: nothing is told.
    slice.choose('c9', '003000000000001AAA');
    expect(told).toHaveLength(3);
  });

  it('shows a saved value wherever the record appears: among the matches and as a pick', async () => {
    const slice = identitySlice({ readStatus: async () => ({ state: 'not_connected' }), identify: async () => found }, connection(), () => undefined);
    await slice.identify(emptySnapshot('c1', 'demo'));
    slice.pick('c2', { instanceUrl: 'https://x', fields: {}, record: found.contacts[0]! });
    slice.applySaved('003000000000001AAA', { Title: 'Admiral' });
    expect((slice.identities.value.c1 as typeof found).contacts[0]!.values!.Title).toBe('Admiral');
    expect(slice.manual.value.c2!.record.values!.Title).toBe('Admiral');
    expect((slice.identities.value.c1 as typeof found).contacts[1]!.values!.Title).toBeNull();
  });
});
