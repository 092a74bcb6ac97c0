import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { OBJECTS, type MappingRow, type ObjectName } from '@/utils/mapping/defaults';
import { objectName } from '../text/objects';
import { Setting } from './Setting';
import type { OptionsStore } from './store';

/**
 * Fields Salesforce keeps itself: not offered for mapping, even where describe calls them
 * updateable (Jigsaw's) or the list comes without that information.
 */
export const SYSTEM_FIELDS = new Set([
  'Id', 'IsDeleted', 'MasterRecordId', 'CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp',
  'LastActivityDate', 'LastViewedDate', 'LastReferencedDate', 'LastCURequestDate', 'LastCUUpdateDate', 'Jigsaw', 'JigsawContactId',
  'JigsawCompanyId', 'PhotoUrl', 'IsClosedOnCreate', 'IsArchived', 'IsHighPriority',
]);

/** The fields the table lists: mapped ones always (in their order), then the org's others this user can write, by label or API name. */
export function listedFields(mapped: string[], described: { name: string; label: string; writable?: boolean }[], filter: string): string[] {
  const wanted = filter.trim().toLocaleLowerCase();
  const labelOf = new Map(described.map((f) => [f.name, f.label]));
  const matches = (name: string) => !wanted || name.toLocaleLowerCase().includes(wanted) || (labelOf.get(name) ?? '').toLocaleLowerCase().includes(wanted);
  const others = described.filter((f) => f.writable !== false && !mapped.includes(f.name) && !SYSTEM_FIELDS.has(f.name)).map((f) => f.name);
  return [...mapped, ...others].filter(matches);
}

/**
 * Field mapping per object (seed 000's table): every Salesforce field of the object (from
 * describe once connected), the chat field it takes, and whether the panel shows it.
 */
export function MappingSection({ store }: { store: OptionsStore }) {
  const [object, setObject] = useState<ObjectName>('Contact');
  const [added, setAdded] = useState('');
  const [filter, setFilter] = useState('');
  const rows = store.draft.value!.mapping[object];
  const described = store.fields.value?.[object] ?? [];
  const labelOf = new Map(described.map((f) => [f.name, f.label]));
  const names = listedFields(rows.map((r) => r.sfField), described, filter);

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
      <h2>{i18n.t('options.mapping.title')}</h2>
      <div class="tabs" role="tablist" aria-label={i18n.t('options.mapping.objects')}>
        {OBJECTS.map((o) => (
          <button type="button" role="tab" aria-selected={o === object} class={o === object ? 'tab active' : 'tab'} onClick={() => setObject(o)}>{objectName(o)}</button>
        ))}
      </div>
      <Setting store={store} section="mapping" name={object} label={i18n.t('options.mapping.fields', { object: objectName(object) })}>
        {(disabled) => (
          <>
            {!described.length && <p class="hint">{i18n.t('options.mapping.notListed', { object: objectName(object) })}</p>}
            <div class="filter">
              <label for="mapping-filter">{i18n.t('options.mapping.filter')}</label>
              <input type="search" id="mapping-filter" placeholder={i18n.t('options.mapping.filterPlaceholder')} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
            </div>
            <table class="mapping" data-object={object}>
              <thead><tr><th scope="col">{i18n.t('options.mapping.sfField')}</th><th scope="col">{i18n.t('options.mapping.chatField')}</th><th scope="col">{i18n.t('options.mapping.display')}</th></tr></thead>
              <tbody>
                {names.map((name) => {
                  const row = rows.find((r) => r.sfField === name);
                  const field = labelOf.get(name) ?? name;
                  return (
                    <tr data-field={name} class={row ? 'mapped' : ''} key={name}>
                      <td><bdi>{labelOf.get(name) ?? name}</bdi> <code>{name}</code></td>
                      <td><input list="chat-fields" aria-label={i18n.t('options.mapping.chatFieldOf', { field })} disabled={disabled} value={row?.chatField ?? ''} placeholder="—" onInput={(e) => change(name, { chatField: e.currentTarget.value.trim() || undefined })} /></td>
                      <td class="center"><input type="checkbox" aria-label={i18n.t('options.mapping.displayOf', { field })} disabled={disabled} checked={!!row?.display} onChange={(e) => change(name, { display: e.currentTarget.checked })} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {!names.length && filter.trim() && <p class="hint" role="status">{i18n.t('options.mapping.noMatch', { filter: filter.trim() })}</p>}
            {!described.length && (
              <div class="copy-row">
                <input aria-label={i18n.t('options.mapping.add')} placeholder={i18n.t('options.mapping.addPlaceholder')} value={added} disabled={disabled} onInput={(e) => setAdded(e.currentTarget.value.trim())} />
                <button type="button" disabled={disabled || !added} onClick={() => { change(added, { display: true }); setAdded(''); }}>{i18n.t('options.mapping.addButton')}</button>
              </div>
            )}
          </>
        )}
      </Setting>
    </section>
  );
}
