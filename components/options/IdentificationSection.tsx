import { i18n } from '#i18n';
import { countOf } from '@/utils/i18n/locale';
import { Setting } from './Setting';
import { SalesforceFieldList } from './FieldInputs';
import type { OptionsStore } from './store';

const objects = () => [
  ['contacts', i18n.t('options.identification.contacts'), 'Contact'],
  ['leads', i18n.t('options.identification.leads'), 'Lead'],
  ['accounts', i18n.t('options.identification.accounts'), 'Account'],
] as const;

/** Up to three OR-ed conditions per object: a chat field ↔ a Salesforce field (seed 000). */
export function IdentificationSection({ store }: { store: OptionsStore }) {
  const rules = store.draft.value!.identification;
  const fields = store.fields.value;
  return (
    <section id="identification">
      <h2>{i18n.t('options.identification.title')}</h2>
      <p class="hint">{i18n.t('options.identification.hint')}</p>
      {objects().map(([key, label, object]) => {
        const conditions = rules[key];
        const setAt = (i: number, change: Partial<(typeof conditions)[number]>) =>
          store.set('identification', key, conditions.map((c, j) => (j === i ? { ...c, ...change } : c)));
        return (
          <Setting store={store} section="identification" name={key} label={label}>
            {(disabled) => (
              <div class="conditions" data-object={key}>
                {fields && <SalesforceFieldList id={`sf-${object}`} fields={fields[object] ?? []} />}
                {conditions.length === 0 && <p class="hint">{i18n.t('options.identification.none')}</p>}
                {conditions.map((c, i) => {
                  const words = { objects: label, n: countOf(i + 1) };
                  return (
                    <div class="condition">
                      <input class="chat-field" list="chat-fields" aria-label={i18n.t('options.identification.chatField', words)} disabled={disabled} value={c.chatField} onInput={(e) => setAt(i, { chatField: e.currentTarget.value.trim() })} />
                      <span aria-hidden="true">=</span>
                      <input class="sf-field" list={`sf-${object}`} aria-label={i18n.t('options.identification.sfField', words)} disabled={disabled} value={c.sfField} onInput={(e) => setAt(i, { sfField: e.currentTarget.value.trim() })} />
                      <button type="button" class="remove" disabled={disabled} aria-label={i18n.t('options.identification.remove', words)} title={i18n.t('options.identification.remove', words)} onClick={() => store.set('identification', key, conditions.filter((_, j) => j !== i))}>✕</button>
                    </div>
                  );
                })}
                {conditions.length < 3 && (
                  <button type="button" class="add" disabled={disabled} onClick={() => store.set('identification', key, [...conditions, { chatField: 'visitor.email', sfField: 'Email' }])}>
                    {i18n.t('options.identification.add')}
                  </button>
                )}
              </div>
            )}
          </Setting>
        );
      })}
    </section>
  );
}
