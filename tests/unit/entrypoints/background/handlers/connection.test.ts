import { describe, expect, it } from 'vitest';
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
});
