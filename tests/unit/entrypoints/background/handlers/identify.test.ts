import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { identifyHandlers } from '@/entrypoints/background/handlers/identify';
import { panelIn, useServices } from '../setup';

const ctx = useServices();
const grace = { ...emptySnapshot('c1', 'demo'), visitor: { email: 'grace.hopper@example.com' } };

describe('identification', () => {
  it("finds the visitor's contact in one request, with the fields the mapping shows, and asks nothing again for the same visitor", async () => {
    const h = identifyHandlers(ctx.services);
    const found = await h['identify.run']({ snapshot: grace, force: false }, panelIn(7));
    expect(found.state).toBe('found');
    if (found.state !== 'found') return;
    expect(found.contacts.map((c) => c.name)).toEqual(['Grace Hopper']);
    expect(found.fields.Contact?.map((f) => f.name)).toContain('Email');
    const calls = ctx.org.emulator.apiCalls().length;
    await h['identify.run']({ snapshot: { ...grace, chatId: 'c2' }, force: false }, panelIn(7));
    expect(ctx.org.emulator.apiCalls().length).toBe(calls);
  });

  it("stops looking visitors up on their own once the day's share is used, but the agent's own \"Try again\" still does", async () => {
    ctx.settings.local = { general: { phoneRegion: null, apiBudgetPercent: 1 } };
    ctx.org.emulator.usage.max = 100; // 1% of 100: one request a day
    const h = identifyHandlers(ctx.services);
    await h['identify.run']({ snapshot: grace, force: false }, panelIn(7));
    const refused = await h['identify.run']({ snapshot: { ...grace, visitor: { email: 'ada@example.com' } }, force: false }, panelIn(7));
    expect(refused).toMatchObject({ state: 'error', kind: 'over_budget' });
    const forced = await h['identify.run']({ snapshot: { ...grace, visitor: { email: 'ada@example.com' } }, force: true }, panelIn(7));
    expect(forced.state).not.toBe('error');
  });

  it('says so, asking nothing, when Salesforce is not connected', async () => {
    ctx.settings.connected = false;
    const h = identifyHandlers(ctx.services);
    expect(await h['identify.run']({ snapshot: grace, force: false }, panelIn(7))).toMatchObject({ state: 'error', kind: 'not_connected' });
    expect(await h['salesforce.search']({ text: 'Hopper' }, panelIn(7))).toMatchObject({ state: 'error' });
    expect(ctx.org.emulator.apiCalls()).toEqual([]);
  });

  it("searches the org by the agent's words, and tells Salesforce being down apart from finding nobody", async () => {
    const h = identifyHandlers(ctx.services);
    const results = await h['salesforce.search']({ text: 'Hopper' }, panelIn(7));
    expect(results.state === 'results' && results.records.map((r) => r.name)).toContain('Grace Hopper');
    ctx.org.emulator.faults.push({ kind: '503', count: 10 });
    const down = await h['salesforce.search']({ text: 'Hopper' }, panelIn(7));
    expect(down).toMatchObject({ state: 'error' });
    expect(down.state === 'error' && down.message).toMatch(/cannot be reached|Try again/);
  });
});
