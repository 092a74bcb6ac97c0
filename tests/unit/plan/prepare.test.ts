import { describe, expect, it } from 'vitest';
import { asUpdate, preparePlan, relatedToAccount } from '@/utils/plan/prepare';
import { NoAccountError } from '@/utils/plan/undecided';
import type { ActionPlan } from '@/utils/plan/plan';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { memoryCache } from '@/utils/identify/service';
import { MetadataCache, memoryMetadataStore } from '@/utils/salesforce/metadata';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/schema';
import type { OutboxEntry } from '@/utils/outbox/store';
import { useEmulatorOrg } from '../org';

const plan = (steps: ActionPlan['steps']): ActionPlan => ({ id: 'demo:1:manual', chatKey: 'demo:1', chatId: '1', trigger: 'manual', action: 'contactCase', steps, skipped: [], createdAt: 0 });

describe('asUpdate: a case created during the chat, at its end', () => {
  it('updates that case with the whole chat and nothing else: no new contact, no new case', () => {
    const built = plan([
      { ref: 'person', object: 'Contact', method: 'POST', values: { LastName: 'Hopper' } },
      { ref: 'record', object: 'Case', method: 'POST', values: { Subject: 'Chat with Grace', Description: 'the whole chat', ContactId: '@{person.id}' } },
      { ref: 'transcript', object: 'ContentVersion', method: 'POST', values: { Title: 'x', FirstPublishLocationId: '@{record.id}' } },
    ]);
    expect(asUpdate(built, { object: 'Case', id: '500000000000001AAA' })!.steps).toEqual([
      { ref: 'record', object: 'Case', method: 'PATCH', id: '500000000000001AAA', values: { Description: 'the whole chat' } },
      { ref: 'transcript', object: 'ContentVersion', method: 'POST', values: { Title: 'x', FirstPublishLocationId: '500000000000001AAA' } },
    ]);
  });

  it("takes the wrap-up's disposition along", () => {
    const built = plan([{ ref: 'record', object: 'Case', method: 'POST', values: { Description: 'the whole chat', Type: 'Problem' } }]);
    expect(asUpdate(built, { object: 'Case', id: '500000000000001AAA' }, ['Type'])!.steps[0]!.values).toEqual({ Description: 'the whole chat', Type: 'Problem' });
  });

  it('has nothing to write when the description is not mapped', () => {
    expect(asUpdate(plan([{ ref: 'record', object: 'Case', method: 'POST', values: { Subject: 'x' } }]), { object: 'Case', id: '500000000000001AAA' })).toBeNull();
  });
});

describe('preparePlan: the chat\'s account and case', () => {
  const org = useEmulatorOrg();
  const rules = { ...DEFAULT_SETTINGS.identification, accounts: [{ chatField: 'visitor.company', sfField: 'Name' }] };
  const settings = (action: 'contactCase' | 'contactTask', noMatch: 'create' | 'nothing' = 'create'): Settings => ({ ...DEFAULT_SETTINGS, identification: rules, automation: { ended: { action, strategy: 'none', noMatch }, offline: DEFAULT_SETTINGS.automation.offline, started: DEFAULT_SETTINGS.automation.started }, records: { ...DEFAULT_SETTINGS.records, owner: 'connectedUser' } });
  const visitor = (company: string): OutboxEntry => ({ id: 'e1', chatKey: 'demo:n1', trigger: 'ended', snapshot: { ...emptySnapshot('n1', 'demo', 'ended'), visitor: { name: 'Nia New', email: 'nia.new@example.net', company } }, attempts: 0, createdAt: 0, updatedAt: 0, state: 'pending' });
  const prepare = (entry: OutboxEntry, action: 'contactCase' | 'contactTask' = 'contactCase', chatCase?: { id: string }, noMatch?: 'create' | 'nothing') =>
    preparePlan(entry, { client: org.client, metadata: new MetadataCache(memoryMetadataStore()), cache: memoryCache(), settings: settings(action, noMatch), ...(chatCase ? { chatCase } : {}) });
  const values = (plan: ActionPlan | null, object: string) => plan!.steps.find((s) => s.object === object)?.values;

  it('a new visitor whose company matched one account: the contact and the case go under it', async () => {
    const acme = org.emulator.records('Account').find((a) => a.Name === 'Acme Corp')!;
    const plan = await prepare(visitor('Acme Corp'));
    expect(values(plan, 'Contact')).toMatchObject({ AccountId: acme.Id });
    expect(values(plan, 'Case')).toMatchObject({ AccountId: acme.Id, ContactId: '@{person.id}' });
    expect(values(await prepare(visitor('Acme Corp'), 'contactTask'), 'Task')).toMatchObject({ WhatId: acme.Id });
  });

  it('two accounts of that name: no guess, the contact is made without one', async () => {
    org.emulator.org.insert('Account', { Name: 'Acme Corp' });
    const plan = await prepare(visitor('Acme Corp'));
    expect(values(plan, 'Contact')).not.toHaveProperty('AccountId');
    expect(values(plan, 'Case')).not.toHaveProperty('AccountId');
  });

  it("the agent's account and attached case win", async () => {
    const globex = org.emulator.records('Account').find((a) => a.Name === 'Globex')!;
    const plan = await prepare({ ...visitor('Acme Corp'), choice: { type: 'Account', id: globex.Id as string } });
    expect(values(plan, 'Contact')).toMatchObject({ AccountId: globex.Id });
    const open = org.emulator.records('Case').find((c) => c.Subject === 'Cannot log in')!;
    const onCase = await prepare(visitor('Acme Corp'), 'contactCase', { id: open.Id as string });
    expect(onCase!.steps.map((s) => `${s.method} ${s.object}`)).toEqual(['POST Contact', 'POST Task']);
    expect(values(onCase, 'Task')).toMatchObject({ WhatId: open.Id, WhoId: '@{person.id}' });
  });
});

