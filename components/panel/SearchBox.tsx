import { i18n } from '#i18n';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { objectName } from '@/components/text/objects';
import { shownRecord, type PanelStore } from './store';

/** The agent's own search by name, e-mail or phone, to pick the right record by hand. */
export function SearchBox({ store, chat }: { store: PanelStore; chat: ChatSnapshot }) {
  const search = store.search.value;
  // A contact found by hand can be on the chat beside its person (its task names both).
  const shown = shownRecord(store, chat.chatId)?.record;
  const others = store.others.value[chat.chatId] ?? [];
  return (
    <div class="search">
      <form
        class="search__form"
        onSubmit={(event) => {
          event.preventDefault();
          const input = (event.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
          void store.runSearch(input.value);
        }}
      >
        <input name="q" type="search" class="search__input" placeholder={i18n.t('panel.search.placeholder')} aria-label={i18n.t('panel.search.label')} maxLength={200} />
        <button type="submit" class="button button--quiet" disabled={search.state === 'searching'}>{i18n.t('panel.search.submit')}</button>
      </form>
      {search.state === 'searching' && <p class="search__note" role="status">{i18n.t('common.searching')}</p>}
      {search.state === 'error' && <p class="search__note status--error" role="alert">{search.message}</p>}
      {search.state === 'results' && (
        <div class="search__results" data-search="results">
          {search.records.length === 0 ? (
            <p class="search__note" role="status">{i18n.t('panel.search.nothing', { text: search.text })}</p>
          ) : (
            <ul>
              {search.records.map((r) => {
                const also = others.some((p) => p.id === r.id);
                return (
                  <li key={r.id}>
                    <button type="button" class="choice" data-record-id={r.id} onClick={() => store.pick(chat.chatId, { instanceUrl: search.instanceUrl, fields: search.fields, record: r })}>
                      <span><span class="badge badge--type">{objectName(r.type)}</span> <bdi>{r.name}</bdi></span>
                      <span class="choice__meta">{[r.email, r.phone, r.account?.name].filter(Boolean).join(i18n.t('common.separator'))}</span>
                    </button>
                    {r.type === 'Contact' && shown?.type === 'Contact' && shown.id !== r.id && chat.state === 'active' && (
                      <button type="button" class="link" data-action={also ? 'remove-person' : 'add-person'} data-person={r.id} aria-pressed={also} onClick={() => void store.toggleOther(chat, { id: r.id, name: r.name || r.id })}>
                        {also ? i18n.t('panel.identity.takeOff') : i18n.t('panel.identity.alsoOnChat')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
