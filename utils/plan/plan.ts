import { i18n } from '#i18n';
import type { ChatSnapshot } from '../chat/snapshot';
import { chatFacts } from '../chat/transcript';
import type { FieldMapping, ObjectName } from '../mapping/defaults';
import type { FieldValue } from '../mapping/display';
import { mappedValues, TRANSCRIPT_CUT, withRequiredNames, type MappedValues } from '../mapping/values';
import { parsePhone, samePhone } from '../identify/phone';
import { fieldOf, type FieldMeta, type ObjectMeta } from '../salesforce/describe';
import { chatKeyField, chatKeyValue } from './chat-key';
import { cutText } from '../chat/cut';
import { renderDescription } from './description';
import { ACTIONS, type AutoAction } from './actions';

export type { AutoAction } from './actions';
/** What a found contact or lead gets from the chat (seed 000 / 002). */
export type UpdateStrategy = 'none' | 'overwrite' | 'fillBlank';
export type Trigger = 'ended' | 'offline' | 'started';

/** The record the chat is about, as identification (or the agent's pick) found it. */
export type Existing = { type: 'Contact' | 'Lead'; id: string; accountId?: string; values: Record<string, FieldValue>; /** Salesforce's full Name. */ name?: string };

/** A value a write sends: a field's value, or a list of ids (TaskWhoIds, several people on one task). */
export type PlanValue = FieldValue | string[];

/** One write: a create (POST) or an update (PATCH) of one record; values may name earlier steps as @{ref.id}. */
export type PlanStep = {
  ref: string; object: ObjectName | 'ContentVersion'; method: 'POST' | 'PATCH'; id?: string; values: Record<string, PlanValue>;
  /** For an update: what the changed fields held before (the audit log keeps both). */
  before?: Record<string, FieldValue>;
  /** A create sent as an upsert by the org's chat key field: sent twice, it still makes one record. */
  upsertBy?: { field: string; value: string };
};

/** A whole write for one chat: stored before any request, sent as ONE allOrNone composite. */
export type ActionPlan = {
  id: string;
  /** Idempotency key: console and chat, the same however often the plan is built. */
  chatKey: string;
  chatId: string;
  trigger: Trigger | 'manual';
  action: AutoAction;
  steps: PlanStep[];
  /** Mapped values the chat had but Salesforce would not take (a bad phone), and why. */
  skipped: Skipped[];
  createdAt: number;
};

/**
 * A value of the chat's that is not written (or not whole), and why: said before and after the
 * write. `value` is the chat's text where the agent can correct it (too long, not a date…).
 */
export type Skipped = { ref: 'person' | 'record'; object: string; field: string; label: string; reason: string; value?: string };

/** The skipped fields of one record of the plan, by the org's labels. */
function skippedOf(ref: Skipped['ref'], object: string, meta: ObjectMeta | undefined, mapped: MappedValues): Skipped[] {
  return Object.entries(mapped.skipped).map(([field, reason]) => ({
    ref, object, field, label: meta?.layoutLabels[field] ?? fieldOf(meta, field)?.label ?? field, reason,
    ...(mapped.fixable[field] !== undefined ? { value: mapped.fixable[field] } : {}),
  }));
}

/** A plan's skipped fields, whichever version stored it (older plans kept them by field: field → reason). */
export function skippedList(stored: Skipped[] | Record<string, string> | undefined): Skipped[] {
  if (!stored) return [];
  return Array.isArray(stored) ? stored : Object.entries(stored).map(([field, reason]) => ({ ref: 'record', object: '', field, label: field, reason }));
}

export type TaskDefaults = { subject: string; status: string; priority: string; dueInDays: number };
export type CaseDefaults = { status?: string; priority?: string; origin?: string };
export const DEFAULT_TASK: TaskDefaults = { subject: 'Chat', status: 'Completed', priority: 'Normal', dueInDays: 0 };

