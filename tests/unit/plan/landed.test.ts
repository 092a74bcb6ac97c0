import { describe, expect, it } from 'vitest';
import { landedIds } from '@/utils/plan/landed';
import { buildPlan, type PlanInput } from '@/utils/plan/plan';
import { planOutcome, planRequests } from '@/utils/plan/requests';
import { MetadataCache, memoryMetadataStore, ORG_OBJECTS } from '@/utils/salesforce/metadata';
import { DEFAULT_MAPPING } from '@/utils/mapping/defaults';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { useEmulatorOrg } from '../org';

const org = useEmulatorOrg();

async function plan(chatId: string, action: PlanInput['action']) {
  const meta = await new MetadataCache(memoryMetadataStore()).objects(org.client, ORG_OBJECTS);
  const snapshot = {
    ...emptySnapshot(chatId, 'demo', 'ended'),
    visitor: { name: `Visitor ${chatId}`, email: `${chatId}@example.org` },
    transcript: [{ role: 'visitor' as const, text: `Hello from ${chatId}` }],
  };
  return buildPlan({ snapshot, trigger: 'ended', action, strategy: 'none', existing: null, meta, mapping: DEFAULT_MAPPING, now: Date.now() })!;
}

describe('landedIds: was a plan whose answer was lost written?', () => {
  it.each(['contactCase', 'leadTask'] as const)('%s: finds it after Salesforce committed and the connection dropped, with one query', async (action) => {
    const p = await plan(`lost-${action}`, action);
    org.emulator.addFault({ kind: 'reset-after', count: 1, path: '/composite' });
    await expect(org.client.composite(planRequests(p, '62.0'), { allOrNone: true })).rejects.toMatchObject({ name: 'UnreachableError' });
    const before = org.emulator.apiCalls().length;
    const ids = await landedIds(org.client, p);
    expect(org.emulator.apiCalls().length - before).toBe(1);
    const record = org.emulator.records(action === 'leadTask' ? 'Task' : 'Case').find((r) => r.Id === ids?.record)!;
    expect(record).toBeTruthy();
    expect(ids!.person).toBe(action === 'leadTask' ? record.WhoId : record.ContactId);
  });

  it('says no when the connection dropped before Salesforce wrote anything, and tells two chats apart', async () => {
    const sent = await plan('written', 'contactCase');
    planOutcome(sent, await org.client.composite(planRequests(sent, '62.0'), { allOrNone: true }));
    const lost = await plan('never-written', 'contactCase');
    org.emulator.addFault({ kind: 'reset-before', count: 1, path: '/composite' });
    await expect(org.client.composite(planRequests(lost, '62.0'), { allOrNone: true })).rejects.toMatchObject({ name: 'UnreachableError' });
    expect(await landedIds(org.client, lost)).toBeNull();
    expect(await landedIds(org.client, await plan('never-written', 'leadTask'))).toBeNull();
    expect(await landedIds(org.client, sent)).toMatchObject({ record: expect.any(String) });
  });
});

describe('landedIds on Salesforce\'s clock', () => {
  it.each([
    ['15 minutes ahead', 15 * 60_000],
    ['3 hours behind', -3 * 3_600_000],
    ['a day ahead', 24 * 3_600_000],
  ])('finds its own case when the PC clock is %s', async (_, skew) => {
    // The plan is built, and checked a minute later, by the PC's clock; Salesforce stamps its own.
    const p = { ...(await plan(`skew-${skew}`, 'contactCase')), createdAt: Date.now() + skew };
    org.emulator.addFault({ kind: 'reset-after', count: 1, path: '/composite' });
    await expect(org.client.composite(planRequests(p, '62.0'), { allOrNone: true })).rejects.toMatchObject({ name: 'UnreachableError' });
    const ids = await landedIds(org.client, p, Date.now() + skew + 60_000);
    expect(org.emulator.records('Case').find((r) => r.Id === ids?.record)).toBeTruthy();
  });

  it('tells apart anonymous chats that share a subject by their transcript', async () => {
    const anonymous = async (chatId: string, text: string) => {
      const p = await plan(chatId, 'case');
      const record = p.steps.find((s) => s.ref === 'record')!;
      return { ...p, steps: p.steps.map((s) => (s === record ? { ...s, values: { ...s.values, Subject: 'Chat with Chat visitor', SuppliedName: null, SuppliedEmail: null, Description: text } } : s)) };
    };
    for (let i = 0; i < 3; i++) await org.client.composite(planRequests(await anonymous(`anon-${i}`, `transcript ${i}`), '62.0'), { allOrNone: true });
    const lost = await anonymous('anon-lost', 'transcript lost');
    expect(await landedIds(org.client, lost)).toBeNull();
    const sent = await anonymous('anon-1', 'transcript 1');
    expect(await landedIds(org.client, sent)).toMatchObject({ record: expect.any(String) });
  });
});
