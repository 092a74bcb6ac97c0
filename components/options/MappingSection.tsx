import { useState } from 'preact/hooks';
import { OBJECTS, type MappingRow, type ObjectName } from '@/utils/mapping/defaults';
import { Setting } from './Setting';
import type { OptionsStore } from './store';

/**
 * Field mapping per object (seed 000's table): every Salesforce field of the object (from
 * describe once connected), the chat field it takes, and whether the panel shows it.
 */
export function MappingSection({ store }: { store: OptionsStore }) {
  const [object, setObject] = useState<ObjectName>('Contact');
  const [added, setAdded] = useState('');
  const rows = store.draft.value!.mapping[object];
  const described = store.fields.value?.[object] ?? [];
  const labelOf = new Map(described.map((f) => [f.name, f.label]));
  // Mapped fields first (in their order), then the rest of the org's fields.
  const names = [...rows.map((r) => r.sfField), ...described.map((f) => f.name).filter((n) => !rows.some((r) => r.sfField === n))];

  const change = (sfField: string, patch: Partial<MappingRow>) => {
    const current = rows.find((r) => r.sfField === sfField) ?? { sfField };
    const next = { ...current, ...patch };
    if (!next.chatField) delete next.chatField;
    if (!next.display) delete next.display;
    const kept = next.chatField || next.display;
    const others = rows.filter((r) => r.sfField !== sfField);
    const index = rows.findIndex((r) => r.sfField === sfField);
    const list = kept ? (index >= 0 ? rows.map((r) => (r.sfField === sfField ? next : r)) : [...rows, next]) : others;
    store.set('mapping', object, list);
  };

  return (
    <section id="mapping">
      <h2>Field mapping</h2>
      <div class="tabs" role="tablist">
        {OBJECTS.map((o) => (
          <button type="button" role="tab" aria-selected={o === object} class={o === object ? 'tab active' : 'tab'} onClick={() => setObject(o)}>{o}</button>
        ))}
      </div>
      <Setting store={store} section="mapping" name={object} label={`${object} fields`}>
        {(disabled) => (
          <>
            {!described.length && <p class="hint">Connect to Salesforce to list every {object} field; until then, mapped fields only.</p>}
            <table class="mapping" data-object={object}>
              <thead><tr><th>Salesforce field</th><th>Takes the chat field</th><th>Display in console</th></tr></thead>
              <tbody>
                {names.map((name) => {
                  const row = rows.find((r) => r.sfField === name);
                  return (
                    <tr data-field={name} class={row ? 'mapped' : ''}>
                      <td>{labelOf.get(name) ?? name} <code>{name}</code></td>
                      <td><input list="chat-fields" aria-label={`${name}: chat field`} disabled={disabled} value={row?.chatField ?? ''} placeholder="—" onInput={(e) => change(name, { chatField: e.currentTarget.value.trim() || undefined })} /></td>
                      <td class="center"><input type="checkbox" aria-label={`${name}: display in console`} disabled={disabled} checked={!!row?.display} onChange={(e) => change(name, { display: e.currentTarget.checked })} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {!described.length && (
              <div class="copy-row">
                <input aria-label="Salesforce field to add" placeholder="Field API name, e.g. Title" value={added} disabled={disabled} onInput={(e) => setAdded(e.currentTarget.value.trim())} />
                <button type="button" disabled={disabled || !added} onClick={() => { change(added, { display: true }); setAdded(''); }}>Add field</button>
              </div>
            )}
          </>
        )}
      </Setting>
    </section>
  );
}