export type PlanInput = {
  snapshot: ChatSnapshot;
  trigger: ActionPlan['trigger'];
  action: AutoAction;
  strategy: UpdateStrategy;
  existing: Existing | null;
  meta: Partial<Record<string, ObjectMeta>>;
  mapping: FieldMapping;
  region?: string;
  /** The agent's Salesforce user (same e-mail), else none: Salesforce then makes the connected user the owner. */
  ownerId?: string;
  task?: TaskDefaults;
  /** Case Status, Priority and Origin set by the admin; empty ones keep the org's defaults (Origin: its Web or Chat value). */
  caseDefaults?: CaseDefaults;
  /** What the agent set in the panel's case or task form: wins over the mapping. */
  overrides?: Record<string, FieldValue>;
  /** The chat's account when its person has none of their own: the one that matched, or the agent's pick. */
  account?: string;
  /** The open case the agent attached the chat to: the chat goes there as a task, not as a new case. */
  chatCase?: { id: string };
  /** More contacts the agent put on the chat (the installer and the homeowner): named on its task too. */
  others?: { id: string; name?: string }[];
  /** Where one task cannot name them all (no Shared Activities, a lead's chat): a task of its own for each of the others. */
  othersEach?: boolean;
  /** The admin's description template for the chat's case or task (empty: the mapping's Description, the transcript). */
  description?: string;
  /** The agent's wrap-up after the chat: a disposition for `field` of the chat's case or task, and notes put before the transcript. */
  wrapUp?: { field?: string | null; disposition?: string; notes?: string };
  now: number;
};

export const chatKeyOf = (snapshot: Pick<ChatSnapshot, 'console' | 'chatId'>) => cutText(`${snapshot.console}:${snapshot.chatId}`, 255);

const blank = (v: FieldValue | undefined) => v === null || v === undefined || v === '';

/** Whether a stored value already says what the chat says: case aside for e-mails, any format for phones. */
function same(field: FieldMeta | undefined, had: FieldValue | undefined, value: FieldValue): boolean {
  if (had === value) return true;
  if (typeof had !== 'string' || typeof value !== 'string') return false;
  if (field?.type === 'email') return had.trim().toLowerCase() === value.toLowerCase();
  if (field?.type === 'phone') {
    // The incoming value is E.164; a stored national number is read in its country.
    const incoming = parsePhone(value, []);
    return !!incoming && samePhone(had, incoming, incoming.country ? [incoming.country] : []) !== null;
  }
  return false;
}

/** The update a found record gets under a strategy: only values that change something. */
function updateValues(existing: Existing, meta: ObjectMeta | undefined, strategy: UpdateStrategy, incoming: Record<string, FieldValue>): Record<string, FieldValue> {
  if (strategy === 'none') return {};
  const out: Record<string, FieldValue> = {};
  // The chat's name is no change for a person whose name it already is (FirstName and LastName are
  // not always read back): "Chloé Dubois" must not be rewritten, nor become "Chloé Chloé Dubois".
  const chatName = [incoming.FirstName, incoming.LastName].filter((v) => typeof v === 'string' && v).join(' ').trim().toLowerCase();
  const sameName = !!chatName && existing.name?.trim().toLowerCase() === chatName;
  for (const [name, value] of Object.entries(incoming)) {
    const had = existing.values[name];
    if (sameName && (name === 'FirstName' || name === 'LastName')) continue;
    if (strategy === 'fillBlank' ? blank(had) : !same(fieldOf(meta, name), had, value)) out[name] = value;
  }
  return out;
}

/** Only the fields the org has and lets us set on create. */
function settable(meta: ObjectMeta | undefined, values: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => fieldOf(meta, name)?.createable));
}

/**
 * The automatic (or chosen) action for a chat → the records to write and how they refer to each
 * other. Pure: the same input gives the same plan. Null when there is nothing to write.
 */
