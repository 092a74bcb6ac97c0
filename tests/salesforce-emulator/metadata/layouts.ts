/**
 * Page layouts in the shape of Salesforce's describeLayout: sections of rows of items, two
 * columns, items in the org's order, compound Name/Address items, required flags from describe.
 * Built from LAYOUT_SPECS where one exists, else from the describe itself; an org with person
 * accounts gets a second layout for its person record types.
 */
import { checksum } from '../ids';
import type { FieldDescribe, SObjectDescribe } from './fields';
import { LAYOUT_LABELS, LAYOUT_REQUIRED, LAYOUT_SPECS, PERSON_ACCOUNT_LAYOUT, type Item, type SectionSpec } from './layout-specs';

const layoutLabel = (describe: SObjectDescribe, f: FieldDescribe) =>
  LAYOUT_LABELS[`${describe.name}.${f.name}`] ?? (f.name === 'OwnerId' ? `${describe.label} Owner` : f.label);

const isRequired = (describe: SObjectDescribe, f: FieldDescribe) =>
  f.createable && (LAYOUT_REQUIRED.has(`${describe.name}.${f.name}`) || (!f.nillable && !f.defaultedOnCreate && f.type !== 'boolean'));

/** A valid 18-character id (15 characters and their checksum). */
const idOf = (id15: string) => id15 + checksum(id15);

function fieldNamed(describe: SObjectDescribe, name: string): FieldDescribe {
  const details = describe.fields.find((f) => f.name === name);
  if (!details) throw new Error(`layout of ${describe.name} names unknown field ${name}`);
  return details;
}

function component(describe: SObjectDescribe, name: string, tabOrder: number) {
  const details = fieldNamed(describe, name);
  return { details, displayLines: details.type === 'textarea' ? 4 : 1, tabOrder, type: 'Field', value: name };
}

function layoutItem(describe: SObjectDescribe, item: Item, tabOrder: number) {
  if (item === null) {
    return { editableForNew: false, editableForUpdate: false, label: '', layoutComponents: [{ displayLines: 1, tabOrder, type: 'EmptySpace' }], placeholder: true, required: false };
  }
  if (typeof item === 'string') {
    const c = component(describe, item, tabOrder);
    const f = c.details;
    return { editableForNew: f.createable, editableForUpdate: f.updateable, label: layoutLabel(describe, f), layoutComponents: [c], placeholder: false, required: isRequired(describe, f) };
  }
  const parts = item.parts.map((p, i) => component(describe, p, tabOrder + i));
  const compound = describe.fields.find((f) => f.name === item.compound);
  return {
    editableForNew: true,
    editableForUpdate: true,
    label: compound?.label ?? item.compound,
    layoutComponents: [{ components: parts, details: compound ?? null, displayLines: parts.length, fieldType: 'address', tabOrder, type: 'Field', value: item.compound }],
    placeholder: false,
    required: parts.some((p) => isRequired(describe, p.details)),
  };
}

/** A column without the fields the describe lacks, and without the blanks left at its end. */
function presentItems(describe: SObjectDescribe, items: Item[]): Item[] {
  const has = (name: string) => describe.fields.some((f) => f.name === name);
  const present = items.flatMap((item): Item[] => {
    if (item === null || typeof item === 'string') return item === null || has(item) ? [item] : [];
    const parts = item.parts.filter(has);
    return parts.length ? [{ ...item, parts }] : [];
  });
  while (present.length && present[present.length - 1] === null) present.pop();
  return present;
}

/** The spec's sections as this describe can show them: missing fields skipped, emptied sections dropped. */
function presentSections(describe: SObjectDescribe, specs: SectionSpec[]): SectionSpec[] {
  return specs
    .map((s) => ({ heading: s.heading, left: presentItems(describe, s.left), right: presentItems(describe, s.right) }))
    .filter((s) => s.left.length + s.right.length > 0);
}

/**
 * For objects no spec knows (custom objects, junctions): one two-column section of the fields a
 * user can fill, in describe order, left column first, as a new page layout starts out.
 */
