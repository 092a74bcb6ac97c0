import { signal, type Signal } from '@preact/signals';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { FieldValue } from '@/utils/mapping/display';
import { fieldProblem, newRecordProblems } from '@/utils/mapping/validate';
import type { FieldMeta } from '@/utils/salesforce/describe';
import type { Candidate, CommandRequest, CommandResponse, DisplayFields, FormSection, IdentifyResult, ManualAction, OutboxItem, OutboxUpdate, SalesforceStatus } from '@/utils/messages/protocol';
import { CommandError } from '@/utils/messages/protocol';
import type { ConsoleHealth } from '@/utils/adapters/health';
import { personOf, recordOf } from '@/utils/plan/actions';

/** What the panel asks the background; each is one command. */
export type PanelSources = {
  readStatus: () => Promise<SalesforceStatus>;
  /** Opens the extension's options page (to connect or reconnect). */
  openOptions?: () => Promise<unknown>;
  identify?: (snapshot: ChatSnapshot, force: boolean) => Promise<IdentifyResult>;
  search?: (text: string) => Promise<CommandResponse<'salesforce.search'>>;
  update?: (request: CommandRequest<'record.update'>) => Promise<CommandResponse<'record.update'>>;
  openForm?: (request: CommandRequest<'form.open'>) => Promise<CommandResponse<'form.open'>>;
  create?: (request: CommandRequest<'record.create'>) => Promise<CommandResponse<'record.create'>>;
  plan?: (request: CommandRequest<'chat.plan'>) => Promise<CommandResponse<'chat.plan'>>;
  lookup?: (request: CommandRequest<'lookup.search'>) => Promise<CommandResponse<'lookup.search'>>;
  retry?: (request: CommandRequest<'outbox.retry'>) => Promise<CommandResponse<'outbox.retry'>>;
  /** Tells the background the record the agent chose for a chat, so every write of it goes there. */
  remember?: (request: CommandRequest<'chat.record'>) => Promise<CommandResponse<'chat.record'>>;
  /** What the chat's automatic write would leave out, asked before the chat ends. */
  preview?: (request: CommandRequest<'chat.preview'>) => Promise<CommandResponse<'chat.preview'>>;
  /** The agent's correction of a value that write would leave out. */
  fix?: (request: CommandRequest<'chat.fix'>) => Promise<CommandResponse<'chat.fix'>>;
  /** The agent's wrap-up is done: the chat's write goes now, with it. */
  wrapUp?: (request: CommandRequest<'outbox.wrapUp'>) => Promise<CommandResponse<'outbox.wrapUp'>>;
  /** Tells the background the other contacts the agent put on the chat. */
  people?: (request: CommandRequest<'chat.people'>) => Promise<CommandResponse<'chat.people'>>;
  /** Tells the background the account the agent related the chat to (or none). */
  relate?: (request: CommandRequest<'chat.account'>) => Promise<CommandResponse<'chat.account'>>;
  /** Tells the background the open case the agent attached the chat to (or none). */
  attach?: (request: CommandRequest<'chat.case'>) => Promise<CommandResponse<'chat.case'>>;
};

/** A value the chat's write would leave out, with what the agent can do about it. */
export type PreviewSkipped = Extract<CommandResponse<'chat.preview'>, { state: 'preview' }>['skipped'][number];
/** Per chat, before it ends: what its write would leave out (asked again when what the chat gives changes). */
export type WritePreview = {
  key: string; skipped: PreviewSkipped[]; problems: Record<string, string>; saving?: string; wrapUp?: WrapUpAsk;
  /** The admin requires an account and the chat has none: the write waits for the agent's. */
  needsAccount?: boolean;
  /** The account the agent related the chat to. */
  account?: { id: string; name: string };
  /** The chat's other people get a task of their own (the org's tasks name one person). */
  othersOwnTasks?: boolean;
};
/** A contact put on the chat besides its person. */
export type OtherPerson = { id: string; name: string };
/** What the wrap-up asks of the agent after the chat: the disposition's choices (none: notes only). */
export type WrapUpAsk = NonNullable<Extract<CommandResponse<'chat.preview'>, { state: 'preview' }>['wrapUp']>;

