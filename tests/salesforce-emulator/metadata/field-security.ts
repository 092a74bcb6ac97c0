/**
 * Field-level security as a profile sets it, applied to metadata: what the connected user's
 * describe and layouts look like on a real org. A hidden field is gone from both, so the org
 * refuses to write it as it refuses any unknown field (INVALID_FIELD, "No such column"); a
 * read-only one stays, neither createable nor updateable (INVALID_FIELD_FOR_INSERT_UPDATE).
 */
import type { FieldDescribe, SObjectDescribe } from './fields';
import type { ObjectMetadata } from './index';

export type FieldAccessRule = { object: string; field: string; access: 'hidden' | 'read-only' };
type Access = FieldAccessRule['access'];
/** Each field's access, by the describe's own spelling of its name. */
type AccessMap = Map<string, Access>;
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** The metadata as a user with these field permissions sees it. Pure: `metadata` is left as it was. */
export function applyFieldSecurity(metadata: Map<string, ObjectMetadata>, rules: FieldAccessRule[]): Map<string, ObjectMetadata> {
  const secured = new Map(metadata);
  for (const [key, access] of accessByObject(metadata, rules)) {
    const meta = metadata.get(key)!;
    secured.set(key, { describe: secureDescribe(meta.describe, access), layouts: secureLayouts(meta.layouts, access) });
  }
  return secured;
}

/** The rules per object. An unknown object or field is an error: a typo would secure nothing, silently. */
function accessByObject(metadata: Map<string, ObjectMetadata>, rules: FieldAccessRule[]): Map<string, AccessMap> {
  const byObject = new Map<string, AccessMap>();
  for (const rule of rules) {
    const key = String(rule.object).toLowerCase();
    const describe = metadata.get(key)?.describe;
    if (!describe) throw new Error(`field security: the org has no object ${rule.object}`);
    const field = describe.fields.find((f) => f.name.toLowerCase() === String(rule.field).toLowerCase());
    if (!field) throw new Error(`field security: ${describe.name} has no field ${rule.field}`);
    if (rule.access !== 'hidden' && rule.access !== 'read-only') throw new Error(`field security: access to ${describe.name}.${field.name} must be 'hidden' or 'read-only', not '${String(rule.access)}'`);
    if (field.name === 'Id') throw new Error(`field security: ${describe.name}.Id is always visible`);
    const access = byObject.get(key) ?? new Map<string, Access>();
    byObject.set(key, access);
    // An address is secured as a whole: its street, city… with it.
    const secured = describe.fields.filter((f) => f === field || (field.type === 'address' && f.compoundFieldName === field.name));
    // Of two rules on one field, the stricter one holds.
    for (const f of secured) if (access.get(f.name) !== 'hidden') access.set(f.name, rule.access);
  }
  return byObject;
}

const readOnly = <T extends Json>(field: T): T => ({ ...field, createable: false, updateable: false });

function secureDescribe(describe: SObjectDescribe, access: AccessMap): SObjectDescribe {
  const fields = describe.fields
    .filter((f) => access.get(f.name) !== 'hidden')
    .map((f): FieldDescribe => (access.get(f.name) === 'read-only' ? readOnly(f) : f));
  return { ...describe, fields };
}

/** A `describe/layouts` body, built or captured: its layouts, and the picklists of each record type. */
function secureLayouts(body: Json, access: AccessMap): Json {
  const secured: Json = { ...body };
  if (Array.isArray(body.layouts)) secured.layouts = list(body.layouts).map((layout) => secureLayout(layout, access));
  if (Array.isArray(body.recordTypeMappings)) {
    secured.recordTypeMappings = list(body.recordTypeMappings).map((m) =>
      Array.isArray(m.picklistsForRecordType) ? { ...m, picklistsForRecordType: list(m.picklistsForRecordType).filter((p) => access.get(String(p.picklistName)) !== 'hidden') } : m,
    );
  }
  return secured;
}

const SECTION_LISTS = ['detailLayoutSections', 'editLayoutSections', 'multirowEditLayoutSections'];

function secureLayout(layout: Json, access: AccessMap): Json {
  const secured: Json = { ...layout };
  for (const key of SECTION_LISTS) {
    if (Array.isArray(layout[key])) secured[key] = list(layout[key]).map((s) => secureSection(s, access)).filter((s): s is Json => s !== null);
  }
  if (isObject(layout.highlightsPanelLayoutSection)) secured.highlightsPanelLayoutSection = secureSection(layout.highlightsPanelLayoutSection, access);
  return secured;
}

const hasField = (items: Json[]) => items.some((item) => !item.placeholder);

/** A section without its hidden fields: rows left with only blanks go, and so does a section left with no rows. */
function secureSection(section: Json, access: AccessMap): Json | null {
  const rows = list(section.layoutRows);
  const layoutRows = rows
    .map((row) => ({ row, before: list(row.layoutItems), after: list(row.layoutItems).map((item) => secureItem(item, access)) }))
    .filter(({ before, after }) => hasField(after) || !hasField(before))
    .map(({ row, after }) => ({ ...row, layoutItems: after }));
  if (rows.length && !layoutRows.length) return null;
  return { ...section, layoutRows, rows: layoutRows.length };
}

/** The field names an item shows, compound parts included. */
function fieldNames(components: Json[]): string[] {
  return components.filter((c) => c.type === 'Field').flatMap((c) => (Array.isArray(c.components) ? fieldNames(list(c.components)) : [String(c.value)]));
}

/**
 * An item without its hidden fields. An item left with none becomes a blank cell, so the
 * row keeps its columns; one whose fields are all read-only can no longer be edited.
 */
function secureItem(item: Json, access: AccessMap): Json {
  const components = list(item.layoutComponents);
  const secured = components.map((c) => secureComponent(c, access)).filter((c): c is Json => c !== null);
  const names = fieldNames(secured);
  if (fieldNames(components).length && !names.length) {
    const tabOrder = components[0]?.tabOrder ?? 1;
    return { editableForNew: false, editableForUpdate: false, label: '', layoutComponents: [{ displayLines: 1, tabOrder, type: 'EmptySpace' }], placeholder: true, required: false };
  }
  const editable = names.some((name) => access.get(name) !== 'read-only');
  return editable ? { ...item, layoutComponents: secured } : { ...item, layoutComponents: secured, editableForNew: false, editableForUpdate: false, required: false };
}

function secureComponent(component: Json, access: AccessMap): Json | null {
  if (component.type !== 'Field') return component;
  const own = access.get(String(component.value));
  let secured = component;
  if (Array.isArray(component.components)) {
    // A compound (Name, an address): it goes when all its parts do.
    const parts = list(component.components).map((p) => secureComponent(p, access)).filter((p): p is Json => p !== null);
    if (!fieldNames(parts).length) return null;
    secured = { ...component, components: parts };
  } else if (own === 'hidden') {
    return null;
  }
  return own === 'read-only' && isObject(secured.details) ? { ...secured, details: readOnly(secured.details) } : secured;
}
