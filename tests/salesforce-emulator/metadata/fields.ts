/**
 * Builds describe JSON for the objects no public capture exists for (Task, User), in the exact
 * shape of the captured ones: every field object carries all the keys a real org sends.
 */
import contact from './describe-Contact.json' with { type: 'json' };

export type FieldDescribe = Record<string, unknown> & {
  name: string;
  type: string;
  label: string;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  restrictedPicklist: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  picklistValues: { active: boolean; defaultValue: boolean; label: string; validFor: string | null; value: string }[];
};

export type SObjectDescribe = Record<string, unknown> & {
  name: string;
  label: string;
  keyPrefix: string;
  fields: FieldDescribe[];
  recordTypeInfos: Record<string, unknown>[];
};

const TEMPLATE = (contact as unknown as SObjectDescribe).fields.find((f) => f.name === 'Title')!;

const SOAP: Record<string, string> = {
  id: 'tns:ID', reference: 'tns:ID', string: 'xsd:string', textarea: 'xsd:string', picklist: 'xsd:string',
  combobox: 'xsd:string', email: 'xsd:string', phone: 'xsd:string', url: 'xsd:string', boolean: 'xsd:boolean',
  date: 'xsd:date', datetime: 'xsd:dateTime', int: 'xsd:int', double: 'xsd:double', currency: 'xsd:double',
};

type FieldSpec = Partial<FieldDescribe> & { name: string; type: string; label: string };

export function picklist(values: string[], defaultValue?: string): FieldDescribe['picklistValues'] {
  return values.map((value) => ({ active: true, defaultValue: value === defaultValue, label: value, validFor: null, value }));
}

/** One field, defaulting every key as a createable, updateable, nillable standard field. */
export function field(spec: FieldSpec): FieldDescribe {
  const length = spec.length ?? (['id', 'reference'].includes(spec.type) ? 18 : ['boolean', 'date', 'datetime', 'int', 'double', 'currency'].includes(spec.type) ? 0 : 255);
  const system = spec.createable === false && spec.updateable === false;
  return {
    ...TEMPLATE,
    aggregatable: spec.type !== 'textarea',
    // Ids are ASCII: one byte a character, where text may take three.
    byteLength: ['id', 'reference'].includes(spec.type) ? length : length * 3,
    createable: true,
    updateable: true,
    nillable: true,
    defaultedOnCreate: false,
    filterable: spec.type !== 'textarea',
    groupable: !['textarea', 'datetime', 'double', 'currency'].includes(spec.type),
    sortable: spec.type !== 'textarea',
    idLookup: spec.type === 'id' || spec.name === 'Email',
    length,
    nameField: spec.name === 'Name' || spec.name === 'Subject',
    picklistValues: [],
    referenceTo: [],
    relationshipName: null,
    polymorphicForeignKey: (spec.referenceTo?.length ?? 0) > 1,
    restrictedPicklist: false,
    soapType: SOAP[spec.type] ?? 'xsd:string',
    inlineHelpText: null,
    defaultValue: spec.type === 'boolean' ? false : null,
    permissionable: !system && spec.nillable !== false,
    ...spec,
  } as FieldDescribe;
}

/** A whole describe, shaped like the captured Contact describe. */
export function describe(spec: { name: string; label: string; labelPlural: string; keyPrefix: string; fields: FieldDescribe[] } & Record<string, unknown>): SObjectDescribe {
  const base = contact as unknown as SObjectDescribe;
  const urls = Object.fromEntries(
    Object.entries(base.urls as Record<string, string>).map(([key, url]) => [key, url.replaceAll('/Contact/', `/${spec.name}/`).replace('/003/', `/${spec.keyPrefix}/`)]),
  );
  return {
    ...base,
    childRelationships: [],
    actionOverrides: [],
    ...spec,
    urls: (spec.urls as Record<string, string> | undefined) ?? urls,
    recordTypeInfos: [
      {
        active: true, available: true, defaultRecordTypeMapping: true, developerName: 'Master', master: true, name: 'Master',
        recordTypeId: '012000000000000AAA', urls: { layout: `/services/data/vxx.0/sobjects/${spec.name}/describe/layouts/012000000000000AAA` },
      },
    ],
  };
}

/** The system fields every object has. */
export function systemFields(): FieldDescribe[] {
  const ro = { createable: false, updateable: false };
  return [
    field({ name: 'IsDeleted', type: 'boolean', label: 'Deleted', nillable: false, defaultedOnCreate: true, ...ro }),
    field({ name: 'CreatedDate', type: 'datetime', label: 'Created Date', nillable: false, defaultedOnCreate: true, ...ro }),
    field({ name: 'CreatedById', type: 'reference', label: 'Created By ID', nillable: false, defaultedOnCreate: true, referenceTo: ['User'], relationshipName: 'CreatedBy', ...ro }),
    field({ name: 'LastModifiedDate', type: 'datetime', label: 'Last Modified Date', nillable: false, defaultedOnCreate: true, ...ro }),
    field({ name: 'LastModifiedById', type: 'reference', label: 'Last Modified By ID', nillable: false, defaultedOnCreate: true, referenceTo: ['User'], relationshipName: 'LastModifiedBy', ...ro }),
    field({ name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp', nillable: false, defaultedOnCreate: true, ...ro }),
  ];
}