export function buildPlan(input: PlanInput): ActionPlan | null {
  const { snapshot, action, strategy, existing, meta, mapping, region, ownerId, now } = input;
  if (action === 'nothing') return null;
  const task = input.task ?? DEFAULT_TASK;
  const steps: PlanStep[] = [];
  const skipped: Skipped[] = [];
  const owner: Record<string, FieldValue> = ownerId ? { OwnerId: ownerId } : {};

  // The person: the found one (updated by the strategy), or a new contact or lead.
  let who: string | null = null;
  let whoIsLead = false;
  // A found contact's own account wins; a new contact is made under the chat's account.
  let accountId: string | undefined = input.account;
  const wanted = ACTIONS[action].person;
  if (wanted) {
    // A lead task goes to a found contact rather than creating a lead beside it.
    const person = existing && (existing.type === wanted || (wanted === 'Lead' && existing.type === 'Contact')) ? existing : null;
    if (person) {
      who = person.id;
      whoIsLead = person.type === 'Lead';
      accountId = person.type === 'Lead' ? undefined : person.accountId ?? input.account;
      const mapped = mappedValues(snapshot, mapping[person.type], meta[person.type], 'update', region);
      // Nothing of the chat goes to a found person under "no update": nothing to say was left out.
      if (strategy !== 'none') skipped.push(...skippedOf('person', person.type, meta[person.type], mapped));
      const changes = updateValues(person, meta[person.type], strategy, mapped.values);
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, person.values[k] ?? null]));
      if (Object.keys(changes).length) steps.push({ ref: 'person', object: person.type, method: 'PATCH', id: person.id, values: changes, before });
    } else {
      const mapped = mappedValues(snapshot, mapping[wanted], meta[wanted], 'create', region);
      skipped.push(...skippedOf('person', wanted, meta[wanted], mapped));
      const under = wanted === 'Contact' && accountId ? settable(meta.Contact, { AccountId: accountId }) : {};
      steps.push({ ref: 'person', object: wanted, method: 'POST', values: { ...withRequiredNames(wanted, mapped.values, snapshot), ...under, ...owner } });
      who = '@{person.id}';
      whoIsLead = wanted === 'Lead';
      if (whoIsLead) accountId = undefined;
    }
  }

  // A chat attached to an open case goes on it as a task: no second case for the same issue.
  const onCase = input.chatCase;
  const child: 'Case' | 'Task' = onCase ? 'Task' : ACTIONS[action].record;
  const mapped = input.description
    ? mappedValues(withDescription(snapshot, input.description, input.wrapUp), [...mapping[child].filter((r) => r.sfField !== 'Description'), { sfField: 'Description', chatField: 'chat.description' }], meta[child], 'create', region)
    : mappedValues(snapshot, mapping[child], meta[child], 'create', region);
  skipped.push(...skippedOf('record', child, meta[child], mapped));
  const name = snapshot.visitor.name?.trim() || snapshot.visitor.email || 'a visitor';
  const offline = snapshot.state === 'offline';
  if (child === 'Case') {
    const defaults = input.caseDefaults ?? {};
    const origin = defaults.origin || fieldOf(meta.Case, 'Origin')?.picklistValues.find((p) => /chat|web/i.test(p.value))?.value;
    steps.push({
      ref: 'record', object: 'Case', method: 'POST',
      values: settable(meta.Case, {
        Subject: cutText(`${offline ? 'Offline message' : 'Chat'} with ${name}`, 255),
        ...(origin ? { Origin: origin } : {}),
        ...(defaults.status ? { Status: defaults.status } : {}),
        ...(defaults.priority ? { Priority: defaults.priority } : {}),
        ...mapped.values,
        ...(who ? { ContactId: who } : {}),
        ...(accountId ? { AccountId: accountId } : {}),
        ...owner,
      }),
    });
  } else {
    const due = new Date(now + task.dueInDays * 86_400_000).toISOString().slice(0, 10);
    // Related To: the chat's case, else its account. Salesforce relates a lead's task to nothing
    // else, so the case the agent chose wins over naming the lead, and that is said.
    const what = onCase?.id ?? (whoIsLead ? undefined : accountId);
    if (onCase && whoIsLead) {
      skipped.push({ ref: 'record', object: 'Task', field: 'WhoId', label: meta.Task?.layoutLabels.WhoId ?? 'Name', reason: i18n.t('plan.leadOnCase') });
      who = null;
    }
    steps.push({
      ref: 'record', object: 'Task', method: 'POST',
      values: settable(meta.Task, {
        Subject: offline ? cutText(`Offline message from ${name}`, 255) : task.subject,
        Status: task.status,
        Priority: task.priority,
        ActivityDate: due,
        ...mapped.values,
        WhoId: who,
        ...(what ? { WhatId: what } : {}),
        // The chat's key, so a write whose answer was lost can be found before it is sent again.
        CallObject: chatKeyOf(snapshot),
        ...owner,
      }),
    });
  }
  const record = steps.find((s) => s.ref === 'record')!;
  if (input.overrides) {
    const set = settable(meta[record.object], input.overrides);
    record.values = { ...record.values, ...set };
    // What the agent typed is written: no longer "left out".
    for (let i = skipped.length - 1; i >= 0; i--) if (skipped[i]!.ref === 'record' && skipped[i]!.field in set) skipped.splice(i, 1);
  }
  // A template that places the notes itself has them already.
  if (input.wrapUp) applyWrapUp(record, input.description?.includes('{chat.notes}') ? { ...input.wrapUp, notes: undefined } : input.wrapUp, meta, skipped, mapped.cut);
  // After the wrap-up: another person's copy of the task has its disposition and notes too.
  if (input.others?.length) steps.push(...withOthers(record, input.others, whoIsLead, meta, skipped, !!input.othersEach));
  const id = `${chatKeyOf(snapshot)}:${input.trigger}`;
  // Upserts only when every record the plan creates has the key: a contact created twice would
  // otherwise take the case along to the second one.
  const creates = steps.filter((s) => s.method === 'POST' && s.object !== 'ContentVersion');
  const keys = creates.map((s) => chatKeyField(meta[s.object]));
  // Each other person's task has a key of its own: one key would make them one task.
  if (creates.length && keys.every(Boolean)) creates.forEach((step, i) => (step.upsertBy = { field: keys[i]!, value: chatKeyValue(isOtherTask(step.ref) ? `${id}:${step.ref}` : id) }));
  else {
    // Without the key field, the case's text carries the chat's key: a copy of this chat's case
    // is then told apart from another chat's with the same words ("hi").
    const limit = fieldOf(meta.Case, 'Description')?.length;
    if (record.object === 'Case' && typeof record.values.Description === 'string' && limit) {
      const marked = withMarker(record.values.Description, chatMarker(id), limit);
      record.values.Description = marked.text;
      if (marked.cut && !mapped.cut.includes('Description')) mapped.cut.push('Description');
    }
  }
  // A transcript too long for the field was cut with a marker: the whole text goes along as a file.
  if (mapped.cut.includes('Description') && meta.ContentVersion) {
    steps.push({
      ref: 'transcript', object: 'ContentVersion', method: 'POST',
      values: { Title: cutText(`Chat transcript ${chatKeyOf(snapshot)}`, 255), PathOnClient: 'chat-transcript.txt', VersionData: base64Utf8(chatFacts(snapshot).transcript ?? ''), FirstPublishLocationId: '@{record.id}' },
    });
  }
  return { id, chatKey: chatKeyOf(snapshot), chatId: snapshot.chatId, trigger: input.trigger, action, steps, skipped, createdAt: now };
}

