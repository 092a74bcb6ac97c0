import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { DEFAULT_MAPPING } from '@/utils/mapping/defaults';
import { CHAT_KEY_FIELD, chatKeyField, chatKeyValue } from '@/utils/plan/chat-key';
import { buildPlan, isIdempotent, type PlanInput } from '@/utils/plan/plan';
import { planOutcome, planRequests } from '@/utils/plan/requests';
import { MetadataCache, memoryMetadataStore, ORG_OBJECTS } from '@/utils/salesforce/metadata';
import { useEmulatorOrg } from '../org';

const org = useEmulatorOrg();
const withChatKey = { externalIdField: { name: CHAT_KEY_FIELD.name, objects: [...CHAT_KEY_FIELD.objects] } };

async function plan(action: PlanInput['action'], existing: PlanInput['existing'] = null) {
  const meta = await new MetadataCache(memoryMetadataStore()).objects(org.client, ORG_OBJECTS);
  const snapshot = { ...emptySnapshot('chat-7', 'demo', 'ended'), visitor: { name: 'Ada Lovelace', email: 'ada@engine.example' }, transcript: [{ role: 'visitor' as const, text: 'Hello' }] };
  return buildPlan({ snapshot, trigger: 'ended', action, strategy: 'none', existing, meta, mapping: DEFAULT_MAPPING, now: Date.now() })!;
}
const send = async (p: Awaited<ReturnType<typeof plan>>) => planOutcome(p, await org.client.composite(planRequests(p, '62.0'), { allOrNone: true }));

describe('writes by the org\'s chat key field', () => {
  it('upserts every record a plan creates: sent twice (a lost answer, a browser resend), one contact and one case', async () => {
    org.emulator.reset({ data: 'scenarios', org: withChatKey });
    const p = await plan('contactCase');
    expect(isIdempotent(p)).toBe(true);
    expect(planRequests(p, '62.0').map((r) => `${r.method} ${r.url}`)).toEqual([
      'PATCH /services/data/v62.0/sobjects/Contact/Chat_Key__c/demo%3Achat-7%3Aended',
      'PATCH /services/data/v62.0/sobjects/Case/Chat_Key__c/demo%3Achat-7%3Aended',
    ]);
    const first = await send(p);
    const again = await send(p);
    expect(first.state).toBe('done');
    expect(again).toEqual(first);
    expect(org.emulator.records('Contact').filter((c) => c.Email === 'ada@engine.example')).toHaveLength(1);
    expect(org.emulator.records('Case').filter((c) => c.Chat_Key__c === 'demo:chat-7:ended')).toHaveLength(1);
  });

  it('a task on a found contact: the update stays a PATCH by id, the task an upsert', async () => {
    org.emulator.reset({ data: 'scenarios', org: withChatKey });
    const grace = org.emulator.records('Contact').find((c) => c.Email === 'grace.hopper@example.com')!;
    const p = await plan('contactTask', { type: 'Contact', id: grace.Id, values: {} });
    await send(p);
    await send(p);
    expect(org.emulator.records('Task').filter((t) => t.WhoId === grace.Id)).toHaveLength(1);
  });

  it('without the field on every object the plan creates (or without the right to write it), plans create as before', async () => {
    expect(isIdempotent(await plan('contactCase'))).toBe(false);
    org.emulator.reset({ data: 'scenarios', org: { ...withChatKey, fieldSecurity: [{ object: 'Case', field: 'Chat_Key__c', access: 'read-only' }] } });
    // A contact sent twice would take the case to the second one: no upserts unless all are.
    expect((await plan('contactCase')).steps.map((s) => !!s.upsertBy)).toEqual([false, false]);
    org.emulator.reset({ data: 'scenarios', org: { externalIdField: { name: 'Chat_Key__c', objects: ['Case'] } } });
    expect((await plan('contactCase')).steps.map((s) => !!s.upsertBy)).toEqual([false, false]);
    expect((await plan('case')).steps.map((s) => !!s.upsertBy)).toEqual([true]);
  });

  it('finds the field by describe, with a namespace, and only when it is an External ID', () => {
    const meta = (fields: { name: string; externalId: boolean; unique?: boolean }[]) => ({ fields: fields.map((f) => ({ unique: true, ...f, type: 'string', createable: true })) }) as never;
    expect(chatKeyField(meta([{ name: 'acme__Chat_Key__c', externalId: true }]))).toBe('acme__Chat_Key__c');
    expect(chatKeyField(meta([{ name: 'Chat_Key__c', externalId: false }]))).toBeUndefined();
    expect(chatKeyField(meta([{ name: 'My_Chat_Key__c', externalId: true }]))).toBeUndefined();
    // Not unique: an upsert by it needs View All Data, which agents do not have.
    expect(chatKeyField(meta([{ name: 'Chat_Key__c', externalId: true, unique: false }]))).toBeUndefined();
  });

  it('makes a key that fits a URL path and tells ids apart', () => {
    expect(chatKeyValue('lhc:42:ended')).toBe('lhc:42:ended');
    const a = chatKeyValue('rocket:room/1:ended');
    const b = chatKeyValue('rocket:room_1:ended');
    expect(a).toMatch(/^rocket:room_1:ended~[0-9a-f]+$/);
    expect(a).not.toBe(b);
    expect(chatKeyValue(`x/${'y'.repeat(400)}`).length).toBeLessThanOrEqual(255);
  });
});
