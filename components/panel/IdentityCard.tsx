import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import { rich, slots } from '@/components/text/rich';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { lightningUrl } from '@/utils/identify/lightning';
import type { Candidate, DisplayFields } from '@/utils/messages/protocol';
import { RecordFields } from './RecordFields';
import { matchesOf, type PanelStore } from './store';
import { equalBest } from '@/utils/plan/undecided';
import { SalesforceMark } from './SalesforceMark';
import { RelatedLists } from './RelatedLists';
import { RoutingLine } from './RoutingLine';
import { objectName } from '@/components/text/objects';

/**
 * Who this visitor is in Salesforce: the match (with a link), the others to switch to, or why not;
 * `actions` (what the agent can write) come right under the record's name, before its details.
 */
export function IdentityCard({ store, chat, actions }: { store: PanelStore; chat: ChatSnapshot; actions: ComponentChildren }) {
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
        <RecordLine store={store} chat={chat} instanceUrl={manual.instanceUrl} record={record} fields={fields} actions={actions}>
          <p class="note">{manual.record.matched.includes('created') ? i18n.t('panel.identity.createdHere') : i18n.t('panel.identity.chosenByHand')} <button type="button" class="link" onClick={() => store.pick(chat.chatId, null)}>{i18n.t('panel.identity.useAutomatic')}</button></p>
        </RecordLine>
      </div>
    );
  }
  if (!identity) return <>{actions}</>;
  if (identity === 'identifying') return <><p class="identity" data-identity="identifying">{i18n.t('panel.identity.looking')}</p>{actions}</>;
  if (identity.state === 'error') {
    // The banner above says it, with its fix, when the connection is the problem: one message per problem.
    const status = store.status.value?.state;
    if (status && status !== 'connected' && (identity.kind === status || status === 'not_connected' || status === 'session_expired')) {
      return <><div class="identity" data-identity="error" data-kind={identity.kind} hidden />{actions}</>;
    }
    const words = i18n.t(`panel.identity.error.${identity.kind}`);
    return (
      <>
      <div class="identity identity--error banner banner--error" data-identity="error" data-kind={identity.kind} role="alert">
        <p class="banner__text">{words}{identity.kind === 'salesforce' ? <> <bdi class="banner__detail">{identity.message}</bdi></> : null}</p>
        <button type="button" class="button" onClick={retry}>{i18n.t('common.tryAgain')}</button>
      </div>
      {actions}
      </>
    );
  }
  if (identity.state === 'not_found') {
    return (
      <div class="identity" data-identity="not_found">
        <p>{i18n.t('panel.identity.notFound')}</p>
        <button type="button" class="link" onClick={retry}>{i18n.t('panel.identity.searchAgain')}</button>
        {actions}
      </div>
    );
  }
  const { candidates, picked: best } = matchesOf(identity, store.chosen.value[chat.chatId]);
  const picked = best!;
  return (
    <div class="identity" data-identity="found" data-record-id={picked.id} data-record-type={picked.type}>
      <RecordLine store={store} chat={chat} instanceUrl={identity.instanceUrl} record={picked} fields={identity.fields} actions={actions}>
        {picked.viaConvertedLead && <p class="note">{i18n.t('panel.identity.viaConvertedLead')}</p>}
        {candidates.length > 1 && (
          <div class="identity__others">
            <p class="identity__count">
              {equalBest(candidates).length > 1
                ? i18n.t('panel.identity.tied', { count: candidates.length, tied: equalBest(candidates).length })
                : i18n.t('panel.identity.matches', { count: candidates.length })}
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
                      <span class="choice__meta">{[c.email, c.phone, c.account?.name].filter(Boolean).join(i18n.t('common.separator'))}</span>
                    </button>
                    {canAdd && (
                      <button type="button" class="link" data-action={also ? 'remove-person' : 'add-person'} data-person={c.id} aria-pressed={also} onClick={() => void store.toggleOther(chat, { id: c.id, name: c.name || c.id })}>
                        {also ? i18n.t('panel.identity.takeOff') : i18n.t('panel.identity.alsoOnChat')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <p class="identity__again">
          <button type="button" class="link" data-action="identify-again" onClick={retry}>{i18n.t('panel.identity.lookAgain')}</button>
        </p>
      </RecordLine>
    </div>
  );
}

/**
 * The record with the Salesforce mark, its type and a link to its page; then what the caller
 * adds (notes, the other matches), its shown fields, its account's, and its open cases and activities.
 */
function RecordLine({ store, chat, instanceUrl, record, fields, actions, children }: { store: PanelStore; chat: ChatSnapshot; instanceUrl: string; record: Candidate; fields: DisplayFields; actions: ComponentChildren; children?: ComponentChildren }) {
  const account = record.account;
  return (
    <>
      <div class="identity__record">
        <SalesforceMark />
        <span class="badge badge--type">{objectName(record.type)}</span>
        <a class="identity__name" href={lightningUrl(instanceUrl, record.type, record.id)} target="_blank" rel="noopener noreferrer" title={i18n.t('common.openInSalesforce')}>
          <bdi>{record.name || record.id}</bdi>
        </a>
      </div>
      {children}
      {actions}
      <RoutingLine store={store} chat={chat} record={record} fields={fields} />
      <RecordFields store={store} record={record} fields={fields[record.type]} title={i18n.t('panel.identity.details', { object: objectName(record.type) })} />
      {account && (
        <div class="identity__account">
          <p>
            {rich(i18n.t('panel.identity.account', slots('name')), {
              name: <a href={lightningUrl(instanceUrl, 'Account', account.id)} target="_blank" rel="noopener noreferrer" title={i18n.t('common.openInSalesforce')}><bdi>{account.name ?? account.id}</bdi></a>,
            })}
          </p>
          <RecordFields store={store} record={{ type: 'Account', ...account }} fields={fields.Account} title={i18n.t('panel.identity.details', { object: objectName('Account') })} />
        </div>
      )}
      <RelatedLists store={store} chat={chat} record={record} instanceUrl={instanceUrl} />
    </>
  );
}
