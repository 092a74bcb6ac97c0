/**
 * Page layouts in the shape of Salesforce's describeLayout: sections of rows of items, two
 * columns, items in the org's order, compound Name/Address items, required flags from describe.
 */
import type { FieldDescribe, SObjectDescribe } from './fields';

/** A layout item: a field name, or a compound field with its parts, or null for a blank cell. */
type Item = string | { compound: string; parts: string[] } | null;
type SectionSpec = { heading: string; left: Item[]; right: Item[] };

const NAME = { compound: 'Name', parts: ['Salutation', 'FirstName', 'LastName'] };
const address = (prefix: string, compound = `${prefix}Address`) => ({
  compound,
  parts: [`${prefix}Street`, `${prefix}City`, `${prefix}State`, `${prefix}PostalCode`, `${prefix}Country`],
});

export const LAYOUT_SPECS: Record<string, SectionSpec[]> = {
  Contact: [
    { heading: 'Contact Information', left: ['OwnerId', NAME, 'AccountId', 'Title', 'Department', 'Birthdate', 'ReportsToId', 'LeadSource'], right: ['Phone', 'HomePhone', 'MobilePhone', 'OtherPhone', 'Fax', 'Email', 'AssistantName', 'AssistantPhone'] },
    { heading: 'Address Information', left: [address('Mailing')], right: [address('Other')] },
    { heading: 'Description Information', left: ['Description'], right: [] },
  ],
  Lead: [
    { heading: 'Lead Information', left: ['OwnerId', NAME, 'Company', 'Title', 'LeadSource', 'Industry', 'AnnualRevenue'], right: ['Phone', 'MobilePhone', 'Fax', 'Email', 'Website', 'Status', 'Rating', 'NumberOfEmployees'] },
    { heading: 'Address Information', left: [address('', 'Address')], right: [] },
    { heading: 'Description Information', left: ['Description'], right: [] },
  ],
  Account: [
    { heading: 'Account Information', left: ['OwnerId', 'Name', 'ParentId', 'AccountNumber', 'Site', 'Type', 'Industry', 'AnnualRevenue'], right: ['Rating', 'Phone', 'Fax', 'Website', 'TickerSymbol', 'Ownership', 'NumberOfEmployees', 'Sic'] },
    { heading: 'Address Information', left: [address('Billing')], right: [address('Shipping')] },
    { heading: 'Description Information', left: ['Description'], right: [] },
  ],
  Case: [
    { heading: 'Case Information', left: ['OwnerId', 'ContactId', 'AccountId', 'Type', 'Reason', 'Origin'], right: ['Status', 'Priority', 'ParentId', null, 'ContactPhone', 'ContactEmail'] },
    { heading: 'Web Information', left: ['SuppliedEmail', 'SuppliedName'], right: ['SuppliedCompany', 'SuppliedPhone'] },
    { heading: 'Description Information', left: ['Subject', 'Description', 'Comments'], right: [] },
  ],
  Task: [
    { heading: 'Task Information', left: ['OwnerId', 'Subject', 'ActivityDate', 'Description'], right: ['WhoId', 'WhatId', 'Priority', 'Status'] },
    { heading: 'Additional Information', left: ['Type', 'CallDisposition'], right: ['CallType', 'CallObject'] },
  ],
  User: [{ heading: 'User Information', left: ['FirstName', 'LastName', 'Alias', 'Email'], right: ['Username', 'Title', 'CompanyName', 'IsActive'] }],
};

/** Layouts label some fields otherwise than describe does ("Contact Owner" where describe says "Owner ID"). */
const LAYOUT_LABELS: Record<string, string> = {
  'Task.OwnerId': 'Assigned To', 'Task.WhoId': 'Name', 'Task.WhatId': 'Related To',
  'Lead.Status': 'Lead Status', 'Contact.AccountId': 'Account Name', 'Contact.ReportsToId': 'Reports To',
  'Case.ContactId': 'Contact Name', 'Case.AccountId': 'Account Name', 'Case.ParentId': 'Parent Case', 'Account.ParentId': 'Parent Account',
};
const layoutLabel = (describe: SObjectDescribe, f: FieldDescribe) =>
  LAYOUT_LABELS[`${describe.name}.${f.name}`] ?? (f.name === 'OwnerId' ? `${describe.label} Owner` : f.label);

