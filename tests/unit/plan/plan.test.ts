import { describe, expect, it } from 'vitest';
import { emptySnapshot, type ChatSnapshot } from '@/utils/chat/snapshot';
import { DEFAULT_MAPPING } from '@/utils/mapping/defaults';
import { TRANSCRIPT_CUT } from '@/utils/mapping/values';
import { buildPlan, mergeFixes, skippedList, withFixes, type PlanInput } from '@/utils/plan/plan';
import { planOutcome, planRequests } from '@/utils/plan/requests';
import { dispositionChoices } from '@/utils/plan/disposition';
import { useEmulatorOrg } from '../org';
import { objectMeta } from '../mapping/fields';

const meta = Object.fromEntries(['Contact', 'Lead', 'Account', 'Case', 'Task', 'ContentVersion'].map((n) => [n, objectMeta(n)]));
const NOW = Date.parse('2026-11-22T10:00:00Z');

const chat: ChatSnapshot = {
  ...emptySnapshot('chat-9', 'demo', 'ended'),
  visitor: { name: 'Ada Lovelace', email: 'ada@engine.example' },
  preChat: { Phone: '+44 20 7946 0958', Company: 'Analytical Engines', Department: 'R&D' },
  session: { country: 'GB' },
  transcript: [{ role: 'visitor', text: 'Can you compute Bernoulli numbers?', time: '10:00' }],
};
const input = (over: Partial<PlanInput>): PlanInput => ({ snapshot: chat, trigger: 'ended', action: 'contactCase', strategy: 'none', existing: null, meta, mapping: DEFAULT_MAPPING, now: NOW, ...over });

