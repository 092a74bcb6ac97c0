import type { FieldMeta, ObjectMeta } from '../salesforce/describe';

export type FormField = FieldMeta & { required: boolean };
export type FormSection = { heading: string; fields: FormField[] };

/** Required on create as Salesforce enforces it: describe, or the page layout. */
export function requiredOnCreate(meta: ObjectMeta, field: FieldMeta): boolean {
  const byDescribe = !field.nillable && field.createable && !field.defaultedOnCreate && field.type !== 'boolean';
  return byDescribe || meta.layoutRequired.includes(field.name);
}

/** The record type a new record gets: the one asked for if the user can use it, else the default; none with only Master. */
export function recordTypeFor(meta: ObjectMeta, wanted?: string): string | undefined {
  if (!meta.recordTypes.length) return undefined;
  return meta.recordTypes.find((r) => r.id === wanted)?.id ?? meta.recordTypes.find((r) => r.default)?.id ?? meta.recordTypes[0]!.id;
}

/**
 * A new record's form as the org's page layout has it (the record type's own layout where it has
 * one): its sections, fields in tab order,
 * required marks, layout labels; only fields we can set on create. Without a readable layout,
 * one section of every createable field in describe order.
 */
export function formSections(meta: ObjectMeta, recordTypeId?: string): FormSection[] {
  const usable = (f: FieldMeta | undefined): f is FieldMeta => !!f && f.createable && !f.calculated && f.name !== 'RecordTypeId' && !['address', 'location', 'base64', 'id'].includes(f.type);
  // A record type narrows each picklist to the values its layout mapping allows.
  const allowed = recordTypeId ? meta.recordTypePicklists[recordTypeId] : undefined;
  const toForm = (f: FieldMeta): FormField => ({
    ...f,
    label: meta.layoutLabels[f.name] ?? f.label,
    required: requiredOnCreate(meta, f),
    picklistValues: allowed?.[f.name] ? f.picklistValues.filter((p) => allowed[f.name]!.includes(p.value)) : f.picklistValues,
  });
  const layout = (recordTypeId && meta.recordTypeSections[recordTypeId]) || meta.sections;
  const sections = layout.length ? layout : [{ heading: meta.label, fields: meta.fields.map((f) => f.name) }];
  return sections
    .map((s) => ({ heading: s.heading, fields: s.fields.map((n) => meta.fields.find((f) => f.name === n)).filter(usable).map(toForm) }))
    .filter((s) => s.fields.length);
}