/** A record a form links to by a lookup: its id and the name the form shows. */
export type Linked = { id: string; name?: string };
/** The person a chat's case or task goes to (with their account, which the case and task are linked to). */
export type Person = { type: 'Contact' | 'Lead'; id: string; name: string; account?: Linked };
/** The open case a chat is attached to: its writes go on it instead of opening another. */
export type AttachedCase = { id: string; number: string };
/** A form for a new record: the contact or lead now, or the case or task written at chat end. */
export type FormState = {
  chatId: string;
  action: ManualAction;
  object: 'Contact' | 'Lead' | 'Case' | 'Task';
  label: string;
  sections: FormSection[];
  values: Record<string, FieldValue>;
  /** What the chat filled in when the form opened: a case or task written at chat end takes the chat as it is then, and the agent's edits over it. */
  initial: Record<string, FieldValue>;
  /** The names of the records the lookup fields point to, as the agent picked them. */
  lookupNames: Record<string, string>;
  problems: Record<string, string>;
  showAll: boolean;
  /** The fields shown before "show all": fixed when the form opens, so a field being cleared stays put. */
  shown: string[];
  /** Fields the form fills that the org's layout does not show: written all the same, and said. */
  offLayout: { name: string; label: string }[];
  /** Where the org has several record types for the object: which, and the one chosen. */
  recordTypes: { id: string; name: string; default: boolean }[];
  recordTypeId: string | null;
  saving: boolean;
  message?: string;
  duplicates: { object: string; id: string }[];
  person?: Person;
  /** The account the new records go under when there is no person yet (the account shown). */
  account?: Linked;
};
/** The chat's write as the panel last heard of it, with what the agent set for it. */
export type ChatWrite = {
  item: OutboxItem; instanceUrl: string; person?: Person; overrides: Record<string, FieldValue>;
  /** A case or task created during the chat ("Create now"): its id and number (a task: its subject); the chat's end updates it. */
  created?: { object: 'Case' | 'Task'; id: string; number: string };
};
export type SearchState =
  | { state: 'idle' }
  | { state: 'searching'; text: string }
  | { state: 'results'; text: string; instanceUrl: string; fields: DisplayFields; records: Candidate[] }
  | { state: 'error'; text: string; message: string };
/** Per chat: the identification, or 'identifying' while it runs. */
export type Identities = Record<string, IdentifyResult | 'identifying'>;
/** A record picked by hand from a search, with the fields to show it by. */
export type ManualPick = { instanceUrl: string; fields: DisplayFields; record: Candidate };
/** The record being edited in place: what it had, what the agent typed, and what is wrong with it. */
export type EditState = {
  type: Candidate['type'];
  id: string;
  original: Record<string, FieldValue>;
  draft: Record<string, FieldValue>;
  problems: Record<string, string>;
  message?: string;
  saving: boolean;
};
/** A passing word to the agent ("Saved"), tied to the record it is about. */
export type Notice = { recordId: string; text: string };

