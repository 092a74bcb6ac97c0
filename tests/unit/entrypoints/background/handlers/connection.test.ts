import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { connectionHandlers } from '@/entrypoints/background/handlers/connection';
import { identifyHandlers } from '@/entrypoints/background/handlers/identify';
import { panelIn, popup, useServices } from '../setup';

const ctx = useServices();

describe('the connection', () => {
  it("says who is connected and how much of the day's budget this extension used, the agent's own lookups included", async () => {
    ctx.settings.local = { general: { phoneRegion: null, apiBudgetPercent: 10 } };
    ctx.org.emulator.usage.max = 1000;
    const c = connectionHandlers(ctx.services, 0);
    const first = await c['salesforce.status']({}, popup);
    expect(first).toMatchObject({ state: 'connected', budget: { percent: 10, allowed: 100 } });
    const before = first.state === 'connected' ? first.budget!.calls : -1;
    await identifyHandlers(ctx.services)['salesforce.search']({ text: 'Hopper' }, panelIn(7));
    const after = await c['salesforce.status']({}, popup);
    // The search, its describes, and the status checks themselves all count.
    expect(after.state === 'connected' && after.budget!.calls).toBe(ctx.org.emulator.apiCalls().length);
    expect(after.state === 'connected' && after.budget!.calls).toBeGreaterThan(before + 1);
  });

  it('says not connected, and asks nothing, before anyone logged in', async () => {
    ctx.settings.connected = false;
    const c = connectionHandlers(ctx.services, 0);
    expect(await c['salesforce.status']({}, popup)).toEqual({ state: 'not_connected' });
    expect(await c['salesforce.fields']({}, popup)).toMatchObject({ state: 'error', message: expect.stringContaining('Not connected') });
    expect(ctx.org.emulator.apiCalls()).toEqual([]);
  });

  it('tells Salesforce being down apart from a refusal', async () => {
    ctx.org.emulator.faults.push({ kind: '503', count: 10 });
    expect(await connectionHandlers(ctx.services, 0)['salesforce.status']({}, popup)).toMatchObject({ state: 'unreachable' });
  });

  it("lists the org's fields for the mapping, and names the chat key field where the org has one", async () => {
    ctx.org.emulator.reset({ data: 'scenarios', org: { externalIdField: { name: 'Chat_Key__c', objects: ['Case', 'Task'] } } });
    const fields = await connectionHandlers(ctx.services, 0)['salesforce.fields']({}, popup);
    expect(fields.state).toBe('fields');
    if (fields.state !== 'fields') return;
    expect(fields.objects.Contact?.map((f) => f.name)).toEqual(expect.arrayContaining(['Email', 'Phone', 'AccountId']));
    const keys = Object.entries(fields.objects).flatMap(([object, list]) => list.filter((f) => f.chatKey).map((f) => `${object}.${f.name}`));
    expect(keys).toEqual(['Case.Chat_Key__c', 'Task.Chat_Key__c']);
  });

  it('"Disconnect and remove local data" forgets the writes (saying how many were not sent), the audit log and the caches, and keeps the settings', async () => {
    const grace = { ...emptySnapshot('c1', 'demo', 'ended'), visitor: { email: 'grace.hopper@example.com' } };
    await ctx.services.outbox.enqueue(grace, 'ended');
    await ctx.services.outbox.enqueue({ ...grace, chatId: 'c2' }, 'ended');
    ctx.services.remember([{ at: Date.now(), chatId: 'c1', object: 'Case', id: '500000000000001AAA', method: 'POST', fields: { Subject: 'Chat' } }]);
    await fakeBrowser.storage.local.set({ settings: { general: { phoneRegion: 'GB' } }, owners: { x: { id: null } }, 'api-budget': { day: 'today' }, 'outbox-paused-until': 5 });
    const c = connectionHandlers(ctx.services, 0);
    // Plain "Disconnect" keeps them.
    await c['auth.disconnect']({ removeData: false }, popup);
    expect(await ctx.services.outbox.entries()).toHaveLength(2);
    const result = await c['auth.disconnect']({ removeData: true }, popup);
    expect(result.removed).toEqual({ writes: 2, unsent: 2 });
    expect(await ctx.services.outbox.entries()).toEqual([]);
    expect(await ctx.services.audit.all()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { general: { phoneRegion: 'GB' } } });
  });
});
