import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { lightningUrl } from '@/utils/identify/lightning';
import type { Candidate } from '@/utils/messages/protocol';
import type { OpenCase } from '@/utils/identify/related';
import type { PanelStore } from './store';

const day = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : null);

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
      <CaseList store={store} chat={chat} instanceUrl={instanceUrl} cases={related.cases} title="Open cases" none />
      {theirs.length > 0 && <CaseList store={store} chat={chat} instanceUrl={instanceUrl} cases={theirs} title={`Other open cases of ${record.account?.name || 'the account'}`} of="account" />}
      {related.activities.length > 0 && (
        <section class="related__list" aria-label="Recent activity">
          <h3 class="related__heading">Recent activity</h3>
          <ul>
            {related.activities.map((a) => (
              <li key={a.id} class="related__item" data-activity={a.id}>
                <a href={lightningUrl(instanceUrl, 'Task', a.id)} target="_blank" rel="noopener noreferrer"><bdi>{a.subject || 'Task'}</bdi></a>
                <span class="related__meta">{[a.status, day(a.date ?? a.lastModified)].filter(Boolean).join(' · ')}</span>
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
      <h3 class="related__heading"><bdi>{title}</bdi> {cases.length ? `(${cases.length})` : ''}</h3>
      {none && cases.length === 0 && <p class="related__none" data-open-cases="0">None open.</p>}
      <ul>
        {cases.map((c) => (
          <li key={c.id} class="related__item" data-open-case={c.number} data-attached={attached?.id === c.id ? '' : undefined}>
            <a href={lightningUrl(instanceUrl, 'Case', c.id)} target="_blank" rel="noopener noreferrer"><bdi>{c.number}</bdi></a>
            {' '}<bdi>{c.subject ?? ''}</bdi>
            <span class="related__meta">{[c.status, day(c.lastModified) && `changed ${day(c.lastModified)}`].filter(Boolean).join(' · ')}</span>
            {canAttach && (attached?.id === c.id
              ? <span class="related__attached">This chat goes on this case. <button type="button" class="link" data-action="detach-case" onClick={() => void store.attachCase(chat, null)}>Undo</button></span>
              : <button type="button" class="button button--quiet button--small" data-action="attach-case" onClick={() => void store.attachCase(chat, { id: c.id, number: c.number })}>Attach this chat</button>)}
          </li>
        ))}
      </ul>
    </section>
  );
}