export type PanelStore = {
  /** Opens the options page, where the agent connects (null when this panel cannot). */
  openOptions: (() => void) | null;
  status: Signal<SalesforceStatus | null>;
  checking: Signal<boolean>;
  /** Set when the background itself could not be asked (extension reloaded, worker failed). */
  problem: Signal<string | null>;
  /** The chat the agent has open in the console, as read from the page. */
  chat: Signal<ChatSnapshot | null>;
  identities: Signal<Identities>;
  /** The record the agent picked among several matches, per chat. */
  chosen: Signal<Record<string, string>>;
  search: Signal<SearchState>;
  /** A record the agent picked by hand from a search, per chat: it wins over identification. */
  manual: Signal<Record<string, ManualPick>>;
  editing: Signal<EditState | null>;
  notice: Signal<Notice | null>;
  form: Signal<FormState | null>;
  /** Per chat: the write chosen in the panel (waiting for the chat end) or done. */
  writes: Signal<Record<string, ChatWrite>>;
  previews: Signal<Record<string, WritePreview>>;
  /** How well this tab's console is recognised (its content script says when that changes). */
  health: Signal<ConsoleHealth | null>;
  /** Per chat: the open case the agent attached it to. */
  attached: Signal<Record<string, AttachedCase>>;
  /** Per chat: the other contacts the agent put on it (its task names them too). */
  others: Signal<Record<string, OtherPerson[]>>;
  /** Puts a contact on the chat besides its person, or takes them off. */
  toggleOther: (snapshot: ChatSnapshot, person: OtherPerson) => Promise<void>;
  /** Relates the chat to an account (null: to none); a write that waited for one is sent again. */
  relateAccount: (snapshot: ChatSnapshot, account: { id: string; name: string } | null) => Promise<void>;
  /** Attaches the chat to one of the customer's open cases (null: to none). */
  attachCase: (snapshot: ChatSnapshot, openCase: AttachedCase | null) => Promise<void>;
  /** Asks what the chat's write would leave out, once the chat's record is settled and when what the chat gives changed. */
  previewWrite: (snapshot: ChatSnapshot, again?: boolean) => Promise<void>;
  /** The agent's value for a field the write would leave out (null: the chat's again). */
  fixValue: (snapshot: ChatSnapshot, skipped: PreviewSkipped, value: string | null) => Promise<void>;
  startForm: (snapshot: ChatSnapshot, action: ManualAction, person?: Person, account?: Linked) => Promise<void>;
  setFormValue: (field: FieldMeta, value: FieldValue) => void;
  /** FirstName ↔ LastName: the split guessed the order wrong (a family name given first). */
  swapNames: () => void;
  showAllFields: () => void;
  submitForm: (snapshot: ChatSnapshot, instanceUrl: string) => Promise<void>;
  /** Creates the case or task of the form at once (a case's number for the customer); the chat's end adds the whole chat to it. */
  createNow: (snapshot: ChatSnapshot, instanceUrl: string) => Promise<void>;
  cancelForm: () => void;
  useExisting: (snapshot: ChatSnapshot, instanceUrl: string, duplicate: { object: string; id: string }) => Promise<void>;
  writeSettled: (update: OutboxUpdate) => void;
  /** Ends the chat's wrap-up: its write goes now with the disposition and notes. */
  finishWrapUp: (chatId: string, given: { disposition?: string; notes?: string }) => Promise<void>;
  /** Sends a write that needed attention again, to the existing record a duplicate rule named if given. */
  retryWrite: (chatId: string, attachTo?: { type: 'Contact' | 'Lead'; id: string }, fixes?: Record<string, Record<string, FieldValue>>) => Promise<void>;
  setLookup: (field: FieldMeta, id: string | null, name?: string) => void;
  /** Another record type: its layout and picklists, keeping what the agent typed. */
  changeRecordType: (snapshot: ChatSnapshot, recordTypeId: string) => Promise<void>;
  searchLookup: (field: FieldMeta, text: string) => Promise<{ id: string; name: string }[] | string>;
  runSearch: (text: string) => Promise<void>;
  pick: (chatId: string, pick: ManualPick | null) => void;
  refresh: () => Promise<void>;
  identify: (snapshot: ChatSnapshot, force?: boolean) => Promise<void>;
  choose: (chatId: string, recordId: string) => void;
  startEdit: (record: { type: Candidate['type']; id: string; values?: Record<string, FieldValue> }) => void;
  setDraft: (field: FieldMeta, value: FieldValue) => void;
  cancelEdit: () => void;
  saveEdit: (fields: FieldMeta[]) => Promise<void>;
  reportProblem: (error: unknown) => void;
};

function describeProblem(error: unknown): string {
  return error instanceof CommandError && error.code === 'extension_unreachable'
    ? 'The extension was updated or restarted. Reload this page to reconnect the panel.'
    : `The panel could not reach the extension: ${error instanceof Error ? error.message : String(error)}`;
}

/** The problems of a form after one field changed: that field checked again against describe. */
function recheck(problems: Record<string, string>, field: FieldMeta, value: FieldValue): Record<string, string> {
  const next = { ...problems };
  const found = fieldProblem(field, value);
  if (found) next[field.name] = found;
  else delete next[field.name];
  return next;
}

/** The matches a found identification offers (contacts win over leads, leads over accounts), and the one shown: the agent's choice, else the best. */
export function matchesOf(identity: Extract<IdentifyResult, { instanceUrl: string }>, chosenId: string | undefined): { candidates: Candidate[]; picked: Candidate | undefined } {
  const candidates = identity.contacts.length ? identity.contacts : identity.leads.length ? identity.leads : identity.accounts;
  return { candidates, picked: candidates.find((c) => c.id === chosenId) ?? candidates[0] };
}

/** The record the panel shows for a chat: the agent's pick by hand, else their choice among matches, else the best. */
export function shownRecord(store: Pick<PanelStore, 'manual' | 'identities' | 'chosen'>, chatId: string): { instanceUrl: string; record: Candidate } | null {
  const manual = store.manual.value[chatId];
  if (manual) return { instanceUrl: manual.instanceUrl, record: manual.record };
  const identity = store.identities.value[chatId];
  if (!identity || identity === 'identifying' || identity.state !== 'found') return null;
  const { picked } = matchesOf(identity, store.chosen.value[chatId]);
  return picked ? { instanceUrl: identity.instanceUrl, record: picked } : null;
}

/**
 * The lookups a new record's form fills: a contact under the account; a case on the person and
 * their account; a task on the person, related to the chat's case else the account (Salesforce
 * relates a lead's task to nothing else).
 */
