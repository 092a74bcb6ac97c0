import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { lightningUrl } from '@/utils/identify/lightning';
import type { Candidate } from '@/utils/messages/protocol';
import type { PanelStore } from './store';

const day = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : null);

/**
 * The customer's context under the record (read with it): open cases first, as the agent checks
 * them before opening another, each one the chat can be attached to; then the last activities.
 */
export function RelatedLists({ store, chat, record, instanceUrl }: { store: PanelStore; chat: ChatSnapshot; record: Candidate; instanceUrl: string }) {
  const related = record.related;
  if (!related) return null;
  const attached = store.attached.value[chat.chatId];
  // Attaching decides where the chat's end goes: offered while the chat is on and nothing else was chosen for it.
  const canAttach = chat.state === 'active' && !store.writes.value[chat.chatId] && !!store.status.value && store.status.value.state === 'connected';
  return (
    <div class="related" data-related={record.id}>
      <section class="related__list" aria-label="Open cases">
        <h3 class="related__heading">Open cases {related.cases.length ? `(${related.cases.length})` : ''}</h3>
        {related.cases.length === 0 && <p class="related__none" data-open-cases="0">None open.</p>}
        <ul>
          {related.cases.map((c) => (
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
