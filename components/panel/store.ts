import { signal, type Signal } from '@preact/signals';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { Candidate, CommandResponse, IdentifyResult, SalesforceStatus } from '@/utils/messages/protocol';
import { CommandError } from '@/utils/messages/protocol';

export type StatusSource = () => Promise<SalesforceStatus>;
export type IdentifySource = (snapshot: ChatSnapshot, force: boolean) => Promise<IdentifyResult>;
export type SearchSource = (text: string) => Promise<CommandResponse<'salesforce.search'>>;
export type SearchState =
  | { state: 'idle' }
  | { state: 'searching'; text: string }
  | { state: 'results'; text: string; instanceUrl: string; records: Candidate[] }
  | { state: 'error'; text: string; message: string };
/** Per chat: the identification, or 'identifying' while it runs. */
export type Identities = Record<string, IdentifyResult | 'identifying'>;

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
  manual: Signal<Record<string, { instanceUrl: string; record: Candidate }>>;
  runSearch: (text: string) => Promise<void>;
  pick: (chatId: string, instanceUrl: string, record: Candidate | null) => void;
  refresh: () => Promise<void>;
  identify: (snapshot: ChatSnapshot, force?: boolean) => Promise<void>;
  choose: (chatId: string, recordId: string) => void;
  reportProblem: (error: unknown) => void;
};

function describeProblem(error: unknown): string {
  return error instanceof CommandError && error.code === 'extension_unreachable'
    ? 'The extension was updated or restarted. Reload this page to reconnect the panel.'
    : `The panel could not reach the extension: ${error instanceof Error ? error.message : String(error)}`;
}

/** The panel's state as signals; the component only renders it. Testable without a DOM. */
export function createPanelStore(readStatus: StatusSource, runIdentify?: IdentifySource, searchSalesforce?: SearchSource): PanelStore {
  const status = signal<SalesforceStatus | null>(null);
  const checking = signal(false);
  const problem = signal<string | null>(null);
  const chat = signal<ChatSnapshot | null>(null);
  const identities = signal<Identities>({});
  const chosen = signal<Record<string, string>>({});
  const search = signal<SearchState>({ state: 'idle' });
  const manual = signal<Record<string, { instanceUrl: string; record: Candidate }>>({});

  async function runSearch(text: string) {
    if (!searchSalesforce) return;
    search.value = { state: 'searching', text };
    try {
      const answer = await searchSalesforce(text);
      search.value = answer.state === 'results' ? { state: 'results', text, instanceUrl: answer.instanceUrl, records: answer.records } : { state: 'error', text, message: answer.message };
    } catch (error) {
      search.value = { state: 'error', text, message: describeProblem(error) };
    }
  }

  function pick(chatId: string, instanceUrl: string, record: Candidate | null) {
    const next = { ...manual.value };
    if (record) next[chatId] = { instanceUrl, record };
    else delete next[chatId];
    manual.value = next;
    search.value = { state: 'idle' };
  }

  async function refresh() {
    checking.value = true;
    try {
      status.value = await readStatus();
      problem.value = null;
    } catch (error) {
      problem.value = describeProblem(error);
    } finally {
      checking.value = false;
    }
  }

  async function identify(snapshot: ChatSnapshot, force = false) {
    if (!runIdentify) return;
    const { chatId } = snapshot;
    identities.value = { ...identities.value, [chatId]: 'identifying' };
    let result: IdentifyResult;
    try {
      result = await runIdentify(snapshot, force);
    } catch (error) {
      result = { state: 'error', kind: 'unreachable', message: describeProblem(error) };
    }
    identities.value = { ...identities.value, [chatId]: result };
  }

  return {
    status, checking, problem, chat, identities, chosen, search, manual, runSearch, pick, refresh, identify,
    choose: (chatId, recordId) => (chosen.value = { ...chosen.value, [chatId]: recordId }),
    reportProblem: (error) => (problem.value = describeProblem(error)),
  };
}
