import type { PanelStore } from './store';
import { StatusLine } from './StatusLine';
import { SalesforceMark } from './SalesforceMark';
import { VisitorCard } from './VisitorCard';
import { IdentityCard } from './IdentityCard';
import { SearchBox } from './SearchBox';
import { ChatActions, NotWritten, WrapUp } from './ChatActions';
import { healthWords } from '@/utils/adapters/health';

export function Panel({ store }: { store: PanelStore }) {
  const status = store.status.value;
  // One message per problem: when the open chat's lookup already says it (with its button), the status line does not repeat it.
  const identity = store.chat.value ? store.identities.value[store.chat.value.chatId] : undefined;
  const saidAbove = !!status && typeof identity === 'object' && identity.state === 'error' && identity.kind === status.state;
  return (
    <section class="panel" aria-label="Salesforce" aria-busy={store.checking.value}>
      <header class="panel__header">
        <SalesforceMark />
        <h2 class="panel__title">Salesforce</h2>
        <button
          class="button button--quiet"
          type="button"
          disabled={store.checking.value}
          onClick={() => void store.refresh()}
        >
          {store.checking.value ? 'Checking…' : 'Check connection'}
        </button>
      </header>
      {store.problem.value && <p class="status status--error" role="alert">{store.problem.value}</p>}
      <HealthNote store={store} />
      <VisitorCard chat={store.chat.value} />
      {store.chat.value && <WrapUp store={store} chat={store.chat.value} />}
      {store.chat.value && <IdentityCard store={store} chat={store.chat.value} />}
      {store.chat.value && <ChatActions store={store} chat={store.chat.value} />}
      {store.chat.value && store.status.value?.state === 'connected' && <SearchBox store={store} chat={store.chat.value} />}
      {store.chat.value && store.status.value?.state === 'connected' && <NotWritten store={store} chat={store.chat.value} />}
      {status ? !saidAbove && <StatusLine status={status} /> : <p class="status" data-state="checking">Checking Salesforce…</p>}
    </section>
  );
}

/** Said when the console's page no longer matches what its adapter expects: the agent knows what will not happen. */
function HealthNote({ store }: { store: PanelStore }) {
  const words = healthWords(store.health.value ?? undefined);
  if (!words) return null;
  return (
    <div class="status status--warn" role="alert" data-console-health={store.health.value!.state}>
      <p><strong>{words.title}</strong></p>
      <p class="health__detail">{words.detail}</p>
    </div>
  );
}
