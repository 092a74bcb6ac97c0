/**
 * Org settings that change what the connected user's describes say, as they do on a real org:
 * another org's describes, field-level security, a custom External ID field for the chat key,
 * multiple currencies, Shared Activities and person accounts. Applied to metadata at reset.
 */
import personAccount from './describe-Account-PersonAccount.json' with { type: 'json' };
import { field, picklist } from './fields';
import { applyFieldSecurity, type FieldAccessRule } from './field-security';
import { loadMetadata, type MetadataSource, type ObjectMetadata } from './index';

export type OrgSettings = {
  /** Describes (and layouts) of a real org, in place of the built-in ones. */
  describes?: MetadataSource[];
  /** Fields the connected user's profile hides or makes read-only. */
  fieldSecurity?: FieldAccessRule[];
  /** A custom text field marked External ID and Unique, e.g. `Chat_Key__c` on Case and Task. */
  externalIdField?: { name: string; label?: string; objects: string[] };
  /** CurrencyIsoCode on every object (USD the corporate currency). */
  multiCurrency?: boolean;
  /** Several contacts on one task or event (TaskWhoIds, EventWhoIds). */
  sharedActivities?: boolean;
  /** Accounts that are people: the Person Account describe of a real org. */
  personAccounts?: boolean;
};

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'];

function addField(meta: ObjectMetadata, spec: Parameters<typeof field>[0]): void {
  if (meta.describe.fields.some((f) => f.name.toLowerCase() === spec.name.toLowerCase())) return;
  meta.describe.fields.push(field(spec));
}

/** The metadata of an org with these settings. `base` is left as it was. */
export function withOrgSettings(base: Map<string, ObjectMetadata>, settings: OrgSettings = {}): Map<string, ObjectMetadata> {
  let metadata = new Map([...base].map(([k, v]) => [k, structuredClone(v)]));
  if (settings.personAccounts) metadata = loadMetadata([{ source: 'describe-Account-PersonAccount.json', describe: structuredClone(personAccount) }], metadata);
  if (settings.describes?.length) metadata = loadMetadata(settings.describes, metadata);
  // Fields an admin adds are not on the page layouts until the admin puts them there.
  const object = (name: string) => {
    const meta = metadata.get(name.toLowerCase());
    if (!meta) throw new Error(`org settings: the org has no object ${name}`);
    return meta;
  };
  if (settings.externalIdField) {
    const { name, label = 'Chat Key', objects } = settings.externalIdField;
    if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(name)) throw new Error(`org settings: ${name} is no custom field name (Name__c)`);
    for (const o of objects) addField(object(o), { name, type: 'string', label, length: 255, externalId: true, unique: true, idLookup: true, custom: true });
  }
  if (settings.multiCurrency) {
    for (const key of metadata.keys()) {
      addField(object(key), { name: 'CurrencyIsoCode', type: 'picklist', label: 'Currency ISO Code', length: 3, restrictedPicklist: true, defaultedOnCreate: true, picklistValues: picklist(CURRENCIES, 'USD') });
    }
  }
  if (settings.sharedActivities) {
    for (const [o, list] of [['Task', 'TaskWhoIds'], ['Event', 'EventWhoIds']] as const) {
      if (!metadata.has(o.toLowerCase())) continue;
      addField(object(o), { name: list, type: 'junctionidlist', label: 'Contact/Lead Ids', length: 0, referenceTo: ['Contact', 'Lead'] });
      addField(object(o), { name: 'WhoCount', type: 'int', label: 'Relation Count', createable: false, updateable: false, digits: 9 });
    }
  }
  return settings.fieldSecurity?.length ? applyFieldSecurity(metadata, settings.fieldSecurity) : metadata;
}
