import { signal } from '@preact/signals';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { TransferOutcome, TransferTarget } from '@/utils/messages/console-protocol';
import type { Candidate, CommandResponse } from '@/utils/messages/protocol';
import { describeProblem } from './connection';
import type { PanelSources } from './sources';

export type Route = CommandResponse<'routing.suggest'>;
/** A transfer of a chat: asked (the agent confirms), under way, or how it went (`problem`: the background could not be asked). */
export type Transfer = { to: TransferTarget; state: 'confirm' } | { to: TransferTarget; state: 'transferring' } | { to: TransferTarget; state: 'outcome'; outcome: TransferOutcome } | { to: TransferTarget; state: 'failed'; problem: string };

/** Whether the chat went to someone else through the console's dialog (its end here is theirs to write). */
export const transferredAway = (transfer: Transfer | undefined) => transfer?.state === 'outcome' && transfer.outcome === 'done';

/** What a record's routing depends on: the record and its values, its account's too (a value edited in place may change the suggestion). */
export const routeKey = (chatId: string, record: Candidate) => [chatId, record.id, JSON.stringify(record.values ?? {}), JSON.stringify(record.account?.values ?? {})].join('|');

/**
 * Routing by Salesforce fields: per shown record, its owner and the suggested transfer (asked once
 * per record and owner); per chat, the transfer the agent asked for, confirmed, and how it went.
 */
export function routingSlice(sources: PanelSources) {
  const routes = signal<Record<string, Route | 'asking'>>({});
  const transfers = signal<Record<string, Transfer>>({});

  /** Asks for the record's routing once; `again`: asked anew (the console tab shown again: presence may have changed), the answer shown meanwhile. */
  async function route(chat: ChatSnapshot, record: Candidate, again = false) {
    const key = routeKey(chat.chatId, record);
    const known = routes.value[key];
    if (!sources.suggest || known === 'asking' || (known && !again)) return;
    if (!known) routes.value = { ...routes.value, [key]: 'asking' };
    // Without an answer the panel shows no routing line: the record and its fields are there all the same.
    const answer = await sources.suggest({ console: chat.console, chatId: chat.chatId, record }).catch(() => null);
    const next = { ...routes.value };
    if (answer) next[key] = answer;
    else if (!known) delete next[key];
    routes.value = next;
    // Transferred before this panel loaded: it says so, and promises no write at the chat's end.
    if (answer?.transferred && !transfers.value[chat.chatId]) setTransfer(chat.chatId, { to: { kind: answer.transferred.kind, name: answer.transferred.to }, state: 'outcome', outcome: 'done' });
  }

  const setTransfer = (chatId: string, transfer: Transfer | null) => {
    const next = { ...transfers.value };
    if (transfer) next[chatId] = transfer;
    else delete next[chatId];
    transfers.value = next;
  };

  /** The console does the transfer, after the agent's confirmation: one click, then how it went. */
  async function transfer(chat: ChatSnapshot) {
    const asked = transfers.value[chat.chatId];
    if (!sources.transfer || asked?.state !== 'confirm') return;
    setTransfer(chat.chatId, { to: asked.to, state: 'transferring' });
    try {
      const { outcome } = await sources.transfer({ console: chat.console, chatId: chat.chatId, to: asked.to });
      setTransfer(chat.chatId, { to: asked.to, state: 'outcome', outcome });
    } catch (error) {
      setTransfer(chat.chatId, { to: asked.to, state: 'failed', problem: describeProblem(error) });
    }
  }

  return {
    routes, transfers, route, transfer,
    askTransfer: (chatId: string, to: TransferTarget) => setTransfer(chatId, { to, state: 'confirm' }),
    dropTransfer: (chatId: string) => setTransfer(chatId, null),
  };
}
export type RoutingSlice = ReturnType<typeof routingSlice>;