/**
 * The plan with the agent's corrections (by record, then field) over what the chat gave: a
 * corrected field is written as typed and no longer listed as left out.
 */
export function withFixes(plan: ActionPlan, fixes: Fixes | undefined): ActionPlan {
  if (!fixes || !Object.keys(fixes).length) return plan;
  const steps = plan.steps.map((step) => (fixes[step.ref] ? { ...step, values: { ...step.values, ...fixes[step.ref] } } : step));
  const fixed = (s: Skipped) => steps.some((st) => st.ref === s.ref && fixes[st.ref] && s.field in fixes[st.ref]!);
  return { ...plan, steps, skipped: plan.skipped.filter((s) => !fixed(s)) };
}

export type Fixes = Partial<Record<string, Record<string, FieldValue>>>;

/** Corrections put together, record by record: a later set wins field by field. */
export function mergeFixes(...sets: (Fixes | undefined)[]): Fixes | undefined {
  const present = sets.filter((f): f is Fixes => !!f);
  if (!present.length) return undefined;
  const refs = [...new Set(present.flatMap((f) => Object.keys(f)))];
  return Object.fromEntries(refs.map((ref) => [ref, Object.assign({}, ...present.map((f) => f[ref] ?? {}))]));
}

/** How many people one task may name (Salesforce: up to 50 contacts, or one lead). */
export const TASK_PEOPLE_MAX = 50;

/** The ref of the task a chat's other person gets where one task cannot name them all: other1, other2… */
export const isOtherTask = (ref: string) => /^other\d+$/.test(ref);

/**
 * The chat's other contacts on its task: with Shared Activities (the org's TaskWhoIds field), one
 * task names them all, the chat's person first. Where a task names one person (no Shared
 * Activities, a lead's task), each of the others gets a copy of the task when the admin chose so
 * (`each`), its CallObject the chat's key with the copy's number, so that the check for a resent
 * write does not take the copies for one another; else the task names its person alone. A case
 * names one contact. What is left off is said.
 */
