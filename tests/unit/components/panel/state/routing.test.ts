import { describe, expect, it } from 'vitest';
import { routeKey, routingSlice, type Route } from '@/components/panel/state/routing';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { CommandError } from '@/utils/messages/protocol';
import { found } from './fixtures';

const chat = { ...emptySnapshot('c1', 'demo@console.example.com'), visitor: { email: 'g@example.com' } };
const grace = found.contacts[0]!;
const ben = { userId: '005000000000001AAA', name: 'Ben Backup', object: 'Contact' as const, me: false };
const route = (more: Partial<Route> = {}): Route => ({ owner: ben, suggestion: null, transfer: { agent: true, department: false }, ...more });
const status = async () => ({ state: 'not_connected' as const });

describe('the routing slice', () => {
  it('asks once per record and its values: an edited value asks again', async () => {
    const asked: string[] = [];
    const slice = routingSlice({ readStatus: status, suggest: async ({ record }) => (asked.push(record.id), route()) });
    await Promise.all([slice.route(chat, grace), slice.route(chat, grace)]);
    expect(asked).toHaveLength(1);
    expect(slice.routes.value[routeKey('c1', grace)]).toEqual(route());
    const edited = { ...grace, values: { ...grace.values, Title: 'Admiral' } };
    await slice.route(chat, edited);
    expect(asked).toHaveLength(2);
    // Asked again (the tab shown again): the answer stays on screen meanwhile.
    const again = slice.route(chat, edited, true);
    expect(slice.routes.value[routeKey('c1', edited)]).toEqual(route());
    await again;
    expect(asked).toHaveLength(3);
  });

  it('transfers only after the agent confirms, then says how it went; a background gone is said too', async () => {
    const sent: unknown[] = [];
    const slice = routingSlice({ readStatus: status, transfer: async (request) => (sent.push(request), { outcome: 'not-listed' as const }) });
    slice.askTransfer('c1', { kind: 'agent', name: 'Ben Backup' });
    expect(slice.transfers.value.c1).toEqual({ to: { kind: 'agent', name: 'Ben Backup' }, state: 'confirm' });
    expect(sent).toEqual([]);
    await slice.transfer(chat);
    expect(sent).toEqual([{ console: 'demo@console.example.com', chatId: 'c1', to: { kind: 'agent', name: 'Ben Backup' } }]);
    expect(slice.transfers.value.c1).toMatchObject({ state: 'outcome', outcome: 'not-listed' });
    // Not asked again without a new confirmation.
    await slice.transfer(chat);
    expect(sent).toHaveLength(1);
    const gone = routingSlice({ readStatus: status, transfer: async () => { throw new CommandError('extension_unreachable', 'gone'); } });
    gone.askTransfer('c1', { kind: 'agent', name: 'Ben Backup' });
    await gone.transfer(chat);
    expect(gone.transfers.value.c1).toMatchObject({ state: 'failed', problem: expect.stringMatching(/Reload this page/) });
  });

  it('a chat transferred before the panel loaded shows as transferred', async () => {
    const slice = routingSlice({ readStatus: status, suggest: async () => route({ transferred: { to: 'Carla Chen', kind: 'agent' } }) });
    await slice.route(chat, grace);
    expect(slice.transfers.value.c1).toEqual({ to: { kind: 'agent', name: 'Carla Chen' }, state: 'outcome', outcome: 'done' });
  });
});
