import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { DEFAULT_MAPPING } from '@/utils/mapping/defaults';
import { buildPlan, type PlanInput } from '@/utils/plan/plan';
import { planOutcome, planRequests } from '@/utils/plan/requests';
import { removeResent } from '@/utils/plan/resent';
import { MetadataCache, memoryMetadataStore, ORG_OBJECTS } from '@/utils/salesforce/metadata';
import { useEmulatorOrg } from '../org';

const org = useEmulatorOrg();

async function plan(chatId: string, action: PlanInput['action'], existing: PlanInput['existing'] = null) {
  const meta = await new MetadataCache(memoryMetadataStore()).objects(org.client, ORG_OBJECTS);
  const snapshot = { ...emptySnapshot(chatId, 'demo', 'ended'), visitor: { name: `Visitor ${chatId}`, email: `${chatId}@example.org` }, transcript: [{ role: 'visitor' as const, text: `Hello from ${chatId}` }] };
  return buildPlan({ snapshot, trigger: 'ended', action, strategy: 'none', existing, meta, mapping: DEFAULT_MAPPING, now: Date.now() })!;
}
/** The browser's own resend: the same request twice; the extension hears only the second answer. */
async function sentTwice(p: Awaited<ReturnType<typeof plan>>) {
  await org.client.composite(planRequests(p, '62.0'), { allOrNone: true });
  const outcome = planOutcome(p, await org.client.composite(planRequests(p, '62.0'), { allOrNone: true }));
  if (outcome.state !== 'done') throw new Error('not written');
  return outcome.ids;
}

