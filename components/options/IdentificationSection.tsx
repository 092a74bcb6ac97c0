import { Setting } from './Setting';
import { SalesforceFieldList } from './FieldInputs';
import type { OptionsStore } from './store';

const OBJECTS = [
  ['contacts', 'Contacts', 'Contact'],
  ['leads', 'Leads', 'Lead'],
  ['accounts', 'Accounts', 'Account'],
] as const;

/** Up to three OR-ed conditions per object: a chat field ↔ a Salesforce field (seed 000). */
export function IdentificationSection({ store }: { store: OptionsStore }) {
  const rules = store.draft.value!.identification;
  const fields = store.fields.value;
  return (
    <section id="identification">
      <h2>Identification rules</h2>
      <p class="hint">A visitor is the record whose Salesforce field equals the chat field, for any one of the conditions. Phone fields match however the number is written.</p>
      {OBJECTS.map(([key, label, object]) => {
        const conditions = rules[key];
        const setAt = (i: number, change: Partial<(typeof conditions)[number]>) =>
          store.set('identification', key, conditions.map((c, j) => (j === i ? { ...c, ...change } : c)));
        return (
          <Setting store={store} section="identification" name={key} label={label}>
            {(disabled) => (
              <div class="conditions" data-object={key}>
                {fields && <SalesforceFieldList id={`sf-${object}`} fields={fields[object] ?? []} />}
                {conditions.length === 0 && <p class="hint">Not identified.</p>}
                {conditions.map((c, i) => (
                  <div class="condition">
                    <input class="chat-field" list="chat-fields" aria-label={`${label} condition ${i + 1}: chat field`} disabled={disabled} value={c.chatField} onInput={(e) => setAt(i, { chatField: e.currentTarget.value.trim() })} />
                    <span aria-hidden="true">=</span>
                    <input class="sf-field" list={`sf-${object}`} aria-label={`${label} condition ${i + 1}: Salesforce field`} disabled={disabled} value={c.sfField} onInput={(e) => setAt(i, { sfField: e.currentTarget.value.trim() })} />
                    <button type="button" class="remove" disabled={disabled} aria-label="Remove condition" onClick={() => store.set('identification', key, conditions.filter((_, j) => j !== i))}>✕</button>
                  </div>
                ))}
                {conditions.length < 3 && (
                  <button type="button" class="add" disabled={disabled} onClick={() => store.set('identification', key, [...conditions, { chatField: 'visitor.email', sfField: 'Email' }])}>
                    Add a condition
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
