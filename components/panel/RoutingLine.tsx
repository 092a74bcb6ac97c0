import { i18n } from '#i18n';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { TransferOutcome, TransferTarget } from '@/utils/messages/console-protocol';
import type { Candidate, DisplayFields, RoutePerson } from '@/utils/messages/protocol';
import { routeKey, transferredAway, type PanelStore, type Transfer } from './store';
import { useAskedWhenShown } from './tab-shown';

/** How a transfer went, in words. */
const OUTCOME_WORDS: Record<TransferOutcome, (name: string) => string> = {
  done: (name) => i18n.t('panel.routing.outcome.done', { name }),
  unconfirmed: (name) => i18n.t('panel.routing.outcome.unconfirmed', { name }),
  'not-open': () => i18n.t('panel.routing.outcome.notOpen'),
  'no-control': () => i18n.t('panel.routing.outcome.noControl'),
  'not-listed': (name) => i18n.t('panel.routing.outcome.notListed', { name }),
  ambiguous: (name) => i18n.t('panel.routing.outcome.ambiguous', { name }),
};

/** A person's Omni-Channel presence, in words; nothing in an org without Omni-Channel. */
function omniWords(person: RoutePerson): string | null {
  const omni = person.omni;
  if (!omni) return null;
  if (omni.state === 'offline') return i18n.t('panel.routing.omniOffline');
  return omni.away ? i18n.t('panel.routing.omniAway', { status: omni.label }) : i18n.t('panel.routing.omniOnline', { status: omni.label });
}

function PersonLine({ person }: { person: RoutePerson }) {
  const omni = omniWords(person);
  return (
    <p class="routing__person" data-owner-id={person.userId} data-owner-of={person.object}>
      <bdi>{i18n.t(`panel.routing.owner.${person.object}`, { name: person.name })}</bdi>
      {omni && <span class="routing__omni" data-omni={person.omni?.state === 'online' ? (person.omni.away ? 'away' : 'online') : 'offline'}>{omni}</span>}
    </p>
  );
}

/** What the agent sees of a transfer they asked for: the confirmation, the wait, or how it went. */
function TransferState({ store, chat, transfer }: { store: PanelStore; chat: ChatSnapshot; transfer: Transfer }) {
  const name = transfer.to.name;
  if (transfer.state === 'confirm') {
    return (
      <div class="routing__confirm" role="group" aria-label={i18n.t('panel.routing.confirm', { name })}>
        <p>{i18n.t('panel.routing.confirm', { name })}</p>
        <button type="button" class="button button--small" data-action="transfer-confirm" onClick={() => void store.transfer(chat)}>{i18n.t('panel.routing.confirmYes')}</button>
        <button type="button" class="button button--quiet button--small" data-action="transfer-cancel" onClick={() => store.dropTransfer(chat.chatId)}>{i18n.t('common.cancel')}</button>
      </div>
    );
  }
  if (transfer.state === 'transferring') return <p class="routing__outcome" role="status" data-outcome="transferring">{i18n.t('panel.routing.transferring')}</p>;
  const words = transfer.state === 'failed' ? i18n.t('panel.routing.outcome.failed', { problem: transfer.problem }) : OUTCOME_WORDS[transfer.outcome](name);
  const good = transfer.state === 'outcome' && transfer.outcome === 'done';
  return <p class={`routing__outcome${good ? '' : ' note'}`} role={good ? 'status' : 'alert'} data-outcome={transfer.state === 'outcome' ? transfer.outcome : 'failed'}>{words}</p>;
}

/**
 * Routing by Salesforce fields: the record's owner with their Omni-Channel presence, the admin's
 * suggestion and why, and "Transfer to …", which drives the console's own dialog once the agent
 * confirms. Asked once per record and owner; nothing shows until the answer is there.
 */
export function RoutingLine({ store, chat, record, fields }: { store: PanelStore; chat: ChatSnapshot; record: Candidate; fields: DisplayFields }) {
  const key = routeKey(chat.chatId, record);
  // Shown again, the owners' presence may have changed (the background keeps answers a minute).
  useAskedWhenShown((again) => void store.route(chat, record, again), [key]);
  const route = store.routes.value[key];
  if (!route || route === 'asking') return null;
  const { owner, suggestion, transfer } = route;
  const suggestedOwner = suggestion?.to === 'owner' ? suggestion.owner : null;
  // The owners worth a line: the record's (unless it is the agent, and nothing is suggested), and a suggested other one.
  const people = [owner && (!owner.me || suggestedOwner?.userId === owner.userId) ? owner : null, suggestedOwner && suggestedOwner.userId !== owner?.userId ? suggestedOwner : null].filter((p): p is RoutePerson => !!p);
  const target: TransferTarget | null = suggestion?.to === 'department'
    ? transfer.department ? { kind: 'department', name: suggestion.department } : null
    : ((p) => (p && !p.me && transfer.agent ? { kind: 'agent' as const, name: p.name } : null))(suggestedOwner ?? owner);
  const asked = store.transfers.value[chat.chatId];
  if (!people.length && !suggestion && !asked) return null;
  const because = suggestion?.because;
  const label = because && (fields[because.object]?.find((f) => f.name === because.field)?.label ?? because.field);
  return (
    <section class="routing" aria-label={i18n.t('panel.routing.label')} data-routing={suggestion?.to ?? 'owner'}>
      {suggestion && because && (
        <p class="routing__suggested">
          <strong><bdi>{i18n.t('panel.routing.suggested', { name: suggestion.to === 'owner' ? suggestion.owner.name : suggestion.department })}</bdi></strong>
          <span class="routing__because">{i18n.t('panel.routing.because', { field: label!, value: because.value })}</span>
        </p>
      )}
      {people.map((person) => <PersonLine person={person} />)}
      {asked && <TransferState store={store} chat={chat} transfer={asked} />}
      {/* After an outcome the agent may try again (someone came online, the console's dialog was closed). */}
      {(!asked || asked.state === 'failed' || (asked.state === 'outcome' && !transferredAway(asked))) && target && chat.state === 'active' && (
        <button type="button" class={`button button--small${suggestion ? '' : ' button--quiet'}`} data-action="transfer" data-target={target.name} onClick={() => store.askTransfer(chat.chatId, target)}>
          <bdi>{i18n.t('panel.routing.transfer', { name: target.name })}</bdi>
        </button>
      )}
    </section>
  );
}
