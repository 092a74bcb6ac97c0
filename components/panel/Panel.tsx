import { i18n } from '#i18n';
import type { PanelStore } from './store';
import { SalesforceMark } from './SalesforceMark';
import { VisitorLine } from './VisitorLine';
import { Banner } from './Banner';
import { OmniStatus } from './OmniStatus';
import { IdentityCard } from './IdentityCard';
import { SearchBox } from './SearchBox';
import { ChatActions, NotWritten, WrapUp } from './ChatActions';
import { ShortcutsHelp, onPanelKeys } from './keyboard';
import { statusWords } from '@/components/text/status';
import { countOf } from '@/utils/i18n/locale';

/**
 * The panel, compact: one header line (whose chat, a status dot), a banner only when something
 * needs the agent, then what they can do for the chat. In a form, Esc cancels and Ctrl+Enter saves.
 */
export function Panel({ store }: { store: PanelStore }) {
  const chat = store.chat.value;
  const connected = store.status.value?.state === 'connected';
  return (
    <main class="panel" aria-label={i18n.t('common.salesforce')} aria-busy={store.checking.value} onKeyDown={(e) => onPanelKeys(e, store)}>
      <h1 class="visually-hidden">{i18n.t('common.salesforce')}</h1>
      <header class="panel__header">
        <SalesforceMark />
        <VisitorLine chat={chat} />
        <StatusDot store={store} />
      </header>
      <OmniStatus store={store} />
      <Banner store={store} />
      {chat && <WrapUp store={store} chat={chat} />}
      {chat && <IdentityCard store={store} chat={chat} actions={<ChatActions store={store} chat={chat} />} />}
      {chat && connected && <SearchBox store={store} chat={chat} />}
      {chat && connected && <NotWritten store={store} chat={chat} />}
      <ShortcutsHelp />
    </main>
  );
}

/** Whether Salesforce is there, at a glance; the words are the dot's label and tooltip; a click checks again. */
function StatusDot({ store }: { store: PanelStore }) {
  const status = store.status.value;
  const words = !status
    ? i18n.t('panel.status.checking')
    : status.state === 'connected'
      ? [i18n.t('panel.status.connected', { host: new URL(status.instanceUrl).host }), i18n.t('panel.status.api', { version: status.apiVersion }),
        ...(status.usage ? [i18n.t('panel.status.usage', { used: countOf(status.usage.used), max: countOf(status.usage.max) })] : [])].join(i18n.t('common.separator'))
      : statusWords(status);
  // One sentence then the action: the state's own full stop is the template's.
  const label = i18n.t('panel.status.checkAgain', { status: words.replace(/[.。]$/, '') });
  return (
    <button type="button" class="status status-dot" data-state={store.checking.value ? 'checking' : status?.state ?? 'checking'} aria-label={label} title={label} aria-disabled={store.checking.value} onClick={() => void (store.checking.value || store.refresh())}>
      <span class="status-dot__dot" />
    </button>
  );
}