const isRequired = (f: FieldDescribe) => !f.nillable && f.createable && !f.defaultedOnCreate && f.type !== 'boolean';

function component(describe: SObjectDescribe, name: string, tabOrder: number) {
  const details = describe.fields.find((f) => f.name === name);
  if (!details) throw new Error(`layout of ${describe.name} names unknown field ${name}`);
  return { details, displayLines: details.type === 'textarea' ? 4 : 1, tabOrder, type: 'Field', value: name };
}

function layoutItem(describe: SObjectDescribe, item: Item, tabOrder: number) {
  if (item === null) {
    return { editableForNew: false, editableForUpdate: false, label: '', layoutComponents: [{ displayLines: 1, tabOrder, type: 'EmptySpace' }], placeholder: true, required: false };
  }
  if (typeof item === 'string') {
    const c = component(describe, item, tabOrder);
    const f = c.details;
    return { editableForNew: f.createable, editableForUpdate: f.updateable, label: layoutLabel(describe, f), layoutComponents: [c], placeholder: false, required: isRequired(f) };
  }
  const parts = item.parts.filter((p) => describe.fields.some((f) => f.name === p)).map((p, i) => component(describe, p, tabOrder + i));
  const compound = describe.fields.find((f) => f.name === item.compound);
  return {
    editableForNew: true,
    editableForUpdate: true,
    label: compound?.label ?? item.compound,
    layoutComponents: [{ components: parts, details: compound ?? null, displayLines: parts.length, fieldType: 'address', tabOrder, type: 'Field', value: item.compound }],
    placeholder: false,
    required: parts.some((p) => isRequired(p.details)),
  };
}

function section(describe: SObjectDescribe, spec: SectionSpec, index: number, layoutId: string) {
  const rows = Math.max(spec.left.length, spec.right.length);
  const layoutRows = [];
  for (let r = 0; r < rows; r++) {
    const items = [spec.left[r] ?? null, spec.right[r] ?? null];
    layoutRows.push({ layoutItems: items.map((item, c) => layoutItem(describe, item, c * rows + r + 1)), numItems: 2 });
  }
  return {
    collapsed: false, columns: 2, heading: spec.heading, layoutRows, layoutSectionId: `01B5g0000${String(index).padStart(9, '0')}`,
    parentLayoutId: layoutId, rows, tabOrder: 'TopToBottom', useCollapsibleSection: false, useHeading: true,
  };
}

/** One layout (what `describe/layouts/{recordTypeId}` returns). */
export function buildLayout(describe: SObjectDescribe, specs: SectionSpec[] = LAYOUT_SPECS[describe.name] ?? []) {
  const id = `00h5g00000${describe.keyPrefix}AAA`.slice(0, 15) + 'AAA';
  const sections = specs.map((s, i) => section(describe, s, i, id));
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

/** What `describe/layouts` returns: the layouts and which record type uses which. */
export function buildLayouts(describe: SObjectDescribe) {
  const layout = buildLayout(describe);
  const picklists = describe.fields
    .filter((f) => f.type === 'picklist' || f.type === 'multipicklist')
    .map((f) => ({ picklistName: f.name, picklistValues: f.picklistValues }));
  return {
    layouts: [layout],
    recordTypeMappings: describe.recordTypeInfos.map((rt) => ({
      active: rt.active, available: rt.available, defaultRecordTypeMapping: rt.defaultRecordTypeMapping,
      developerName: rt.developerName, layoutId: layout.id, master: rt.master, name: rt.name,
      picklistsForRecordType: picklists, recordTypeId: rt.recordTypeId, urls: rt.urls,
    })),
    recordTypeSelectorRequired: [describe.recordTypeInfos.length > 1],
  };
}
