import type { ComponentChildren } from 'preact';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { lightningUrl } from '@/utils/identify/lightning';
import type { Candidate, DisplayFields } from '@/utils/messages/protocol';
import { RecordFields } from './RecordFields';
import { matchesOf, type PanelStore } from './store';
import { equalBest } from '@/utils/plan/undecided';
import { SalesforceMark } from './SalesforceMark';
import { RelatedLists } from './RelatedLists';

/** Who this visitor is in Salesforce: the match (with a link), the others to switch to, or why not. */
export function IdentityCard({ store, chat }: { store: PanelStore; chat: ChatSnapshot }) {
  const identity = store.identities.value[chat.chatId];
  const retry = () => void store.identify(chat, true);
  const manual = store.manual.value[chat.chatId];
  if (manual) {
    // A record created from this chat shows with its fields once identification finds it too.
    const known = identity && identity !== 'identifying' && identity.state === 'found' ? [...identity.contacts, ...identity.leads].find((c) => c.id === manual.record.id) : undefined;
    const record = known ?? manual.record;
    const fields = known && identity && identity !== 'identifying' && identity.state === 'found' ? identity.fields : manual.fields;
    return (
      <div class="identity" data-identity="found" data-record-id={record.id} data-record-type={record.type} data-by-hand="">
        <RecordLine store={store} chat={chat} instanceUrl={manual.instanceUrl} record={record} fields={fields}>
          <p class="note">{manual.record.matched.includes('created') ? 'Created from this chat.' : 'Chosen by hand.'} <button type="button" class="link" onClick={() => store.pick(chat.chatId, null)}>Use the automatic match</button></p>
        </RecordLine>
      </div>
    );
  }
  if (!identity) return null;
  if (identity === 'identifying') return <p class="identity" data-identity="identifying">Looking for this visitor in Salesforce…</p>;
  if (identity.state === 'error') {
    return (
      <div class="identity identity--error" data-identity="error" data-kind={identity.kind} role="alert">
        <p>{identity.message}</p>
        <button type="button" class="button button--quiet" onClick={retry}>Try again</button>
        {(identity.kind === 'session_expired' || identity.kind === 'not_connected') && store.openOptions && (
          <button type="button" class="button button--quiet" data-action="open-options" onClick={store.openOptions}>{identity.kind === 'not_connected' ? 'Connect' : 'Reconnect'}</button>
        )}
      </div>
    );
  }
  if (identity.state === 'not_found') {
    return (
      <div class="identity" data-identity="not_found">
        <p>No contact, lead or account in Salesforce matches this visitor.</p>
        <button type="button" class="button button--quiet" onClick={retry}>Search again</button>
      </div>
    );
  }
  const { candidates, picked: best } = matchesOf(identity, store.chosen.value[chat.chatId]);
  const picked = best!;
  return (
    <div class="identity" data-identity="found" data-record-id={picked.id} data-record-type={picked.type}>
      <RecordLine store={store} chat={chat} instanceUrl={identity.instanceUrl} record={picked} fields={identity.fields}>
        {picked.viaConvertedLead && <p class="note">Found through a converted lead.</p>}
        {candidates.length > 1 && (
          <div class="identity__others">
            <p class="identity__count">
              {equalBest(candidates).length > 1
                ? `${candidates.length} matches; ${equalBest(candidates).length} of them equally well: choose the one this chat is about.`
                : `${candidates.length} matches, best first:`}
            </p>
            <ul>
              {candidates.map((c) => {
                const also = (store.others.value[chat.chatId] ?? []).some((p) => p.id === c.id);
                // Another contact can be on the chat too (the installer and the homeowner): its task names both.
                const canAdd = c.type === 'Contact' && picked.type === 'Contact' && c.id !== picked.id && chat.state === 'active';
                return (
                  <li key={c.id} class="identity__match">
                    <button type="button" class="choice" aria-pressed={c.id === picked.id} data-record-id={c.id} onClick={() => store.choose(chat.chatId, c.id)}>
                      <bdi>{c.name || c.id}</bdi>
                      <span class="choice__meta">{[c.email, c.phone, c.account?.name].filter(Boolean).join(' · ')}</span>
                    </button>
                    {canAdd && (
                      <button type="button" class="link" data-action={also ? 'remove-person' : 'add-person'} data-person={c.id} aria-pressed={also} onClick={() => void store.toggleOther(chat, { id: c.id, name: c.name || c.id })}>
                        {also ? 'On this chat too: take off' : 'Also on this chat'}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <p class="identity__again">
          <button type="button" class="link" data-action="identify-again" onClick={retry}>Look again in Salesforce</button>
        </p>
      </RecordLine>
    </div>
  );
}

/**
 * The record with the Salesforce mark, its type and a link to its page; then what the caller
 * adds (notes, the other matches), its shown fields, its account's, and its open cases and activities.
 */
function RecordLine({ store, chat, instanceUrl, record, fields, children }: { store: PanelStore; chat: ChatSnapshot; instanceUrl: string; record: Candidate; fields: DisplayFields; children?: ComponentChildren }) {
  const account = record.account;
  return (
    <>
      <div class="identity__record">
        <SalesforceMark />
        <span class="badge badge--type">{record.type}</span>
        <a class="identity__name" href={lightningUrl(instanceUrl, record.type, record.id)} target="_blank" rel="noopener noreferrer" title="Open in Salesforce">
          <bdi>{record.name || record.id}</bdi>
        </a>
      </div>
      {children}
      <RecordFields store={store} record={record} fields={fields[record.type]} title={`${record.type} details`} />
      {account && (
        <div class="identity__account">
          <p>
            Account:{' '}
            <a href={lightningUrl(instanceUrl, 'Account', account.id)} target="_blank" rel="noopener noreferrer" title="Open in Salesforce">
              <bdi>{account.name ?? account.id}</bdi>
            </a>
          </p>
          <RecordFields store={store} record={{ type: 'Account', ...account }} fields={fields.Account} title="Account details" />
        </div>
      )}
      <RelatedLists store={store} chat={chat} record={record} instanceUrl={instanceUrl} />
    </>
  );
}