export function formLinks(object: FormState['object'], person: Person | undefined, account: Linked | undefined, chatCase: AttachedCase | undefined): Record<string, Linked> {
  const links: Record<string, Linked> = {};
  if (object === 'Contact' && account) links.AccountId = account;
  if (object === 'Case') {
    if (person?.type === 'Contact') links.ContactId = { id: person.id, name: person.name };
    if (account) links.AccountId = account;
  }
  if (object === 'Task') {
    if (person) links.WhoId = { id: person.id, name: person.name };
    const what = chatCase ? { id: chatCase.id, name: `Case ${chatCase.number}` } : person?.type === 'Lead' ? undefined : account;
    if (what) links.WhatId = what;
    if (chatCase && person?.type === 'Lead') delete links.WhoId;
  }
  return links;
}

/** What a form shows before "show all fields": the required fields and those the chat filled. */
function initiallyShown(sections: FormSection[], values: Record<string, FieldValue>): string[] {
  return sections.flatMap((s) => s.fields).filter((f) => f.required || (values[f.name] !== undefined && values[f.name] !== null && values[f.name] !== '')).map((f) => f.name);
}

export function shownByDefault(state: FormState, name: string): boolean {
  return state.shown.includes(name) || name in state.problems;
}

/** A record's values with some changed: the record itself, or its account, wherever it is shown. */
function withValues(candidate: Candidate, id: string, changed: Record<string, FieldValue>): Candidate {
  if (candidate.id === id) return { ...candidate, values: { ...candidate.values, ...changed } };
  if (candidate.account?.id === id) return { ...candidate, account: { ...candidate.account, values: { ...candidate.account.values, ...changed } } };
  return candidate;
}

