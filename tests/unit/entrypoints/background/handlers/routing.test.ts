import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { identifyHandlers } from '@/entrypoints/background/handlers/identify';
import { routingHandlers } from '@/entrypoints/background/handlers/routing';
import type { Candidate } from '@/utils/messages/protocol';
import { consoleHandlers } from '@/entrypoints/background/handlers/console';
import { consoleTab, panelIn, useServices } from '../setup';

const ctx = useServices();
const grace = { ...emptySnapshot('c1', 'demo'), visitor: { email: 'grace.hopper@example.com' } };
/** Acme Corp is the seeded org's first account: its Type is "Customer - Direct". */
const RULES = { routing: { rules: [{ object: 'Account', field: 'Type', values: ['Customer - Direct'], to: 'owner' }] } };

async function graceAsShown(): Promise<Candidate> {
  const found = await identifyHandlers(ctx.services)['identify.run']({ snapshot: grace, force: false }, panelIn(7));
  if (found.state !== 'found') throw new Error(`not found: ${found.state}`);
  return found.contacts[0]!;
}

const users = async () => Object.fromEntries(ctx.org.emulator.records('User').map((u) => [u.Id as string, `${u.FirstName} ${u.LastName}`]));

describe('routing.suggest', () => {
  it("identification reads the owner and what the rules look at; the suggestion is the account's owner, each person with their Omni-Channel presence", async () => {
    ctx.settings.local = RULES;
    const record = await graceAsShown();
    const accountOwner = record.account?.values?.OwnerId as string;
    expect(record.account?.values?.Type).toBe('Customer - Direct');
    expect(record.values?.OwnerId).toMatch(/^005/);
    const names = await users();
    const route = await routingHandlers(ctx.services)['routing.suggest']({ console: 'demo@console.example.com', chatId: 'c1', record }, panelIn(7));
    expect(route.owner).toMatchObject({ userId: record.values!.OwnerId, name: names[record.values!.OwnerId as string], object: 'Contact', me: false });
    expect(route.suggestion).toMatchObject({ to: 'owner', owner: { userId: accountOwner, name: names[accountOwner], object: 'Account' }, because: { object: 'Account', field: 'Type', value: 'Customer - Direct' } });
    // The seeded agents are signed in to Omni-Channel (Available or Busy); the integration user is not.
    for (const person of [route.owner!, route.suggestion!.to === 'owner' ? route.suggestion!.owner : null]) {
      if (!person) continue;
      expect(person.omni).toEqual(names[person.userId] === 'Integration User' ? { state: 'offline' } : { state: 'online', label: expect.stringMatching(/^(Available|Busy)$/), away: false });
    }
    expect(route.transfer).toEqual({ agent: true, department: true });
  });

  it('asks Salesforce once a minute at most per person: the panel shown again costs nothing', async () => {
    const record = await graceAsShown();
    const h = routingHandlers(ctx.services);
    await h['routing.suggest']({ console: 'demo', chatId: 'c1', record }, panelIn(7));
    const calls = ctx.org.emulator.apiCalls().length;
    await h['routing.suggest']({ console: 'demo', chatId: 'c1', record }, panelIn(7));
    expect(ctx.org.emulator.apiCalls().length).toBe(calls);
  });

  it('no rules: the owner, no suggestion; a console whose adapter has no transfer offers none', async () => {
    const record = await graceAsShown();
    const route = await routingHandlers(ctx.services)['routing.suggest']({ console: 'no-such-console', chatId: 'c1', record }, panelIn(7));
    expect(route.owner?.object).toBe('Contact');
    expect(route.suggestion).toBeNull();
    expect(route.transfer).toEqual({ agent: false, department: false });
  });

  it('not connected: the owner and the suggestion from the record as shown, nothing asked of Salesforce', async () => {
    ctx.settings.local = RULES;
    const record = await graceAsShown();
    ctx.settings.connected = false;
    const calls = ctx.org.emulator.apiCalls().length;
    const route = await routingHandlers(ctx.services)['routing.suggest']({ console: 'demo', chatId: 'c1', record }, panelIn(7));
    expect(route.owner?.omni).toBeUndefined();
    expect(route.suggestion?.to).toBe('owner');
    expect(ctx.org.emulator.apiCalls().length).toBe(calls);
  });

  it("the agent's own record: marked as theirs (the panel offers no transfer to themselves)", async () => {
    const record = await graceAsShown();
    const me = await ctx.services.omni.userId((await ctx.services.client())!);
    const route = await routingHandlers(ctx.services)['routing.suggest']({ console: 'demo', chatId: 'c1', record: { ...record, values: { ...record.values, OwnerId: me } } }, panelIn(7));
    expect(route.owner).toMatchObject({ userId: me, me: true });
  });
});

