import { i18n } from '#i18n';
import { countOf } from '@/utils/i18n/locale';
import { objectName } from '@/components/text/objects';
import { ROUTE_OBJECTS, type RoutingRule } from '@/utils/routing/settings';
import { Setting } from './Setting';
import { SalesforceFieldList } from './FieldInputs';
import type { OptionsStore } from './store';

/** Values as the admin types them: comma-separated, blanks dropped. */
const valuesOf = (text: string) => text.split(',').map((v) => v.trim()).filter(Boolean);

/** Rules on Salesforce fields that suggest whom to transfer a chat to (seed 000): "when Account Type is Enterprise, its owner". */
export function RoutingSection({ store }: { store: OptionsStore }) {
  const { rules } = store.draft.value!.routing;
  const fields = store.fields.value;
  const setAt = (i: number, change: Partial<RoutingRule>) => store.set('routing', 'rules', rules.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <section id="routing">
      <h2>{i18n.t('options.routing.title')}</h2>
      <p class="hint">{i18n.t('options.routing.hint')}</p>
      <Setting store={store} section="routing" name="rules" label={i18n.t('options.routing.rules')}>
        {(disabled) => (
          <div class="routing-rules">
            {fields && ROUTE_OBJECTS.map((object) => <SalesforceFieldList id={`routing-${object}`} fields={fields[object] ?? []} />)}
            {rules.length === 0 && <p class="hint">{i18n.t('options.routing.none')}</p>}
            {rules.map((rule, i) => {
              const n = { n: countOf(i + 1) };
              return (
                <div class="routing-rule" data-rule={i}>
                  <select class="routing-object" aria-label={i18n.t('options.routing.object', n)} disabled={disabled} value={rule.object} onChange={(e) => setAt(i, { object: e.currentTarget.value as RoutingRule['object'] })}>
                    {ROUTE_OBJECTS.map((o) => <option value={o}>{objectName(o)}</option>)}
                  </select>
                  <input class="routing-field" list={`routing-${rule.object}`} aria-label={i18n.t('options.routing.field', n)} disabled={disabled} value={rule.field} onInput={(e) => setAt(i, { field: e.currentTarget.value.trim() })} />
                  <span>{i18n.t('options.routing.is')}</span>
                  {/* Committed on change: a comma typed mid-way must not be eaten by the split. */}
                  <input class="routing-values" aria-label={i18n.t('options.routing.values', n)} disabled={disabled} value={rule.values.join(', ')} onChange={(e) => setAt(i, { values: valuesOf(e.currentTarget.value) })} />
                  <span>{i18n.t('options.routing.then')}</span>
                  <select class="routing-to" aria-label={i18n.t('options.routing.to', n)} disabled={disabled} value={rule.to} onChange={(e) => setAt(i, { to: e.currentTarget.value as RoutingRule['to'] })}>
                    <option value="owner">{i18n.t('options.routing.toOwner')}</option>
                    <option value="department">{i18n.t('options.routing.toDepartment')}</option>
                  </select>
                  {rule.to === 'department' && (
                    <input class="routing-department" aria-label={i18n.t('options.routing.department', n)} disabled={disabled} value={rule.department ?? ''} onInput={(e) => setAt(i, { department: e.currentTarget.value })} />
                  )}
                  <button type="button" class="remove" disabled={disabled} aria-label={i18n.t('options.routing.remove', n)} title={i18n.t('options.routing.remove', n)} onClick={() => store.set('routing', 'rules', rules.filter((_, j) => j !== i))}>✕</button>
                </div>
              );
            })}
            {rules.length < 30 && (
              <button type="button" class="add" disabled={disabled} onClick={() => store.set('routing', 'rules', [...rules, { object: 'Account', field: 'Type', values: [], to: 'owner' }])}>
                {i18n.t('options.routing.add')}
              </button>
            )}
          </div>
        )}
      </Setting>
    </section>
  );
}
