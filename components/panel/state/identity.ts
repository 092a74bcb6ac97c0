import { signal, type Signal } from '@preact/signals';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { FieldValue } from '@/utils/mapping/display';
import type { Candidate, DisplayFields, IdentifyResult } from '@/utils/messages/protocol';
import { describeProblem, type ConnectionSlice } from './connection';
import type { PanelSources } from './sources';

/** Per chat: the identification, or 'identifying' while it runs. */
export type Identities = Record<string, IdentifyResult | 'identifying'>;
/** A record picked by hand from a search, with the fields to show it by. */
export type ManualPick = { instanceUrl: string; fields: DisplayFields; record: Candidate };

/** The matches a found identification offers (contacts win over leads, leads over accounts), and the one shown: the agent's choice, else the best. */
export function matchesOf(identity: Extract<IdentifyResult, { instanceUrl: string }>, chosenId: string | undefined): { candidates: Candidate[]; picked: Candidate | undefined } {
  const candidates = identity.contacts.length ? identity.contacts : identity.leads.length ? identity.leads : identity.accounts;
  return { candidates, picked: candidates.find((c) => c.id === chosenId) ?? candidates[0] };
}

/** The record the panel shows for a chat: the agent's pick by hand, else their choice among matches, else the best. */
export function shownRecord(store: { manual: Signal<Record<string, ManualPick>>; identities: Signal<Identities>; chosen: Signal<Record<string, string>> }, chatId: string): { instanceUrl: string; record: Candidate } | null {
  const manual = store.manual.value[chatId];
  if (manual) return { instanceUrl: manual.instanceUrl, record: manual.record };
  const identity = store.identities.value[chatId];
  if (!identity || identity === 'identifying' || identity.state !== 'found') return null;
  const { picked } = matchesOf(identity, store.chosen.value[chatId]);
  return picked ? { instanceUrl: identity.instanceUrl, record: picked } : null;
}

/** A record's values with some changed: the record itself, or its account, wherever it is shown. */
function withValues(candidate: Candidate, id: string, changed: Record<string, FieldValue>): Candidate {
  if (candidate.id === id) return { ...candidate, values: { ...candidate.values, ...changed } };
  if (candidate.account?.id === id) return { ...candidate, account: { ...candidate.account, values: { ...candidate.account.values, ...changed } } };
  return candidate;
}

/**
 * Who the chat's visitor is: the chat the console shows, each chat's identification, the match
 * the agent chose and the record they picked by hand. `settled` hears when a chat's record was
 * identified or chosen (what its write would leave out is asked again then).
 */
export function identitySlice(sources: PanelSources, { problem, status, refresh }: Pick<ConnectionSlice, 'problem' | 'status' | 'refresh'>, settled: (snapshot: ChatSnapshot, again: boolean) => void) {
  /** The chat the agent has open in the console, as read from the page. */
  const chat = signal<ChatSnapshot | null>(null);
  const identities = signal<Identities>({});
  /** The record the agent picked among several matches, per chat. */
  const chosen = signal<Record<string, string>>({});
  /** A record the agent picked by hand from a search, per chat: it wins over identification. */
  const manual = signal<Record<string, ManualPick>>({});

  /** The background keeps what the panel shows for the chat as its record, when the agent chose it. */
  function rememberChoice(chatId: string, chose = true) {
    const snapshot = chat.value;
    if (!sources.remember || !snapshot || snapshot.chatId !== chatId) return;
    // A pick undone: identification decides again, unless the agent chose among its matches.
    const shown = chose || chosen.value[chatId] ? shownRecord({ manual, identities, chosen }, chatId)?.record : undefined;
    const record = shown ? { type: shown.type, id: shown.id, name: shown.name } : null;
    void sources.remember({ console: snapshot.console, chatId, record })
      .then(() => settled(snapshot, true))
      .catch((error) => (problem.value = describeProblem(error)));
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
    // Salesforce answered: a status that says it could not (down, over its limit, expired) is stale.
    const said = status.value?.state;
    if (result.state !== 'error' && (said === 'unreachable' || said === 'over_limit' || said === 'session_expired')) void refresh();
    // And the other way: the lookup failed for a reason the status does not show yet (the dot still green).
    // (Not for the extension's own budget: asking would spend what it says is spent.)
    if (result.state === 'error' && result.kind !== 'salesforce' && result.kind !== 'over_budget' && said === 'connected') void refresh();
    if (chat.value?.chatId === chatId) settled(chat.value, false);
  }

  function pick(chatId: string, choice: ManualPick | null) {
    const next = { ...manual.value };
    if (choice) next[chatId] = choice;
    else delete next[chatId];
    manual.value = next;
    rememberChoice(chatId, !!choice);
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

  return {
    chat, identities, chosen, manual, identify, pick, applySaved,
    choose: (chatId: string, recordId: string) => {
      chosen.value = { ...chosen.value, [chatId]: recordId };
      rememberChoice(chatId);
    },
  };
}
export type IdentitySlice = ReturnType<typeof identitySlice>;