function withOthers(record: PlanStep, others: NonNullable<PlanInput['others']>, whoIsLead: boolean, meta: PlanInput['meta'], skipped: Skipped[], each: boolean): PlanStep[] {
  const who = record.values[record.object === 'Case' ? 'ContactId' : 'WhoId'];
  const rest = others.filter((o) => o.id !== who);
  if (!rest.length) return [];
  const list = fieldOf(meta.Task, 'TaskWhoIds');
  const names = (people: typeof rest) => people.map((o) => o.name || o.id).join(', ');
  const leave = (reason: string, people = rest) => void skipped.push({ ref: 'record', object: record.object, field: record.object === 'Case' ? 'ContactId' : 'TaskWhoIds', label: i18n.t('plan.otherContacts'), reason: i18n.t('plan.others', { names: names(people), reason }) });
  if (record.object !== 'Task') return leave(i18n.t('plan.caseNamesOne')), [];
  if (!whoIsLead && list?.createable) {
    const ids = [...new Set([...(typeof who === 'string' && who ? [who] : []), ...rest.map((o) => o.id)])];
    record.values.TaskWhoIds = ids.slice(0, TASK_PEOPLE_MAX);
    if (ids.length > TASK_PEOPLE_MAX) leave(i18n.t('plan.taskNamesAtMost', { max: TASK_PEOPLE_MAX }), rest.slice(TASK_PEOPLE_MAX - 1));
    // The list names the person too: Salesforce makes its first the task's WhoId.
    delete record.values.WhoId;
    return [];
  }
  if (!each) return leave(whoIsLead ? i18n.t('plan.leadAlone') : i18n.t('plan.noSharedActivities')), [];
  const copies = rest.slice(0, TASK_PEOPLE_MAX);
  if (rest.length > copies.length) leave(i18n.t('plan.copiesAtMost', { max: TASK_PEOPLE_MAX }), rest.slice(copies.length));
  const key = String(record.values.CallObject ?? '');
  return copies.map((person, i) => ({
    ref: `other${i + 1}`, object: 'Task' as const, method: 'POST' as const,
    values: { ...record.values, WhoId: person.id, ...(key ? { CallObject: `${cutText(key, 250)}#${i + 2}` } : {}) },
  }));
}

/** The chat with its description as the admin's template composes it (`chat.description`, for the mapping). */
const withDescription = (snapshot: ChatSnapshot, template: string, wrapUp: PlanInput['wrapUp']): ChatSnapshot =>
  ({ ...snapshot, chat: { ...snapshot.chat, description: renderDescription(template, snapshot, wrapUp) } });

/**
 * The wrap-up on the chat's record: the disposition in its field (said when the record has no such
 * field), the notes first in the description, whole, with the transcript after them cut to fit.
 */
function applyWrapUp(record: PlanStep, wrapUp: NonNullable<PlanInput['wrapUp']>, meta: PlanInput['meta'], skipped: Skipped[], cut: string[]): void {
  const object = meta[record.object];
  if (wrapUp.disposition && wrapUp.field) {
    const field = fieldOf(object, wrapUp.field);
    if (field?.createable) record.values[field.name] = cutText(wrapUp.disposition, field.length || 255);
    else skipped.push({ ref: 'record', object: record.object, field: wrapUp.field, label: wrapUp.field, reason: i18n.t(record.object === 'Case' ? 'plan.noDispositionField.Case' : 'plan.noDispositionField.Task', { field: wrapUp.field, disposition: wrapUp.disposition }) });
  }
  const notes = wrapUp.notes?.trim();
  const description = fieldOf(object, 'Description');
  if (!notes || !description?.createable) return;
  const head = `Wrap-up notes: ${notes}`;
  const before = typeof record.values.Description === 'string' ? record.values.Description : '';
  const whole = before ? `${head}\n\n${before}` : head;
  const limit = description.length || 32_000;
  if (whole.length <= limit) record.values.Description = whole;
  else {
    // The notes stay whole (the agent just wrote them); the transcript gives way and goes whole as a file.
    record.values.Description = cutText(whole, limit - TRANSCRIPT_CUT.length) + TRANSCRIPT_CUT;
    if (!cut.includes('Description')) cut.push('Description');
  }
}

/** The line a case's description ends with when the org has no chat key field. */
export const chatMarker = (planId: string) => `\n\nChat: ${planId}`;

/**
 * Text and marker within the field's length: the text gives way, on a whole character, and says
 * so (the "cut here" line stays whole, and the whole transcript then goes as a file).
 */
function withMarker(text: string, marker: string, limit: number): { text: string; cut: boolean } {
  if (text.length + marker.length <= limit) return { text: text + marker, cut: false };
  const body = text.endsWith(TRANSCRIPT_CUT) ? text.slice(0, -TRANSCRIPT_CUT.length) : text;
  return { text: cutText(body, limit - marker.length - TRANSCRIPT_CUT.length) + TRANSCRIPT_CUT + marker, cut: true };
}

/** The plan as plain creates: for an org whose chat key field is gone since its describe was read. */
export const withoutUpserts = (plan: ActionPlan): ActionPlan => ({ ...plan, steps: plan.steps.map(({ upsertBy: _gone, ...step }) => step) });

/** Whether sending the plan again can never create a second record: every create is an upsert by the chat key. */
export const isIdempotent = (plan: ActionPlan) => plan.steps.every((s) => s.method === 'PATCH' || !!s.upsertBy);

/** UTF-8 text as base64 (what ContentVersion.VersionData takes), in chunks so long texts do not overflow the stack. */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