describe('buildPlan', () => {
  it('takes the admin\'s case defaults; empty ones keep the org\'s (Origin: its Web value)', () => {
    const caseOf = (caseDefaults?: { status?: string; priority?: string; origin?: string }) => buildPlan(input({ caseDefaults }))!.steps.find((s) => s.object === 'Case')!.values;
    expect(caseOf()).toMatchObject({ Origin: 'Web' });
    expect(caseOf()).not.toHaveProperty('Status');
    expect(caseOf({ status: 'Working', priority: 'High', origin: 'Phone' })).toMatchObject({ Status: 'Working', Priority: 'High', Origin: 'Phone' });
  });

  it('new visitor, contact & case: the contact first, the case refers to it', () => {
    const plan = buildPlan(input({ ownerId: '005000000000002AAA' }))!;
    expect(plan.steps.map((s) => `${s.method} ${s.object} ${s.ref}`)).toEqual(['POST Contact person', 'POST Case record']);
    expect(plan.steps[0]!.values).toEqual({ FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@engine.example', Phone: '+442079460958', Department: 'R&D', OwnerId: '005000000000002AAA' });
    expect(plan.steps[1]!.values).toMatchObject({ ContactId: '@{person.id}', Subject: 'Chat with Ada Lovelace', SuppliedCompany: 'Analytical Engines', Description: '[10:00] Visitor: Can you compute Bernoulli numbers?\n\nChat: demo:chat-9:ended', Origin: 'Web', OwnerId: '005000000000002AAA' });
    expect(plan.chatKey).toBe('demo:chat-9');
  });

  it.each([
    ['none', {}],
    ['overwrite', { Email: 'ada@engine.example', Phone: '+442079460958' }],
    ['fillBlank', { Phone: '+442079460958' }],
  ] as const)('found contact, strategy %s: updates only what the strategy allows, then the task', (strategy, update) => {
    const existing = { type: 'Contact' as const, id: '003000000000001AAA', name: 'Ada Lovelace', accountId: '001000000000001AAA', values: { LastName: 'Lovelace', Email: 'old@example.com', Phone: null, Department: 'R&D' } };
    const plan = buildPlan(input({ action: 'contactTask', strategy, existing }))!;
    const patch = plan.steps.find((s) => s.method === 'PATCH');
    // The values before are kept beside the change (the audit log's before/after).
    const before = Object.fromEntries(Object.keys(update).map((k) => [k, existing.values[k as keyof typeof existing.values]]));
    if (Object.keys(update).length) expect(patch).toEqual({ ref: 'person', object: 'Contact', method: 'PATCH', id: existing.id, values: update, before });
    else expect(patch).toBeUndefined();
    expect(plan.steps.at(-1)).toMatchObject({ object: 'Task', values: { WhoId: existing.id, Subject: 'Chat', Status: 'Completed', Priority: 'Normal', ActivityDate: '2026-11-22', CallObject: 'demo:chat-9' } });
  });

  it('lists what it leaves out per record, by the org\'s labels, with the chat\'s text where the agent can correct it', () => {
    const long = `${'a'.repeat(90)}@example.com`;
    const odd = { ...chat, visitor: { name: 'Ada Lovelace', email: long }, preChat: { ...chat.preChat, Company: 'C'.repeat(100) } };
    const plan = buildPlan(input({ snapshot: odd }))!;
    expect(plan.skipped.map((s) => `${s.object}.${s.field}`).sort()).toEqual(['Case.SuppliedCompany', 'Case.SuppliedEmail', 'Contact.Email']);
    expect(plan.skipped).toContainEqual({ ref: 'person', object: 'Contact', field: 'Email', label: 'Email', reason: expect.stringMatching(/^longer than the field's 80 characters/), value: long });
    expect(plan.skipped).toContainEqual({ ref: 'record', object: 'Case', field: 'SuppliedCompany', label: 'Company', reason: "cut to the field's 80 characters", value: 'C'.repeat(100) });
    // A found person under "no update" gets nothing of the chat: nothing to say about it.
    const existing = { type: 'Contact' as const, id: '003000000000001AAA', name: 'Ada Lovelace', values: {} };
    expect(buildPlan(input({ snapshot: odd, action: 'contactTask', existing }))!.skipped.filter((s) => s.ref === 'person')).toEqual([]);
    expect(buildPlan(input({ snapshot: odd, action: 'contactTask', existing, strategy: 'overwrite' }))!.skipped.filter((s) => s.ref === 'person').map((s) => s.field)).toEqual(['Email']);
  });

  it('takes the agent\'s corrections: written as typed, no longer listed; the case form\'s values too', () => {
    const odd = { ...chat, visitor: { name: 'Ada Lovelace', email: `${'a'.repeat(90)}@example.com` }, preChat: { ...chat.preChat, Company: 'C'.repeat(100) } };
    const plan = buildPlan(input({ snapshot: odd, overrides: { SuppliedCompany: 'Engines' } }))!;
    expect(plan.skipped.map((s) => s.field).sort()).toEqual(['Email', 'SuppliedEmail']);
    const fixed = withFixes(plan, mergeFixes({ person: { Email: 'wrong@example.com' } }, { person: { Email: 'ada@example.com' }, record: { SuppliedEmail: 'ada@example.com' } }));
    expect(fixed.skipped).toEqual([]);
    expect(fixed.steps[0]!.values.Email).toBe('ada@example.com');
    expect(fixed.steps[1]!.values.SuppliedCompany).toBe('Engines');
    expect(plan.steps[0]!.values).not.toHaveProperty('Email'); // the plan itself is left as it was
    // Plans stored by an older version kept them by field.
    expect(skippedList({ Email: 'too long' })).toEqual([{ ref: 'record', object: '', field: 'Email', label: 'Email', reason: 'too long' }]);
  });

  it('does not rewrite the names of a person whose name the chat gives', () => {
    const existing = { type: 'Lead' as const, id: '00Q000000000001AAA', name: 'Ada Lovelace', values: { LastName: 'Lovelace', Email: 'ada@engine.example' } };
    const plan = buildPlan(input({ action: 'leadTask', strategy: 'overwrite', existing, snapshot: { ...chat, preChat: {} } }))!;
    expect(plan.steps.map((s) => s.method)).toEqual(['POST']);
    const renamed = buildPlan(input({ action: 'leadTask', strategy: 'overwrite', existing: { ...existing, name: 'A. Lovelace' }, snapshot: { ...chat, preChat: {} } }))!;
    expect(renamed.steps[0]).toMatchObject({ method: 'PATCH', values: { FirstName: 'Ada' } });
  });

  it('a case on its own has no contact; "do nothing" plans nothing', () => {
    const plan = buildPlan(input({ action: 'case' }))!;
    expect(plan.steps.map((s) => s.object)).toEqual(['Case']);
    expect(plan.steps[0]!.values.ContactId).toBeUndefined();
    expect(buildPlan(input({ action: 'nothing' }))).toBeNull();
  });

  it('lead & task: a new lead gets its company; a found contact gets the task instead of a new lead', () => {
    const plan = buildPlan(input({ action: 'leadTask', snapshot: { ...chat, preChat: {} } }))!;
    expect(plan.steps[0]).toMatchObject({ object: 'Lead', method: 'POST', values: { FirstName: 'Ada', LastName: 'Lovelace', Company: '[not provided]' } });
    const contact = { type: 'Contact' as const, id: '003000000000001AAA', values: {} };
    expect(buildPlan(input({ action: 'leadTask', existing: contact }))!.steps.map((s) => `${s.method} ${s.object}`)).toEqual(['POST Task']);
  });

  it('writes an offline message as the description, with its own subject', () => {
    const offline = { ...emptySnapshot('off-1', 'demo', 'offline'), visitor: { name: 'Bea', email: 'bea@example.com' }, chat: { message: 'Call me back please.' } };
    const plan = buildPlan(input({ snapshot: offline, trigger: 'offline' }))!;
    expect(plan.steps[1]!.values).toMatchObject({ Subject: 'Offline message with Bea', Description: 'Call me back please.\n\nChat: demo:off-1:offline' });
  });

  it('attaches the whole transcript as a file when the description had to be cut', () => {
    const long = { ...chat, transcript: Array.from({ length: 40 }, (_, i) => ({ role: 'visitor' as const, text: `line ${i} ${'z'.repeat(1000)}` })) };
    const small = { ...meta, Case: { ...meta.Case!, fields: meta.Case!.fields.map((f) => (f.name === 'Description' ? { ...f, length: 5000 } : f)) } };
    const plan = buildPlan(input({ snapshot: long, meta: small }))!;
    expect(plan.steps.map((s) => s.object)).toEqual(['Contact', 'Case', 'ContentVersion']);
    const description = String(plan.steps[1]!.values.Description);
    // The "cut here" line whole, then the chat's marker, within the field.
    expect(description).toContain(`${TRANSCRIPT_CUT}\n\nChat: demo:chat-9:ended`);
    expect(description.length).toBeLessThanOrEqual(5000);
    const file = plan.steps[2]!.values;
    expect(file.FirstPublishLocationId).toBe('@{record.id}');
    expect(Buffer.from(String(file.VersionData), 'base64').toString('utf8')).toContain(`line 39 ${'z'.repeat(1000)}`);
  });
  it('a transcript that fits only without the chat marker is cut there, said, and attached whole', () => {
    const text = 'y'.repeat(4990);
    const fits = { ...chat, transcript: [{ role: 'visitor' as const, text }] };
    const small = { ...meta, Case: { ...meta.Case!, fields: meta.Case!.fields.map((f) => (f.name === 'Description' ? { ...f, length: 5000 } : f)) } };
    const plan = buildPlan(input({ snapshot: fits, meta: small }))!;
    const description = String(plan.steps[1]!.values.Description);
    expect(description.endsWith(`${TRANSCRIPT_CUT}\n\nChat: demo:chat-9:ended`)).toBe(true);
    expect(description.length).toBeLessThanOrEqual(5000);
    expect(plan.steps.map((s) => s.object)).toEqual(['Contact', 'Case', 'ContentVersion']);
  });
});


describe('buildPlan: accounts, Related To and the chat\'s case', () => {
  const ACCOUNT = '001000000000009AAA';
  const CASE = '500000000000009AAA';
  const contact = { type: 'Contact' as const, id: '003000000000001AAA', accountId: '001000000000001AAA', values: {} };
  const lead = { type: 'Lead' as const, id: '00Q000000000001AAA', values: {} };
  const step = (plan: ReturnType<typeof buildPlan>, object: string) => plan!.steps.find((s) => s.object === object)!.values;

  it('a new contact and its case go under the account that matched', () => {
    const plan = buildPlan(input({ account: ACCOUNT }));
    expect(step(plan, 'Contact')).toMatchObject({ AccountId: ACCOUNT });
    expect(step(plan, 'Case')).toMatchObject({ ContactId: '@{person.id}', AccountId: ACCOUNT });
    expect(step(buildPlan(input({ action: 'case', account: ACCOUNT })), 'Case')).toMatchObject({ AccountId: ACCOUNT });
    // A found contact's own account wins over the one that matched.
    expect(step(buildPlan(input({ existing: contact, account: ACCOUNT })), 'Case')).toMatchObject({ AccountId: contact.accountId });
  });

  it("a task is related to the person's account; a lead's task to nothing (Salesforce refuses both)", () => {
    expect(step(buildPlan(input({ action: 'contactTask', existing: contact })), 'Task')).toMatchObject({ WhoId: contact.id, WhatId: contact.accountId });
    expect(step(buildPlan(input({ action: 'contactTask', account: ACCOUNT })), 'Task')).toMatchObject({ WhoId: '@{person.id}', WhatId: ACCOUNT });
    expect(step(buildPlan(input({ action: 'leadTask', existing: lead, account: ACCOUNT })), 'Task')).not.toHaveProperty('WhatId');
    expect(step(buildPlan(input({ action: 'leadTask', account: ACCOUNT })), 'Task')).not.toHaveProperty('WhatId');
    expect(step(buildPlan(input({ action: 'leadTask', account: ACCOUNT })), 'Lead')).not.toHaveProperty('AccountId');
  });

  it('a chat attached to an open case goes on it as a task with the transcript, not as a second case', () => {
    const plan = buildPlan(input({ existing: contact, chatCase: { id: CASE } }))!;
    expect(plan.steps.map((s) => `${s.method} ${s.object}`)).toEqual(['POST Task']);
    expect(step(plan, 'Task')).toMatchObject({ WhoId: contact.id, WhatId: CASE, Description: expect.stringContaining('Bernoulli') });
    expect(step(buildPlan(input({ action: 'contactTask', existing: contact, chatCase: { id: CASE } })), 'Task')).toMatchObject({ WhatId: CASE });
    // A lead cannot be named on a task related to a case: the case wins, and that is said.
    const onLead = buildPlan(input({ action: 'leadTask', existing: lead, chatCase: { id: CASE } }))!;
    expect(step(onLead, 'Task')).toMatchObject({ WhatId: CASE, WhoId: null });
    expect(onLead.skipped).toContainEqual(expect.objectContaining({ object: 'Task', field: 'WhoId', reason: expect.stringMatching(/cannot also name a lead/) }));
  });

  it("the agent's Related To in the form wins", () => {
    expect(step(buildPlan(input({ action: 'contactTask', existing: contact, overrides: { WhatId: CASE } })), 'Task')).toMatchObject({ WhatId: CASE });
  });
});

describe('a plan in Salesforce: ONE allOrNone composite request', () => {
  const org = useEmulatorOrg();
  const run = async (plan: NonNullable<ReturnType<typeof buildPlan>>) => planOutcome(plan, await org.client.composite(planRequests(plan, '62.0'), { allOrNone: true }));

  it('creates the contact and its case in one request, linked', async () => {
    const before = org.emulator.apiCalls().length;
    const outcome = await run(buildPlan(input({}))!);
    expect(org.emulator.apiCalls().length - before).toBe(1);
    expect(outcome.state).toBe('done');
    const ids = (outcome as { ids: Record<string, string> }).ids;
    const contact = org.emulator.records('Contact').find((c) => c.Id === ids.person)!;
    expect(contact).toMatchObject({ FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@engine.example', Phone: '+442079460958' });
    expect(org.emulator.records('Case').find((c) => c.Id === ids.record)).toMatchObject({ ContactId: contact.Id, Origin: 'Web', SuppliedName: 'Ada Lovelace' });
  });

  it('writes nothing when one record is refused, and says which and why (a duplicate names the existing record)', async () => {
    const grace = org.emulator.records('Contact').find((c) => c.Email === 'grace.hopper@example.com')!;
    // An org whose own rule matches contacts on email alone (the standard one wants the names too).
    org.emulator.org.duplicateRules = [{ name: 'Contact_Email', object: 'Contact', fields: ['Email'], allowSave: true, message: 'Use one of these records?' }];
    const dup = { ...chat, visitor: { name: 'Grace H', email: 'grace.hopper@example.com' } };
    const contacts = org.emulator.records('Contact').length;
    const outcome = await run(buildPlan(input({ snapshot: dup }))!);
    expect(outcome).toMatchObject({ state: 'refused', errors: [{ ref: 'person', object: 'Contact', code: 'DUPLICATES_DETECTED' }], duplicates: [{ object: 'Contact', id: grace.Id }] });
    expect(org.emulator.records('Contact')).toHaveLength(contacts);
    expect(org.emulator.records('Case').filter((c) => c.SuppliedName === 'Grace H')).toEqual([]);
  });

  it('links what it creates to the matched account and relates the task to it, as read back', async () => {
    const acme = org.emulator.records('Account').find((a) => a.Name === 'Acme Corp')!;
    const outcome = await run(buildPlan(input({ action: 'contactTask', account: acme.Id as string }))!);
    expect(outcome.state).toBe('done');
    const ids = (outcome as { ids: Record<string, string> }).ids;
    expect(org.emulator.records('Contact').find((c) => c.Id === ids.person)).toMatchObject({ AccountId: acme.Id });
    expect(org.emulator.records('Task').find((t) => t.Id === ids.record)).toMatchObject({ WhoId: ids.person, WhatId: acme.Id, AccountId: acme.Id });
  });

  it("refuses a lead's task related to a record, as Salesforce does (the plan never sends one)", async () => {
    const lead = org.emulator.records('Lead').find((l) => !l.IsConverted)!;
    const acme = org.emulator.records('Account').find((a) => a.Name === 'Acme Corp')!;
    await expect(org.client.create('Task', { Subject: 'x', WhoId: lead.Id, WhatId: acme.Id })).rejects.toMatchObject({ code: 'FIELD_INTEGRITY_EXCEPTION' });
    const outcome = await run(buildPlan(input({ action: 'leadTask', existing: { type: 'Lead', id: lead.Id as string, values: {} }, account: acme.Id as string }))!);
    expect(outcome.state).toBe('done');
  });

  it('attaches the whole transcript as a ContentVersion on the case', async () => {
    const long = { ...chat, transcript: Array.from({ length: 40 }, (_, i) => ({ role: 'visitor' as const, text: `line ${i} ${'z'.repeat(1000)}` })) };
    const small = { ...meta, Case: { ...meta.Case!, fields: meta.Case!.fields.map((f) => (f.name === 'Description' ? { ...f, length: 5000 } : f)) } };
    const outcome = await run(buildPlan(input({ snapshot: long, meta: small }))!);
    expect(outcome.state).toBe('done');
    const ids = (outcome as { ids: Record<string, string> }).ids;
    expect(org.emulator.records('ContentVersion').find((v) => v.Id === ids.transcript)).toMatchObject({ FirstPublishLocationId: ids.record, PathOnClient: 'chat-transcript.txt' });
  });
});

describe('buildPlan: the wrap-up', () => {
  const contact = { type: 'Contact' as const, id: '003000000000001AAA', values: {} };
  const record = (plan: ReturnType<typeof buildPlan>) => plan!.steps.find((s) => s.ref === 'record')!;

  it('puts the disposition in its field and the notes first in the description, the transcript after them', () => {
    const plan = buildPlan(input({ action: 'contactTask', existing: contact, wrapUp: { field: 'Type', disposition: 'Call', notes: 'Reset the password.' } }));
    expect(record(plan).values).toMatchObject({ Type: 'Call', Description: expect.stringMatching(/^Wrap-up notes: Reset the password\.\n\n\[10:00\] Visitor: Can you compute Bernoulli numbers\?/) });
  });

  it('says so when the chat\'s record has no such field, and writes the rest', () => {
    const plan = buildPlan(input({ existing: contact, wrapUp: { field: 'CallDisposition', disposition: 'Resolved' } }))!;
    expect(record(plan).values).not.toHaveProperty('CallDisposition');
    expect(plan.skipped).toContainEqual(expect.objectContaining({ object: 'Case', field: 'CallDisposition', reason: expect.stringMatching(/no field CallDisposition.*"Resolved" is not written/) }));
  });

  it('keeps the notes whole when the field is full: the transcript gives way and goes along as a file', () => {
    const long = { ...chat, transcript: Array.from({ length: 40 }, (_, i) => ({ role: 'visitor' as const, text: `line ${i} ${'z'.repeat(1000)}` })) };
    const notes = 'N'.repeat(3000);
    const plan = buildPlan(input({ snapshot: long, action: 'contactTask', existing: contact, wrapUp: { notes } }))!;
    const description = String(record(plan).values.Description);
    expect(description.startsWith(`Wrap-up notes: ${notes}\n\n`)).toBe(true);
    expect(description.length).toBeLessThanOrEqual(32_000);
    expect(description.endsWith(TRANSCRIPT_CUT)).toBe(true);
    expect(plan.steps.map((s) => s.object)).toContain('ContentVersion');
  });
});

describe('buildPlan: the description template', () => {
  it("composes the chat's case or task description, the wrap-up's notes where the template puts them", () => {
    const plan = buildPlan(input({ action: 'contactCase', description: 'Chat {chat.id}\n{chat.notes}\n{chat.transcript}', wrapUp: { notes: 'Call back Monday.' } }))!;
    expect(plan.steps.find((s) => s.ref === 'record')!.values.Description).toMatch(/^Chat chat-9\nCall back Monday\.\n\[10:00\] Visitor: Can you compute Bernoulli numbers\?/);
    // Without {chat.notes} in it, the notes still go first.
    const task = buildPlan(input({ action: 'contactTask', description: '{chat.transcript}', wrapUp: { notes: 'Call back Monday.' } }))!;
    expect(task.steps.find((s) => s.ref === 'record')!.values.Description).toMatch(/^Wrap-up notes: Call back Monday\.\n\n\[10:00\]/);
  });
});

describe('dispositionChoices', () => {
  const wrapUp = { enabled: true, seconds: 60, dispositionField: 'Type', dispositions: [] as string[] };
  it("offers the field's picklist, or the admin's list; nothing for a record without the field", () => {
    expect(dispositionChoices(wrapUp, meta.Task)).toEqual({ label: 'Type', options: [{ value: 'Call', label: 'Call' }, { value: 'Email', label: 'Email' }, { value: 'Meeting', label: 'Meeting' }, { value: 'Other', label: 'Other' }] });
    expect(dispositionChoices({ ...wrapUp, dispositions: ['Resolved', 'Call back'] }, meta.Task)!.options.map((o) => o.value)).toEqual(['Resolved', 'Call back']);
    // A text field takes the admin's list; without one, or on a record without the field, nothing is asked.
    expect(dispositionChoices({ ...wrapUp, dispositionField: 'CallDisposition', dispositions: ['Resolved'] }, meta.Task)).toEqual({ label: 'Call Result', options: [{ value: 'Resolved', label: 'Resolved' }] });
    expect(dispositionChoices({ ...wrapUp, dispositionField: 'CallDisposition' }, meta.Task)).toBeNull();
    expect(dispositionChoices({ ...wrapUp, dispositionField: 'CallDisposition', dispositions: ['Resolved'] }, meta.Case)).toBeNull();
    expect(dispositionChoices({ ...wrapUp, dispositionField: null }, meta.Task)).toBeNull();
  });
});

describe('buildPlan: several people on one task', () => {
  const grace = { type: 'Contact' as const, id: '003000000000001AAA', accountId: '001000000000001AAA', values: {} };
  const others = [{ id: '003000000000002AAA', name: 'Bob Builder' }, { id: '003000000000001AAA', name: 'Grace again' }];
  const shared = { ...meta, Task: { ...meta.Task!, fields: [...meta.Task!.fields, { ...meta.Task!.fields.find((f) => f.name === 'WhoId')!, name: 'TaskWhoIds', type: 'junctionidlist', label: 'Contact/Lead Ids' }] } };
  const record = (plan: ReturnType<typeof buildPlan>) => plan!.steps.find((s) => s.ref === 'record')!;

  it('with Shared Activities, one task names the person first and the others, once each', () => {
    const plan = buildPlan(input({ action: 'contactTask', existing: grace, others, meta: shared }))!;
    expect(record(plan).values).toMatchObject({ TaskWhoIds: ['003000000000001AAA', '003000000000002AAA'], WhatId: grace.accountId });
    expect(record(plan).values).not.toHaveProperty('WhoId');
    // A new contact: the list starts with the reference to it.
    expect(record(buildPlan(input({ action: 'contactTask', others, meta: shared }))).values.TaskWhoIds).toEqual(['@{person.id}', '003000000000002AAA', '003000000000001AAA']);
  });

  it('without it, on a case, or on a lead, the person alone, and the others left off are said', () => {
    const plain = buildPlan(input({ action: 'contactTask', existing: grace, others }))!;
    expect(record(plain).values).toMatchObject({ WhoId: grace.id });
    expect(plain.skipped).toContainEqual(expect.objectContaining({ label: 'Other contacts', reason: expect.stringMatching(/^Bob Builder: this org has no Shared Activities/) }));
    expect(buildPlan(input({ existing: grace, others, meta: shared }))!.skipped).toContainEqual(expect.objectContaining({ reason: expect.stringMatching(/a case names one contact/) }));
    expect(buildPlan(input({ action: 'leadTask', existing: { type: 'Lead', id: '00Q000000000001AAA', values: {} }, others, meta: shared }))!.skipped).toContainEqual(expect.objectContaining({ reason: expect.stringMatching(/names the lead alone/) }));
  });

  it("a task for each person where one cannot name them all, when the admin chose so: the same chat, each its own key", () => {
    const bob = { id: '003000000000002AAA', name: 'Bob Builder' };
    const plan = buildPlan(input({ action: 'contactTask', existing: grace, others, othersEach: true, wrapUp: { field: 'Type', disposition: 'Call', notes: 'Roof leaks.' } }))!;
    const tasks = plan.steps.filter((s) => s.object === 'Task');
    expect(tasks.map((t) => [t.ref, t.values.WhoId])).toEqual([['record', grace.id], ['other1', bob.id]]);
    // Another person's task is the chat's task: subject, related account, disposition, notes and transcript alike.
    const { WhoId: _a, CallObject: key, ...same } = tasks[0]!.values;
    const { WhoId: _b, CallObject: copyKey, ...copy } = tasks[1]!.values;
    expect(copy).toEqual(same);
    expect(copy).toMatchObject({ WhatId: grace.accountId, Type: 'Call', Description: expect.stringMatching(/^Wrap-up notes: Roof leaks\./) });
    // Its CallObject differs, so the check for a resent task does not take one for a copy of the other.
    expect(copyKey).toBe(`${key}#2`);
    expect(plan.skipped.filter((s) => s.label === 'Other contacts')).toEqual([]);
    // A lead's chat: the lead's task, and one for each contact beside it.
    const lead = buildPlan(input({ action: 'leadTask', existing: { type: 'Lead', id: '00Q000000000001AAA', values: {} }, others, othersEach: true, meta: shared }))!;
    expect(lead.steps.filter((s) => s.object === 'Task').map((t) => t.values.WhoId)).toEqual(['00Q000000000001AAA', bob.id, grace.id]);
    // With Shared Activities it is still one task; a case names one contact whatever the setting.
    expect(buildPlan(input({ action: 'contactTask', existing: grace, others, othersEach: true, meta: shared }))!.steps.filter((s) => s.object === 'Task')).toHaveLength(1);
    expect(buildPlan(input({ existing: grace, others, othersEach: true }))!.steps.filter((s) => s.ref.startsWith('other'))).toEqual([]);
  });

  it("with the org's chat key field, each person's task is an upsert by a key of its own", () => {
    const keyField = { ...meta.Task!.fields.find((f) => f.name === 'Subject')!, name: 'Chat_Key__c', label: 'Chat Key', externalId: true, unique: true, createable: true, type: 'string' };
    const keyed = { ...meta, Task: { ...meta.Task!, fields: [...meta.Task!.fields, keyField] } };
    const plan = buildPlan(input({ action: 'contactTask', existing: grace, others, othersEach: true, meta: keyed }))!;
    const keys = plan.steps.filter((s) => s.object === 'Task').map((t) => t.upsertBy?.value);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(keys[1]).toBe(`${keys[0]}:other1`);
  });
});
