import { makeId } from '../ids';
import { describe, field, systemFields, type SObjectDescribe } from './fields';
import type { buildLayouts } from './layouts';

/** RecordType: the record types themselves, so RecordTypeId references resolve. */
export const recordTypeDescribe = describe({
  name: 'RecordType',
  label: 'Record Type',
  labelPlural: 'Record Types',
  keyPrefix: '012',
  createable: false,
  fields: [
    field({ name: 'Id', type: 'id', label: 'Record Type ID', nillable: false, createable: false, updateable: false, defaultedOnCreate: true }),
    field({ name: 'Name', type: 'string', label: 'Record Type Name', createable: false, updateable: false }),
    field({ name: 'DeveloperName', type: 'string', label: 'Record Type Name', createable: false, updateable: false }),
    field({ name: 'SobjectType', type: 'picklist', label: 'SObject Type Name', createable: false, updateable: false }),
    field({ name: 'IsActive', type: 'boolean', label: 'Active', createable: false, updateable: false }),
    ...systemFields(),
  ],
});

export type RecordTypeSpec = { name: string; developerName: string; default?: boolean; picklists?: Record<string, string[]> };

/**
 * Gives an object record types, as an admin does in Setup: a RecordTypeId field, the record
 * types in describe (Master no longer available), and per record type the picklist values its
 * layout mapping allows.
 */
export function addRecordTypes(meta: { describe: SObjectDescribe; layouts: ReturnType<typeof buildLayouts> }, specs: RecordTypeSpec[], firstId: number): void {
  const { describe: d, layouts } = meta;
  d.fields.splice(1, 0, field({ name: 'RecordTypeId', type: 'reference', label: 'Record Type ID', defaultedOnCreate: true, referenceTo: ['RecordType'], relationshipName: 'RecordType' }));
  const layoutId = layouts.layouts[0]!.id;
  const infos = specs.map((spec, i) => ({
    active: true, available: true, defaultRecordTypeMapping: !!spec.default, developerName: spec.developerName, master: false, name: spec.name,
    recordTypeId: makeId('012', firstId + i), urls: { layout: `/services/data/vxx.0/sobjects/${d.name}/describe/layouts/${makeId('012', firstId + i)}` },
  }));
  d.recordTypeInfos = [{ ...d.recordTypeInfos[0]!, available: false, defaultRecordTypeMapping: false }, ...infos];
  const picklists = d.fields.filter((f) => f.type === 'picklist' || f.type === 'multipicklist');
  layouts.recordTypeMappings = d.recordTypeInfos.map((rt, i) => {
    const spec = specs[i - 1];
    return {
      active: rt.active as boolean, available: rt.available as boolean, defaultRecordTypeMapping: rt.defaultRecordTypeMapping as boolean,
      developerName: rt.developerName as string, layoutId, master: rt.master as boolean, name: rt.name as string,
      picklistsForRecordType: picklists.map((f) => ({ picklistName: f.name, picklistValues: f.picklistValues.filter((p) => !spec?.picklists?.[f.name] || spec.picklists[f.name]!.includes(p.value)) })),
      recordTypeId: rt.recordTypeId as string, urls: rt.urls as Record<string, string>,
    };
  });
  layouts.recordTypeSelectorRequired = [true];
}