export function describeSections(describe: SObjectDescribe): SectionSpec[] {
  const editable = describe.fields.filter((f) => (f.createable || f.updateable) && !f.deprecatedAndHidden);
  // An object nobody can write still shows its fields, read-only.
  const names = (editable.length ? editable : describe.fields.filter((f) => f.name !== 'Id')).map((f) => f.name);
  const half = Math.ceil(names.length / 2);
  return [{ heading: `${describe.label ?? describe.name} Information`, left: names.slice(0, half), right: names.slice(half) }];
}

/** The sections a layout shows: the spec's, or the describe's own when the spec has nothing to show. */
export function layoutSections(describe: SObjectDescribe, specs: SectionSpec[] | undefined = LAYOUT_SPECS[describe.name]): SectionSpec[] {
  const present = specs ? presentSections(describe, specs) : [];
  return present.length ? present : describeSections(describe);
}

function section(describe: SObjectDescribe, spec: SectionSpec, index: number, layoutId: string, layoutIndex: number) {
  const rows = Math.max(spec.left.length, spec.right.length);
  const layoutRows = [];
  for (let r = 0; r < rows; r++) {
    const items = [spec.left[r] ?? null, spec.right[r] ?? null];
    layoutRows.push({ layoutItems: items.map((item, c) => layoutItem(describe, item, c * rows + r + 1)), numItems: 2 });
  }
  return {
    collapsed: false, columns: 2, heading: spec.heading, layoutRows, layoutSectionId: idOf(`01B5g0000${layoutIndex}${String(index).padStart(5, '0')}`),
    parentLayoutId: layoutId, rows, tabOrder: 'TopToBottom', useCollapsibleSection: false, useHeading: true,
  };
}

/** One layout (what `describe/layouts/{recordTypeId}` returns); `index` tells an object's layouts apart. */
export function buildLayout(describe: SObjectDescribe, specs?: SectionSpec[], index = 0) {
  const prefix = (describe.keyPrefix ?? '000').padEnd(3, '0').slice(0, 3);
  const id = idOf(`00h5g0000${index}${prefix}AA`);
  const sections = layoutSections(describe, specs).map((s, i) => section(describe, s, i, id, index));
  return {
    buttonLayoutSection: { detailButtons: [] },
    detailLayoutSections: sections,
    editLayoutSections: sections,
    feedView: null,
    highlightsPanelLayoutSection: null,
    id,
    multirowEditLayoutSections: [],
    offlineLinks: [],
    quickActionList: { quickActionListItems: [] },
    relatedContent: null,
    relatedLists: [],
    saveOptions: [],
  };
}

export type RecordTypeInfo = SObjectDescribe['recordTypeInfos'][number];

/**
 * Whether a record type is for person accounts. Describe does not say (RecordType.IsPersonType
 * does, and no describe carries it): Salesforce names its own one PersonAccount, and admins'
 * person record types say "Person" in their names. Only orgs with IsPersonAccount have them.
 */
export function isPersonRecordType(describe: SObjectDescribe, rt: RecordTypeInfo): boolean {
  const hasPersonAccounts = describe.name === 'Account' && describe.fields.some((f) => f.name === 'IsPersonAccount');
  return hasPersonAccounts && !rt.master && /person/i.test(`${String(rt.developerName ?? '')} ${String(rt.name ?? '')}`);
}

/** What `describe/layouts` returns: the layouts and which record type uses which. */
export function buildLayouts(describe: SObjectDescribe) {
  const business = buildLayout(describe);
  const person = describe.recordTypeInfos.some((rt) => isPersonRecordType(describe, rt)) ? buildLayout(describe, PERSON_ACCOUNT_LAYOUT, 1) : undefined;
  const picklists = describe.fields
    .filter((f) => f.type === 'picklist' || f.type === 'multipicklist')
    .map((f) => ({ picklistName: f.name, picklistValues: f.picklistValues }));
  return {
    layouts: person ? [business, person] : [business],
    recordTypeMappings: describe.recordTypeInfos.map((rt) => ({
      active: rt.active, available: rt.available, defaultRecordTypeMapping: rt.defaultRecordTypeMapping,
      developerName: rt.developerName, layoutId: (person && isPersonRecordType(describe, rt) ? person : business).id, master: rt.master, name: rt.name,
      picklistsForRecordType: picklists, recordTypeId: rt.recordTypeId, urls: rt.urls,
    })),
    recordTypeSelectorRequired: [describe.recordTypeInfos.length > 1],
  };
}

export type Layouts = ReturnType<typeof buildLayouts>;
