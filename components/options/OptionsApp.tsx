import { SalesforceMark } from '../panel/SalesforceMark';
import { AuditSection } from './AuditSection';
import { AutomationSection } from './AutomationSection';
import { ConnectionSection } from './ConnectionSection';
import { ConsolesSection } from './ConsolesSection';
import { ChatFieldList } from './FieldInputs';
import { IdentificationSection } from './IdentificationSection';
import { ImportExport } from './ImportExport';
import { MappingSection } from './MappingSection';
import { RecordsSection } from './RecordsSection';
import { WrapUpSection } from './WrapUpSection';
import type { OptionsStore } from './store';

const NAV = [
  ['connection', 'Connection'],
  ['identification', 'Identification'],
  ['mapping', 'Field mapping'],
  ['automation', 'Automatic actions'],
  ['records', 'Records'],
  ['consoles', 'Consoles'],
  ['import-export', 'Import / export'],
  ['audit', 'Audit log'],
] as const;

/** The options page: every setting, the connection, and what policy locked or what was wrong. */
export function OptionsApp({ store }: { store: OptionsStore }) {
  if (!store.draft.value) return <p class="loading">Loading settings…</p>;
  const problems = [...store.stored.value, ...store.invalid.value];
  const notice = store.notice.value;
  return (
    <div class="options">
      <header>
        <SalesforceMark />
        <h1>Salesforce for Chat Consoles</h1>
      </header>
      <nav>
        {NAV.map(([id, label]) => <a href={`#${id}`}>{label}</a>)}
      </nav>
      <main>
        {store.locked.value.length > 0 && (
          <p class="banner info" id="policy-banner">Your administrator set {store.locked.value.length} setting(s) by enterprise policy; they are shown locked.</p>
        )}
        {problems.length > 0 && (
          <div class="banner error" id="problems" role="alert">
            <strong>Some settings are not valid and were ignored (the value from this browser, else the default, applies):</strong>
            <ul>{problems.map((p) => <li><code>{p.setting}</code> ({p.source === 'policy' ? 'enterprise policy' : 'this browser'}): {p.message}</li>)}</ul>
          </div>
        )}
        <ChatFieldList />
        <ConnectionSection store={store} />
        <IdentificationSection store={store} />
        <MappingSection store={store} />
        <AutomationSection store={store} />
        <RecordsSection store={store} />
        <WrapUpSection store={store} />
        <ConsolesSection store={store} />
        <ImportExport store={store} />
        <AuditSection />
      </main>
      <footer class="save-bar">
        {notice && <span class={`notice ${notice.tone}`} role="status">{notice.text}</span>}
        <button type="button" id="revert" disabled={!store.dirty.value} onClick={() => void store.reload()}>Revert</button>
        <button type="button" id="save" class="primary" disabled={!store.dirty.value} onClick={() => void store.save()}>Save changes</button>
      </footer>
    </div>
  );
}
