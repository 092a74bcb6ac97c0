import { signal, type Signal } from '@preact/signals';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { FieldValue } from '@/utils/mapping/display';
import { fieldProblem } from '@/utils/mapping/validate';
import type { FieldMeta } from '@/utils/salesforce/describe';
import type { Candidate, CommandRequest, CommandResponse, DisplayFields, IdentifyResult, SalesforceStatus } from '@/utils/messages/protocol';
import { CommandError } from '@/utils/messages/protocol';

/** What the panel asks the background; each is one command. */
export type PanelSources = {
  readStatus: () => Promise<SalesforceStatus>;
  identify?: (snapshot: ChatSnapshot, force: boolean) => Promise<IdentifyResult>;
  search?: (text: string) => Promise<CommandResponse<'salesforce.search'>>;
  update?: (request: CommandRequest<'record.update'>) => Promise<CommandResponse<'record.update'>>;
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
  }

  function startEdit(record: { type: Candidate['type']; id: string; values?: Record<string, FieldValue> }) {
    const original = { ...record.values };
    editing.value = { type: record.type, id: record.id, original, draft: { ...original }, problems: {}, saving: false };
    notice.value = null;
  }

  function setDraft(field: FieldMeta, value: FieldValue) {
    const edit = editing.value;
    if (!edit) return;
    const problems = { ...edit.problems };
    const found = fieldProblem(field, value);
    if (found) problems[field.name] = found;
    else delete problems[field.name];
    editing.value = { ...edit, draft: { ...edit.draft, [field.name]: value }, problems };
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
      const answer = await sources.update({ type: edit.type, id: edit.id, values: changed });
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
    status, checking, problem, chat, identities, chosen, search, manual, editing, notice,
    runSearch, pick, refresh, identify, startEdit, setDraft, saveEdit,
    cancelEdit: () => (editing.value = null),
    choose: (chatId, recordId) => (chosen.value = { ...chosen.value, [chatId]: recordId }),
    reportProblem: (error) => (problem.value = describeProblem(error)),
  };
}