/** The panel's state as signals; the component only renders it. Testable without a DOM. */
export function createPanelStore(sources: PanelSources): PanelStore {
  const status = signal<SalesforceStatus | null>(null);
  const checking = signal(false);
  const problem = signal<string | null>(null);
  const chat = signal<ChatSnapshot | null>(null);
  const identities = signal<Identities>({});
  const chosen = signal<Record<string, string>>({});
  const search = signal<SearchState>({ state: 'idle' });
  const manual = signal<Record<string, ManualPick>>({});
  const editing = signal<EditState | null>(null);
  const notice = signal<Notice | null>(null);
  const form = signal<FormState | null>(null);
  const writes = signal<Record<string, ChatWrite>>({});
  const previews = signal<Record<string, WritePreview>>({});
  const attached = signal<Record<string, AttachedCase>>({});
  const health = signal<ConsoleHealth | null>(null);
  const others = signal<Record<string, OtherPerson[]>>({});

  async function toggleOther(snapshot: ChatSnapshot, person: OtherPerson) {
    if (!sources.people) return;
    const before = others.value[snapshot.chatId] ?? [];
    const next = before.some((p) => p.id === person.id) ? before.filter((p) => p.id !== person.id) : [...before, person];
    others.value = { ...others.value, [snapshot.chatId]: next };
    try {
      await sources.people({ console: snapshot.console, chatId: snapshot.chatId, people: next });
      await previewWrite(snapshot, true);
    } catch (error) {
      others.value = { ...others.value, [snapshot.chatId]: before };
      problem.value = describeProblem(error);
    }
  }

  function setAttached(chatId: string, openCase: AttachedCase | null | undefined) {
    const next = { ...attached.value };
    if (openCase) next[chatId] = openCase;
    else delete next[chatId];
    attached.value = next;
  }

  async function relateAccount(snapshot: ChatSnapshot, account: { id: string; name: string } | null) {
    if (!sources.relate) return;
    try {
      await sources.relate({ console: snapshot.console, chatId: snapshot.chatId, account });
      // A write that waited for an account goes now.
      const write = writes.value[snapshot.chatId];
      if (write?.item.state === 'needs_attention' && sources.retry) {
        const item = await sources.retry({ id: write.item.id });
        if (item) writes.value = { ...writes.value, [snapshot.chatId]: { ...write, item } };
      }
      await previewWrite(snapshot, true);
    } catch (error) {
      problem.value = describeProblem(error);
    }
  }

  async function attachCase(snapshot: ChatSnapshot, openCase: AttachedCase | null) {
    if (!sources.attach) return;
    const before = attached.value[snapshot.chatId];
    setAttached(snapshot.chatId, openCase);
    try {
      await sources.attach({ console: snapshot.console, chatId: snapshot.chatId, case: openCase });
    } catch (error) {
      setAttached(snapshot.chatId, before);
      problem.value = describeProblem(error);
    }
  }

  /** What a chat gives the write's values (not its messages: they only ever go whole into the transcript). */
  const previewKey = (snapshot: ChatSnapshot) => JSON.stringify([snapshot.visitor, snapshot.preChat, snapshot.session, snapshot.masked, shownRecord({ manual, identities, chosen }, snapshot.chatId)?.record.id ?? null]);

  async function previewWrite(snapshot: ChatSnapshot, again = false) {
    const identity = identities.value[snapshot.chatId];
    // Only once identification settled: the preview then reads its cached answer, never a second request.
    if (!sources.preview || snapshot.state !== 'active' || !identity || identity === 'identifying' || status.value?.state !== 'connected') return;
    const key = previewKey(snapshot);
    const before = previews.value[snapshot.chatId];
    if (!again && before?.key === key) return;
    previews.value = { ...previews.value, [snapshot.chatId]: { key, skipped: before?.skipped ?? [], problems: before?.problems ?? {} } };
    try {
      const answer = await sources.preview({ snapshot });
      if (previews.value[snapshot.chatId]?.key !== key) return; // asked again since
      const seen = answer.state === 'preview' ? answer : null;
      previews.value = {
        ...previews.value,
        [snapshot.chatId]: {
          key, skipped: seen?.skipped ?? [], problems: previews.value[snapshot.chatId]?.problems ?? {},
          ...(seen?.wrapUp ? { wrapUp: seen.wrapUp } : {}), ...(seen?.needsAccount ? { needsAccount: true } : {}), ...(seen?.chatAccount ? { account: seen.chatAccount } : {}), ...(seen?.othersOwnTasks ? { othersOwnTasks: true } : {}),
        },
      };
      // What the background keeps for the chat (a panel opened again learns it here).
      if (answer.state === 'preview') {
        setAttached(snapshot.chatId, answer.chatCase);
        others.value = { ...others.value, [snapshot.chatId]: answer.people ?? [] };
      }
    } catch {
      // Said at the write itself if it still applies; the preview is a courtesy.
    }
  }

  async function fixValue(snapshot: ChatSnapshot, skipped: PreviewSkipped, value: string | null) {
    const preview = previews.value[snapshot.chatId];
    if (!sources.fix || !preview || preview.saving) return;
    const at = `${skipped.ref}.${skipped.field}`;
    const set = (next: Partial<WritePreview>) => (previews.value = { ...previews.value, [snapshot.chatId]: { ...previews.value[snapshot.chatId]!, ...next } });
    set({ saving: at });
    try {
      const answer = await sources.fix({ snapshot, ref: skipped.ref, object: skipped.object as CommandRequest<'chat.fix'>['object'], field: skipped.field, value });
      const problems = { ...previews.value[snapshot.chatId]!.problems };
      if (answer.ok) delete problems[at];
      else problems[at] = answer.problem;
      set({ saving: undefined, problems });
      if (answer.ok) await previewWrite(snapshot, true);
    } catch (error) {
      set({ saving: undefined, problems: { ...previews.value[snapshot.chatId]!.problems, [at]: describeProblem(error) } });
    }
  }

  /** Opens the form of one object of an action, filled from the mapping (and what the agent set before). */
  async function openForm(snapshot: ChatSnapshot, action: ManualAction, object: FormState['object'], person?: Person, values?: Record<string, FieldValue>, recordTypeId?: string | null, account?: Linked) {
    if (!sources.openForm) return;
    const before = form.value?.chatId === snapshot.chatId && form.value.object === object ? form.value : null;
    form.value = { chatId: snapshot.chatId, action, object, label: object, sections: [], values: {}, initial: {}, lookupNames: {}, problems: {}, showAll: before?.showAll ?? false, shown: [], offLayout: [], recordTypes: [], recordTypeId: null, saving: true, duplicates: [], person, account, ...(before ? { label: before.label, sections: before.sections } : {}) };
    try {
      const wanted = recordTypeId ?? (typeof values?.RecordTypeId === 'string' ? values.RecordTypeId : undefined);
      const answer = await sources.openForm({ snapshot, action, object, recordTypeId: wanted });
      // What the agent typed stays, but not a picklist value the new record type does not offer.
      const offered = (name: string, value: FieldValue) => {
        const field = answer.state === 'form' ? answer.sections.flatMap((s) => s.fields).find((f) => f.name === name) : undefined;
        return !field || !field.picklistValues.length || field.picklistValues.some((p) => p.value === value);
      };
      const kept = Object.fromEntries(Object.entries(values ?? {}).filter(([name, value]) => name !== 'RecordTypeId' && offered(name, value)));
      // The records go to the chat's person, their account and the chat's case: the form shows them in its lookups.
      const links = formLinks(object, person, person?.account ?? account, attached.value[snapshot.chatId]);
      const filled = { ...answer.state === 'form' ? answer.initial : {}, ...Object.fromEntries(Object.entries(links).map(([f, l]) => [f, l.id])), ...kept };
      const linkName = Object.fromEntries(Object.entries(links).flatMap(([f, l]) => (l.name ? [[f, l.name]] : [])));
      form.value = answer.state === 'form'
        ? { ...form.value, label: answer.label, sections: answer.sections, values: filled, initial: answer.initial, lookupNames: { ...answer.names, ...linkName, ...before?.lookupNames }, shown: initiallyShown(answer.sections, filled), offLayout: answer.offLayout, recordTypes: answer.recordTypes, recordTypeId: answer.recordTypeId, saving: false }
        : { ...form.value, saving: false, message: answer.message };
    } catch (error) {
      form.value = { ...form.value, saving: false, message: describeProblem(error) };
    }
  }

  /** The first form of an action: the person to create, or straight the case or task. */
  async function startForm(snapshot: ChatSnapshot, action: ManualAction, person?: Person, account?: Linked) {
    // The person first when there is none yet; else straight the case or task.
    const first: FormState['object'] = person ? recordOf(action) : personOf(action) ?? recordOf(action);
    const again = writes.value[snapshot.chatId];
    await openForm(snapshot, action, first, person, again?.item.state === 'waiting' ? again.overrides : undefined, undefined, account);
  }

  /** The person exists (created now, or the duplicate the agent chose): on to the case or task. */
  async function withPerson(snapshot: ChatSnapshot, instanceUrl: string, state: FormState, person: Person) {
    pick(snapshot.chatId, { instanceUrl, fields: {}, record: { type: person.type, id: person.id, name: person.name, matched: ['created'] } });
    // Identification finds the new record (with its fields) when the rules match it.
    void identify(snapshot, true);
    // A contact made under the account: its case and task go under it too.
    const account = person.type === 'Contact' && typeof state.values.AccountId === 'string' ? { id: state.values.AccountId, name: state.lookupNames.AccountId } : undefined;
    await openForm(snapshot, state.action, recordOf(state.action), { ...person, ...(account ? { account } : {}) });
  }

  /** The form's filled values, and the form marked saving; null (problems shown) when describe refuses some. */
  function startSaving(state: FormState): Record<string, FieldValue> | null {
    const problems = newRecordProblems(state.sections.flatMap((s) => s.fields), state.values);
    if (Object.keys(problems).length) {
      form.value = { ...state, problems, message: 'Fill in the marked fields.', showAll: state.showAll || Object.keys(problems).some((n) => !shownByDefault(state, n)) };
      return null;
    }
    form.value = { ...state, saving: true, message: undefined };
    return Object.fromEntries(Object.entries(state.values).filter(([, v]) => v !== null && v !== ''));
  }

  async function submitForm(snapshot: ChatSnapshot, instanceUrl: string) {
    const state = form.value;
    if (!state || state.saving) return;
    const values = startSaving(state);
    if (!values) return;
    try {
      if (state.object === 'Contact' || state.object === 'Lead') {
        const answer = await sources.create!({ type: state.object, values });
        if (answer.state === 'created') return await withPerson(snapshot, instanceUrl, state, { type: state.object, id: answer.id, name: answer.name });
        form.value = answer.state === 'refused'
          ? { ...state, saving: false, problems: answer.fields, duplicates: answer.duplicates, message: answer.message ?? 'Salesforce did not create the record. See the marked fields.' }
          : { ...state, saving: false, message: answer.message };
        return;
      }
      // Only what the agent changed: the rest (the transcript above all) is taken from the chat when it ends.
      // (The record type is the agent's pick whichever it is.)
      const edited = Object.fromEntries(Object.entries(values).filter(([k, v]) => k === 'RecordTypeId' || state.initial[k] !== v));
      const item = await sources.plan!({ snapshot, action: state.action, person: state.person ? { type: state.person.type, id: state.person.id } : undefined, overrides: edited });
      writes.value = { ...writes.value, [snapshot.chatId]: { item, instanceUrl, person: state.person, overrides: edited } };
      form.value = null;
    } catch (error) {
      form.value = { ...state, saving: false, message: describeProblem(error) };
    }
  }

  async function createNow(snapshot: ChatSnapshot, instanceUrl: string) {
    const state = form.value;
    if (!state || state.saving || (state.object !== 'Case' && state.object !== 'Task') || !sources.create || !sources.plan) return;
    const object = state.object;
    const values = startSaving(state);
    if (!values) return;
    try {
      const answer = await sources.create({ type: object, values });
      if (answer.state !== 'created') {
        form.value = answer.state === 'refused'
          ? { ...state, saving: false, problems: answer.fields, message: answer.message ?? `Salesforce did not create the ${object.toLowerCase()}. See the marked fields.` }
          : { ...state, saving: false, message: answer.message };
        return;
      }
      // Kept for the chat's end: the same case then gets the whole chat.
      const item = await sources.plan({ snapshot, action: state.action, person: state.person ? { type: state.person.type, id: state.person.id } : undefined, overrides: {}, update: { object, id: answer.id } });
      writes.value = { ...writes.value, [snapshot.chatId]: { item, instanceUrl, person: state.person, overrides: {}, created: { object, id: answer.id, number: answer.name } } };
      form.value = null;
    } catch (error) {
      form.value = { ...state, saving: false, message: describeProblem(error) };
    }
  }

  async function useExisting(snapshot: ChatSnapshot, instanceUrl: string, duplicate: { object: string; id: string }) {
    const state = form.value;
    if (!state || (duplicate.object !== 'Contact' && duplicate.object !== 'Lead')) return;
    const name = [state.values.FirstName, state.values.LastName].filter(Boolean).join(' ');
    await withPerson(snapshot, instanceUrl, state, { type: duplicate.object, id: duplicate.id, name });
  }

  async function runSearch(text: string) {
    if (!sources.search) return;
    search.value = { state: 'searching', text };
    try {
      const answer = await sources.search(text);
      search.value = answer.state === 'results' ? { state: 'results', text, instanceUrl: answer.instanceUrl, fields: answer.fields, records: answer.records } : { state: 'error', text, message: answer.message };
    } catch (error) {
      search.value = { state: 'error', text, message: describeProblem(error) };
    }
  }

  function pick(chatId: string, choice: ManualPick | null) {
    const next = { ...manual.value };
    if (choice) next[chatId] = choice;
    else delete next[chatId];
    manual.value = next;
    search.value = { state: 'idle' };
    rememberChoice(chatId, !!choice);
  }

  /** The background keeps what the panel shows for the chat as its record, when the agent chose it. */
  function rememberChoice(chatId: string, chose = true) {
    const snapshot = chat.value;
    if (!sources.remember || !snapshot || snapshot.chatId !== chatId) return;
    // A pick undone: identification decides again, unless the agent chose among its matches.
    const shown = chose || chosen.value[chatId] ? shownRecord({ manual, identities, chosen }, chatId)?.record : undefined;
    const record = shown ? { type: shown.type, id: shown.id, name: shown.name } : null;
    void sources.remember({ console: snapshot.console, chatId, record })
      .then(() => previewWrite(snapshot, true))
      .catch((error) => (problem.value = describeProblem(error)));
  }

  async function refresh() {
    checking.value = true;
    try {
      status.value = await sources.readStatus();
      problem.value = null;
    } catch (error) {
      problem.value = describeProblem(error);
    } finally {
      checking.value = false;
    }
  }

  async function identify(snapshot: ChatSnapshot, force = false) {
    if (!sources.identify) return;
    const { chatId } = snapshot;
    identities.value = { ...identities.value, [chatId]: 'identifying' };
    let result: IdentifyResult;
    try {
      result = await sources.identify(snapshot, force);
    } catch (error) {
      result = { state: 'error', kind: 'unreachable', message: describeProblem(error) };
    }
    identities.value = { ...identities.value, [chatId]: result };
    if (chat.value?.chatId === chatId) void previewWrite(chat.value);
  }

  function startEdit(record: { type: Candidate['type']; id: string; values?: Record<string, FieldValue> }) {
    const original = { ...record.values };
    editing.value = { type: record.type, id: record.id, original, draft: { ...original }, problems: {}, saving: false };
    notice.value = null;
  }

  function setDraft(field: FieldMeta, value: FieldValue) {
    const edit = editing.value;
    if (!edit) return;
    editing.value = { ...edit, draft: { ...edit.draft, [field.name]: value }, problems: recheck(edit.problems, field, value) };
  }

  /** Shows what Salesforce now holds, in every place the record appears. */
  function applySaved(id: string, changed: Record<string, FieldValue>) {
    identities.value = Object.fromEntries(
      Object.entries(identities.value).map(([chatId, r]) =>
        typeof r === 'string' || r.state === 'error' ? [chatId, r] : [chatId, { ...r, contacts: r.contacts.map((c) => withValues(c, id, changed)), leads: r.leads.map((c) => withValues(c, id, changed)), accounts: r.accounts.map((c) => withValues(c, id, changed)) }],
      ),
    );
    manual.value = Object.fromEntries(Object.entries(manual.value).map(([chatId, m]) => [chatId, { ...m, record: withValues(m.record, id, changed) }]));
  }

  async function saveEdit(fields: FieldMeta[]) {
    const edit = editing.value;
    if (!edit || edit.saving || !sources.update) return;
    const changed = Object.fromEntries(Object.entries(edit.draft).filter(([name, value]) => value !== (edit.original[name] ?? null)));
    if (!Object.keys(changed).length) {
      editing.value = null;
      return;
    }
    const problems: Record<string, string> = {};
    for (const f of fields) {
      const found = f.name in changed ? fieldProblem(f, changed[f.name]!) : null;
      if (found) problems[f.name] = found;
    }
    if (Object.keys(problems).length) {
      editing.value = { ...edit, problems, message: 'Fix the marked fields, then save again.' };
      return;
    }
    editing.value = { ...edit, saving: true, message: undefined };
    try {
      const before = Object.fromEntries(Object.keys(changed).map((name) => [name, edit.original[name] ?? null]));
      const answer = await sources.update({ type: edit.type, id: edit.id, values: changed, before });
      if (answer.state === 'saved') {
        applySaved(edit.id, changed);
        editing.value = null;
        notice.value = { recordId: edit.id, text: 'Saved to Salesforce.' };
      } else if (answer.state === 'refused') {
        editing.value = { ...edit, saving: false, problems: answer.fields, message: answer.message ?? 'Salesforce did not save the change. See the marked fields.' };
      } else {
        editing.value = { ...edit, saving: false, message: `${answer.message} Your changes are still here.` };
      }
    } catch (error) {
      editing.value = { ...edit, saving: false, message: `${describeProblem(error)} Your changes are still here.` };
    }
  }

  return {
    openOptions: sources.openOptions ? () => void sources.openOptions!().catch(() => undefined) : null,
    status, checking, problem, chat, identities, chosen, search, manual, editing, notice, form, writes, previews, previewWrite, fixValue, attached, attachCase, relateAccount, health, others, toggleOther,
    runSearch, pick, refresh, identify, startEdit, setDraft, saveEdit, startForm, submitForm, createNow, useExisting,
    setFormValue: (field, value) => {
      const state = form.value;
      if (!state) return;
      form.value = { ...state, values: { ...state.values, [field.name]: value }, problems: recheck(state.problems, field, value) };
    },
    swapNames: () => {
      const state = form.value;
      const fields = state?.sections.flatMap((s) => s.fields) ?? [];
      const first = fields.find((f) => f.name === 'FirstName');
      const last = fields.find((f) => f.name === 'LastName');
      if (!state || !first || !last) return;
      const values = { ...state.values, FirstName: state.values.LastName ?? null, LastName: state.values.FirstName ?? null };
      form.value = { ...state, values, problems: recheck(recheck(state.problems, first, values.FirstName), last, values.LastName) };
    },
    showAllFields: () => form.value && (form.value = { ...form.value, showAll: true }),
    finishWrapUp: async (chatId, given) => {
      const write = writes.value[chatId];
      if (!write || !sources.wrapUp) return;
      try {
        const item = await sources.wrapUp({ id: write.item.id, ...given });
        if (item) writes.value = { ...writes.value, [chatId]: { ...write, item } };
      } catch (error) {
        problem.value = describeProblem(error);
      }
    },
    retryWrite: async (chatId, attachTo, fixes) => {
      const write = writes.value[chatId];
      if (!write || !sources.retry) return;
      try {
        const item = await sources.retry({ id: write.item.id, attachTo, fixes });
        if (item) writes.value = { ...writes.value, [chatId]: { ...write, item } };
      } catch (error) {
        problem.value = describeProblem(error);
      }
    },
    changeRecordType: async (snapshot, recordTypeId) => {
      const state = form.value;
      if (!state) return;
      await openForm(snapshot, state.action, state.object, state.person, state.values, recordTypeId, state.account);
    },
    setLookup: (field, id, name) => {
      const state = form.value;
      if (!state) return;
      const problems = { ...state.problems };
      delete problems[field.name];
      form.value = { ...state, values: { ...state.values, [field.name]: id }, lookupNames: { ...state.lookupNames, [field.name]: name ?? '' }, problems };
    },
    searchLookup: async (field, text) => {
      if (!sources.lookup) return [];
      try {
        const answer = await sources.lookup({ referenceTo: field.referenceTo, text });
        return answer.state === 'results' ? answer.records : answer.message;
      } catch (error) {
        return describeProblem(error);
      }
    },
    cancelForm: () => (form.value = null),
    writeSettled: (update) => {
      const before = writes.value[update.item.chatId];
      writes.value = { ...writes.value, [update.item.chatId]: { overrides: {}, ...before, item: update.item, instanceUrl: update.instanceUrl || before?.instanceUrl || '' } };
    },
    cancelEdit: () => (editing.value = null),
    choose: (chatId, recordId) => {
      chosen.value = { ...chosen.value, [chatId]: recordId };
      rememberChoice(chatId);
    },
    reportProblem: (error) => (problem.value = describeProblem(error)),
  };
}
