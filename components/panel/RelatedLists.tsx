import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { lightningUrl } from '@/utils/identify/lightning';
import type { Candidate } from '@/utils/messages/protocol';
import type { OpenCase } from '@/utils/identify/related';
import { i18n } from '#i18n';
import { countOf, dayOf } from '@/utils/i18n/locale';
import type { PanelStore } from './store';

const day = (iso?: string) => (iso ? dayOf(iso) : null);

/**
 * The customer's context under the record (read with it): open cases first, as the agent checks
 * them before opening another (a contact's own, then its account's other ones), each one the chat
 * can be attached to; then the last activities.
 */
export function RelatedLists({ store, chat, record, instanceUrl }: { store: PanelStore; chat: ChatSnapshot; record: Candidate; instanceUrl: string }) {
  const related = record.related;
  if (!related) return null;
  const theirs = related.accountCases ?? [];
  return (
    <div class="related" data-related={record.id}>
      <CaseList store={store} chat={chat} instanceUrl={instanceUrl} cases={related.cases} title={i18n.t('panel.related.openCases')} none />
      {theirs.length > 0 && <CaseList store={store} chat={chat} instanceUrl={instanceUrl} cases={theirs} title={i18n.t('panel.related.accountCases', { account: record.account?.name || i18n.t('panel.related.theAccount') })} of="account" />}
      {related.activities.length > 0 && (
        <section class="related__list" aria-label={i18n.t('panel.related.activity')}>
          <h2 class="related__heading">{i18n.t('panel.related.activity')}</h2>
          <ul>
            {related.activities.map((a) => (
              <li key={a.id} class="related__item" data-activity={a.id}>
                <a href={lightningUrl(instanceUrl, 'Task', a.id)} target="_blank" rel="noopener noreferrer"><bdi>{a.subject || i18n.t('panel.related.task')}</bdi></a>
                <span class="related__meta">{[a.status, day(a.date ?? a.lastModified)].filter(Boolean).join(i18n.t('common.separator'))}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One list of open cases, each with "Attach this chat" while the chat is on and nothing else was chosen for it. */
function CaseList({ store, chat, instanceUrl, cases, title, none, of }: { store: PanelStore; chat: ChatSnapshot; instanceUrl: string; cases: OpenCase[]; title: string; none?: boolean; of?: 'account' }) {
  const attached = store.attached.value[chat.chatId];
  const canAttach = chat.state === 'active' && !store.writes.value[chat.chatId] && !!store.status.value && store.status.value.state === 'connected';
  return (
    <section class="related__list" aria-label={title} data-cases-of={of}>
      <h2 class="related__heading"><bdi>{title}</bdi> {cases.length ? `(${countOf(cases.length)})` : null}</h2>
      {none && cases.length === 0 && <p class="related__none" data-open-cases="0">{i18n.t('panel.related.none')}</p>}
      <ul>
        {cases.map((c) => (
          <li key={c.id} class="related__item" data-open-case={c.number} data-attached={attached?.id === c.id ? '' : undefined}>
            <a href={lightningUrl(instanceUrl, 'Case', c.id)} target="_blank" rel="noopener noreferrer"><bdi>{c.number}</bdi></a>
            {' '}<bdi>{c.subject ?? ''}</bdi>
            <span class="related__meta">{[c.status, c.lastModified && i18n.t('panel.related.changed', { day: day(c.lastModified)! })].filter(Boolean).join(i18n.t('common.separator'))}</span>
            {canAttach && (attached?.id === c.id
              ? <span class="related__attached">{i18n.t('panel.related.goesHere')} <button type="button" class="link" data-action="detach-case" onClick={() => void store.attachCase(chat, null)}>{i18n.t('panel.related.undo')}</button></span>
              : <button type="button" class="button button--quiet button--small" data-action="attach-case" onClick={() => void store.attachCase(chat, { id: c.id, number: c.number })}>{i18n.t('panel.related.attach')}</button>)}
          </li>
        ))}
      </ul>
    </section>
  );
}
