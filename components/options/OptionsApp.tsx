import { i18n } from '#i18n';
import { SalesforceMark } from '../panel/SalesforceMark';
import { rich, slots } from '../text/rich';
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
import { PresenceSection } from './PresenceSection';
import { RoutingSection } from './RoutingSection';
import type { OptionsStore, ShownProblem } from './store';

const nav = () => [
  ['connection', i18n.t('options.nav.connection')],
  ['identification', i18n.t('options.nav.identification')],
  ['mapping', i18n.t('options.nav.mapping')],
  ['automation', i18n.t('options.nav.automation')],
  ['records', i18n.t('options.nav.records')],
  ['wrap-up', i18n.t('options.nav.wrapUp')],
  ['consoles', i18n.t('options.nav.consoles')],
  ['presence', i18n.t('options.nav.presence')],
  ['routing', i18n.t('options.nav.routing')],
  ['import-export', i18n.t('options.nav.importExport')],
  ['audit', i18n.t('options.nav.audit')],
] as const;

const sourceWords = (source: ShownProblem['source']) =>
  source === 'policy' ? i18n.t('options.problems.source.policy') : source === 'imported' ? i18n.t('options.problems.source.imported') : i18n.t('options.problems.source.local');

/** The options page: every setting, the connection, and what policy locked or what was wrong. */
export function OptionsApp({ store }: { store: OptionsStore }) {
  if (!store.draft.value) return <main><p class="loading">{i18n.t('options.loading')}</p></main>;
  const problems = store.ignored.value;
  const notice = store.notice.value;
  const lockedCount = store.locked.value.length;
  return (
    <div class="options">
      <header>
        <SalesforceMark />
        <h1>{i18n.t('extension.name')}</h1>
      </header>
      <nav aria-label={i18n.t('options.nav.label')}>
        {nav().map(([id, label]) => <a href={`#${id}`}>{label}</a>)}
      </nav>
      <main>
        {lockedCount > 0 && (
          <p class="banner info" id="policy-banner">{i18n.t('options.policyBanner', lockedCount, { count: lockedCount })}</p>
        )}
        {problems.length > 0 && (
          <div class="banner error" id="problems" role="alert">
            <strong>{i18n.t('options.problems.title')}</strong>
            <ul>
              {problems.map((p) => (
                <li data-source={p.source}>{rich(i18n.t('options.problems.item', { ...slots('setting'), source: sourceWords(p.source), problem: p.text }), { setting: <code>{p.setting}</code> })}</li>
              ))}
            </ul>
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
        <PresenceSection store={store} />
        <RoutingSection store={store} />
        <ImportExport store={store} />
        <AuditSection />
      </main>
      <footer class="save-bar">
        {notice && <span class={`notice ${notice.tone}`} role="status">{notice.text}</span>}
        <button type="button" id="revert" disabled={!store.dirty.value} onClick={() => void store.reload()}>{i18n.t('options.save.revert')}</button>
        <button type="button" id="save" class="primary" disabled={!store.dirty.value} onClick={() => void store.save()}>{i18n.t('options.save.save')}</button>
      </footer>
    </div>
  );
}
