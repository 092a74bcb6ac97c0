import { fieldOf, type FieldMeta, type ObjectMeta } from '../salesforce/describe';
import type { MappingRow } from './defaults';

/** Field types the panel cannot show as one value (their parts are shown instead). */
const COMPOUND = new Set(['address', 'location', 'base64']);

/** The fields the panel shows for an object: mapped "display in console", known to describe, in layout order. */
export function displayFields(meta: ObjectMeta | undefined, rows: MappingRow[]): FieldMeta[] {
  if (!meta) return [];
  const shown = rows.filter((r) => r.display).map((r) => fieldOf(meta, r.sfField)).filter((f): f is FieldMeta => !!f && !COMPOUND.has(f.type));
  const position = (f: FieldMeta) => {
    const i = meta.layoutOrder.indexOf(f.name);
    return i === -1 ? meta.layoutOrder.length + meta.fields.indexOf(f) : i;
  };
  // Named as the page layout names them ("Contact Owner", not describe's "Owner ID").
  return [...new Set(shown)].sort((a, b) => position(a) - position(b)).map((f) => ({ ...f, label: meta.layoutLabels[f.name] ?? f.label }));
}

/** The SOQL paths that read those fields: each field, and for a lookup the name of what it points to. */
export function displayPaths(fields: FieldMeta[], prefix = ''): string[] {
  return fields.flatMap((f) => (f.type === 'reference' && f.relationshipName ? [`${prefix}${f.name}`, `${prefix}${f.relationshipName}.Name`] : [`${prefix}${f.name}`]));
}

export type FieldValue = string | number | boolean | null;
export type RecordValues = { values: Record<string, FieldValue>; names: Record<string, string> };

/** The shown fields' values off a record (or a related record), lookups with their names. */
export function recordValues(record: Record<string, unknown> | null | undefined, fields: FieldMeta[]): RecordValues {
  const values: Record<string, FieldValue> = {};
  const names: Record<string, string> = {};
  for (const f of fields) {
    const v = record?.[f.name];
    values[f.name] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    const related = f.relationshipName ? (record?.[f.relationshipName] as { Name?: unknown } | null | undefined) : undefined;
    if (typeof related?.Name === 'string') names[f.name] = related.Name;
  }
  return { values, names };
}
