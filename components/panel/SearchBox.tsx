import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { PanelStore } from './store';

/** The agent's own search by name, e-mail or phone, to pick the right record by hand. */
export function SearchBox({ store, chat }: { store: PanelStore; chat: ChatSnapshot }) {
  const search = store.search.value;
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
        <input name="q" type="search" class="search__input" placeholder="Search Salesforce: name, e-mail or phone" aria-label="Search Salesforce" maxLength={200} />
        <button type="submit" class="button" disabled={search.state === 'searching'}>Search</button>
      </form>
      {search.state === 'searching' && <p class="search__note">Searching…</p>}
      {search.state === 'error' && <p class="search__note status--error" role="alert">{search.message}</p>}
      {search.state === 'results' && (
        <div class="search__results" data-search="results">
          {search.records.length === 0 ? (
            <p class="search__note">Nothing in Salesforce matches “{search.text}”.</p>
          ) : (
            <ul>
              {search.records.map((r) => (
                <li key={r.id}>
                  <button type="button" class="choice" data-record-id={r.id} onClick={() => store.pick(chat.chatId, { instanceUrl: search.instanceUrl, fields: search.fields, record: r })}>
                    <span><span class="badge badge--type">{r.type}</span> <bdi>{r.name}</bdi></span>
                    <span class="choice__meta">{[r.email, r.phone, r.account?.name].filter(Boolean).join(' · ')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