describe('removeResent: the second copy a browser resend made, without a chat key field', () => {
  it('a case on a found contact, sent twice: the copy we were not told of is deleted, ours stays (2 requests)', async () => {
    const grace = org.emulator.records('Contact').find((c) => c.Email === 'grace.hopper@example.com')!;
    const p = await plan('twice', 'contactCase', { type: 'Contact', id: grace.Id, values: {} });
    const ids = await sentTwice(p);
    const before = org.emulator.apiCalls().length;
    const removed = await removeResent(org.client, [{ plan: p, ids: ids }]);
    expect(org.emulator.apiCalls().length - before).toBe(2); // one composite of queries, one of deletes
    expect(removed).toHaveLength(1);
    const cases = org.emulator.records('Case').filter((c) => c.ContactId === grace.Id && c.Subject === 'Chat with Visitor twice');
    expect(cases.map((c) => c.Id)).toEqual([ids.record]);
  });

  it('a new contact and case sent twice in an org whose rules let both through: the extra contact goes with its case', async () => {
    org.emulator.org.duplicateRules = [];
    const p = await plan('newtwice', 'contactCase');
    const ids = await sentTwice(p);
    expect(org.emulator.records('Contact').filter((c) => c.Email === 'newtwice@example.org')).toHaveLength(2);
    await removeResent(org.client, [{ plan: p, ids: ids }]);
    expect(org.emulator.records('Contact').filter((c) => c.Email === 'newtwice@example.org').map((c) => c.Id)).toEqual([ids.person]);
    expect(org.emulator.records('Case').filter((c) => c.Subject === 'Chat with Visitor newtwice').map((c) => c.Id)).toEqual([ids.record]);
  });

  it('a task on a found lead sent twice: one task left; another chat\'s task is never touched', async () => {
    const lead = org.emulator.records('Lead')[0]!;
    const other = await plan('other', 'leadTask', { type: 'Lead', id: lead.Id, values: {} });
    await org.client.composite(planRequests(other, '62.0'), { allOrNone: true });
    const p = await plan('tasktwice', 'leadTask', { type: 'Lead', id: lead.Id, values: {} });
    const ids = await sentTwice(p);
    await removeResent(org.client, [{ plan: p, ids: ids }]);
    const tasks = org.emulator.records('Task').filter((t) => t.WhoId === lead.Id);
    expect(tasks.filter((t) => t.CallObject === 'demo:tasktwice').map((t) => t.Id)).toEqual([ids.record]);
    expect(tasks.filter((t) => t.CallObject === 'demo:other')).toHaveLength(1);
  });

  it("a task for each of the chat's people, sent twice: each task's copy is deleted, and no person's task is taken for another's copy", async () => {
    org.emulator.org.duplicateRules = [];
    const [grace, bob] = org.emulator.records('Contact');
    const meta = await new MetadataCache(memoryMetadataStore()).objects(org.client, ORG_OBJECTS);
    const snapshot = { ...emptySnapshot('people', 'demo', 'ended'), visitor: { name: 'Visitor people', email: 'people@example.org' }, transcript: [{ role: 'visitor' as const, text: 'The roof leaks' }] };
    // A new contact (so the task names no found person to narrow by) and a task for a found one beside it.
    const p = buildPlan({ snapshot, trigger: 'ended', action: 'contactTask', strategy: 'none', existing: null, meta, mapping: DEFAULT_MAPPING, others: [{ id: bob!.Id }, { id: grace!.Id }], othersEach: true, now: Date.now() })!;
    expect(p.steps.map((st) => st.ref)).toEqual(['person', 'record', 'other1', 'other2']);
    const tasks = () => org.emulator.records('Task').filter((t) => String(t.CallObject).startsWith('demo:people'));
    const ids = await sentTwice(p);
    expect(tasks()).toHaveLength(6);
    const removed = await removeResent(org.client, [{ plan: p, ids }]);
    // The first send's contact goes with its task; the others' copies name found contacts, which stay.
    expect(removed.map((r) => r.object).sort()).toEqual(['Contact', 'Task', 'Task', 'Task']);
    expect(tasks().map((t) => t.Id).sort()).toEqual([ids.record, ids.other1, ids.other2].sort());
  });

  it('never takes another chat\'s case for a copy: two anonymous chats with the same words', async () => {
    const anonymous = async (chatId: string) => {
      const meta = await new MetadataCache(memoryMetadataStore()).objects(org.client, ORG_OBJECTS);
      const snapshot = { ...emptySnapshot(chatId, 'demo', 'ended'), transcript: [{ role: 'visitor' as const, text: 'hi' }] };
      return buildPlan({ snapshot, trigger: 'ended', action: 'case', strategy: 'none', existing: null, meta, mapping: DEFAULT_MAPPING, now: Date.now() })!;
    };
    const a = await anonymous('anon-a');
    const first = planOutcome(a, await org.client.composite(planRequests(a, '62.0'), { allOrNone: true }));
    const b = await anonymous('anon-b');
    const second = planOutcome(b, await org.client.composite(planRequests(b, '62.0'), { allOrNone: true }));
    expect(await removeResent(org.client, [{ plan: b, ids: (second as { ids: Record<string, string> }).ids }])).toEqual([]);
    expect(org.emulator.records('Case').find((c) => c.Id === (first as { ids: Record<string, string> }).ids.record)).toBeTruthy();
  });

  it('checks the plans of a whole drain in one request: 30 chats, two composites of queries', async () => {
    const grace = org.emulator.records('Contact').find((c) => c.Email === 'grace.hopper@example.com')!;
    const written = [];
    for (let i = 0; i < 30; i++) {
      const p = await plan(`batch-${i}`, 'contactCase', { type: 'Contact', id: grace.Id, values: {} });
      written.push({ plan: p, ids: i === 7 ? await sentTwice(p) : (planOutcome(p, await org.client.composite(planRequests(p, '62.0'), { allOrNone: true })) as { ids: Record<string, string> }).ids });
    }
    const before = org.emulator.apiCalls().length;
    const removed = await removeResent(org.client, written);
    expect(org.emulator.apiCalls().length - before).toBe(3); // 25 + 5 queries, one composite of deletes
    expect(removed).toEqual([{ chatId: 'batch-7', object: 'Case', id: expect.any(String) }]);
    expect(org.emulator.records('Case').filter((c) => String(c.Subject) === 'Chat with Visitor batch-7')).toHaveLength(1);
  });

  it('sent once: nothing to remove, one query', async () => {
    const p = await plan('once', 'contactCase');
    const outcome = planOutcome(p, await org.client.composite(planRequests(p, '62.0'), { allOrNone: true }));
    const before = org.emulator.apiCalls().length;
    expect(await removeResent(org.client, [{ plan: p, ids: (outcome as { ids: Record<string, string> }).ids }])).toEqual([]);
    expect(org.emulator.apiCalls().length - before).toBe(1);
  });

  it('a transcript file attached twice by a resend, even to an upserted case: the second file is deleted, ours stays', async () => {
    org.emulator.reset({ data: 'scenarios', org: { externalIdField: { name: 'Chat_Key__c', objects: ['Case', 'Task', 'Contact', 'Lead'] } } });
    const grace = org.emulator.records('Contact').find((c) => c.Email === 'grace.hopper@example.com')!;
    const meta = await new MetadataCache(memoryMetadataStore()).objects(org.client, ORG_OBJECTS);
    const long = Array.from({ length: 3 }, (_, i) => ({ role: 'visitor' as const, text: `${i} ${'z'.repeat(15_000)}` }));
    const snapshot = { ...emptySnapshot('files', 'demo', 'ended'), visitor: { name: 'Grace Hopper', email: 'grace.hopper@example.com' }, transcript: long };
    const p = buildPlan({ snapshot, trigger: 'ended', action: 'contactCase', strategy: 'none', existing: { type: 'Contact', id: grace.Id, values: {} }, meta, mapping: DEFAULT_MAPPING, now: Date.now() })!;
    expect(p.steps.map((st) => `${st.object}${st.upsertBy ? ' upsert' : ''}`)).toEqual(['Case upsert', 'ContentVersion']);
    const ids = await sentTwice(p);
    const files = () => org.emulator.records('ContentVersion').filter((v) => v.FirstPublishLocationId === ids.record);
    expect(org.emulator.records('Case').filter((c) => c.Chat_Key__c === 'demo:files:ended')).toHaveLength(1);
    expect(files()).toHaveLength(2);
    const removed = await removeResent(org.client, [{ plan: p, ids }]);
    expect(removed.map((r) => r.object)).toEqual(['ContentDocument']);
    expect(files().map((v) => v.Id)).toEqual([ids.transcript]);
  });
});