describe('console.transfer', () => {
  it("done: the chat may be written by whoever took it, so its end here is kept for the agent, not sent; another chat's end is written", async () => {
    ctx.settings.local = { automation: { ended: { action: 'contactTask', strategy: 'none', noMatch: 'nothing' } } };
    const asked: unknown[] = [];
    ctx.services.transfer = async (tabId, adapter, chatId, to) => (asked.push([tabId, adapter.name, chatId, to]), 'done');
    const chat = (chatId: string, state: 'active' | 'ended' = 'active') => ({ ...grace, chatId, state });
    const consoleEvents = consoleHandlers(ctx.services);
    const tasks = ctx.org.emulator.records('Task').length;
    await consoleEvents['chat.event']({ type: 'started', snapshot: chat('c1') }, consoleTab(7));
    // The panel names the chat's console as the background does: with the console's host.
    expect(await routingHandlers(ctx.services)['console.transfer']({ console: 'demo@console.example.com', chatId: 'c1', to: { kind: 'agent', name: 'Ben Backup' } }, panelIn(7))).toEqual({ outcome: 'done' });
    expect(asked).toEqual([[7, 'demo', 'c1', { kind: 'agent', name: 'Ben Backup' }]]);
    // A panel loaded again hears it was transferred.
    const record = await graceAsShown();
    expect((await routingHandlers(ctx.services)['routing.suggest']({ console: 'demo@console.example.com', chatId: 'c1', record }, panelIn(7))).transferred).toEqual({ to: 'Ben Backup', kind: 'agent' });
    expect((await routingHandlers(ctx.services)['routing.suggest']({ console: 'demo@console.example.com', chatId: 'c2', record }, panelIn(7))).transferred).toBeUndefined();
    await consoleEvents['chat.event']({ type: 'ended', snapshot: chat('c1', 'ended') }, consoleTab(7));
    await consoleEvents['chat.event']({ type: 'ended', snapshot: chat('c2', 'ended') }, consoleTab(7));
    await ctx.sent();
    const entries = Object.fromEntries((await ctx.services.outbox.entries()).map((e) => [e.snapshot.chatId, e]));
    expect(entries.c1).toMatchObject({ state: 'needs_attention', lastError: expect.stringContaining('transferred to Ben Backup') });
    expect(entries.c1!.ids).toBeUndefined();
    expect(entries.c2).toMatchObject({ state: 'done' });
    // One task: c2's. c1's waits for the agent.
    expect(ctx.org.emulator.records('Task').length).toBe(tasks + 1);
  });

  it('not done (nobody by that name): the chat stays this agent\'s to write', async () => {
    ctx.settings.local = { automation: { ended: { action: 'contactTask', strategy: 'none', noMatch: 'nothing' } } };
    ctx.services.transfer = async () => 'not-listed';
    expect(await routingHandlers(ctx.services)['console.transfer']({ console: 'demo@console.example.com', chatId: 'c1', to: { kind: 'agent', name: 'Ben Backup' } }, panelIn(7))).toEqual({ outcome: 'not-listed' });
    await consoleHandlers(ctx.services)['chat.event']({ type: 'ended', snapshot: { ...grace, state: 'ended' } }, consoleTab(7));
    await ctx.sent();
    expect((await ctx.services.outbox.entries()).map((e) => e.snapshot.chatId)).toEqual(['c1']);
  });

  it('without a console tab to ask: no-control, never a guess', async () => {
    const h = routingHandlers(ctx.services);
    expect(await h['console.transfer']({ console: 'demo', chatId: 'c1', to: { kind: 'agent', name: 'Ben Backup' } }, panelIn(7))).toEqual({ outcome: 'no-control' });
  });
});