describe('preparePlan: when nobody matches', () => {
  const org = useEmulatorOrg();
  const settings = (noMatch: 'create' | 'nothing'): Settings => ({ ...DEFAULT_SETTINGS, automation: { ended: { action: 'contactCase', strategy: 'overwrite', noMatch }, offline: DEFAULT_SETTINGS.automation.offline, started: DEFAULT_SETTINGS.automation.started }, records: { ...DEFAULT_SETTINGS.records, owner: 'connectedUser' } });
  const entry = (email: string, more: Partial<OutboxEntry> = {}): OutboxEntry => ({ id: 'e2', chatKey: 'demo:n2', trigger: 'ended', snapshot: { ...emptySnapshot('n2', 'demo', 'ended'), visitor: { name: 'Someone', email } }, attempts: 0, createdAt: 0, updatedAt: 0, state: 'pending', ...more });
  const prepare = (e: OutboxEntry, noMatch: 'create' | 'nothing') => preparePlan(e, { client: org.client, metadata: new MetadataCache(memoryMetadataStore()), cache: memoryCache(), settings: settings(noMatch) });

  it('"do nothing" writes nothing for an unknown visitor, and still writes for a known one; "create" creates', async () => {
    expect(await prepare(entry('nobody@example.net'), 'nothing')).toBeNull();
    expect((await prepare(entry('nobody@example.net'), 'create'))!.steps.map((s) => `${s.method} ${s.object}`)).toEqual(['POST Contact', 'POST Case']);
    expect((await prepare(entry('grace.hopper@example.com'), 'nothing'))!.steps.map((s) => s.object)).toContain('Case');
  });

  it("an agent's choice in the panel is written whatever the rule says", async () => {
    const plan = await prepare(entry('nobody@example.net', { manual: { action: 'contactCase', overrides: {} } }), 'nothing');
    expect(plan!.steps.map((s) => s.object)).toEqual(['Contact', 'Case']);
  });
});

describe('preparePlan: every chat related to an account', () => {
  const org = useEmulatorOrg();
  const settings = (action: 'contactCase' | 'leadTask'): Settings => ({
    ...DEFAULT_SETTINGS, automation: { ended: { action, strategy: 'none', noMatch: 'create' }, offline: DEFAULT_SETTINGS.automation.offline, started: DEFAULT_SETTINGS.automation.started },
    records: { ...DEFAULT_SETTINGS.records, owner: 'connectedUser', requireAccount: true },
  });
  const entry = (email: string): OutboxEntry => ({ id: 'e3', chatKey: 'demo:n3', trigger: 'ended', snapshot: { ...emptySnapshot('n3', 'demo', 'ended'), visitor: { name: 'Someone New', email } }, attempts: 0, createdAt: 0, updatedAt: 0, state: 'pending' });
  const prepare = (e: OutboxEntry, action: 'contactCase' | 'leadTask' = 'contactCase', chatAccount?: { id: string }) =>
    preparePlan(e, { client: org.client, metadata: new MetadataCache(memoryMetadataStore()), cache: memoryCache(), settings: settings(action), ...(chatAccount ? { chatAccount } : {}) });

  it('writes nothing for a chat without one, and under the one the agent chose; a contact of an account, and a lead, need nothing', async () => {
    await expect(prepare(entry('nobody@example.net'))).rejects.toBeInstanceOf(NoAccountError);
    const globex = org.emulator.records('Account').find((a) => a.Name === 'Globex')!;
    const plan = await prepare(entry('nobody@example.net'), 'contactCase', { id: globex.Id as string });
    expect(plan!.steps.map((s) => s.values.AccountId)).toEqual([globex.Id, globex.Id]);
    expect(relatedToAccount((await prepare(entry('grace.hopper@example.com')))!)).toBe(true);
    expect((await prepare(entry('nobody@example.net'), 'leadTask'))!.steps.map((s) => s.object)).toEqual(['Lead', 'Task']);
  });
});
