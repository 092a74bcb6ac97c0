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
