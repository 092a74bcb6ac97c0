import { DEFAULT_MAPPING, type FieldMapping } from '../mapping/defaults';
import { displayFields } from '../mapping/display';
import type { SalesforceClient } from '../salesforce/connection';
import { fieldOf, type ObjectMeta } from '../salesforce/describe';
import { ORG_OBJECTS, type MetadataCache } from '../salesforce/metadata';
import { guessPhoneField, type DisplayFields, type IsPhoneField } from './request';

type Person = 'Contact' | 'Lead';

/**
 * What identification takes from the org's metadata: the fields the panel shows (mapped
 * "display in console", in layout order), the fields to read (those, plus the mapped ones an
 * update strategy compares at chat end, and `also`: the owner and the fields routing rules read),
 * and which fields hold phone numbers.
 */
export async function identifyContext(metadata: MetadataCache, client: SalesforceClient, mapping: FieldMapping = DEFAULT_MAPPING, also: Partial<Record<Person | 'Account', string[]>> = {}): Promise<{ meta: Record<string, ObjectMeta>; display: DisplayFields; read: DisplayFields; isPhone: IsPhoneField }> {
  // All the org's objects at once: the first chat's one metadata request serves its write too.
  const meta = await metadata.objects(client, ORG_OBJECTS);
  const display: DisplayFields = {
    Contact: displayFields(meta.Contact, mapping.Contact),
    Lead: displayFields(meta.Lead, mapping.Lead),
    Account: displayFields(meta.Account, mapping.Account),
  };
  const withMore = (object: Person | 'Account') => {
    const rows = [
      ...(object === 'Account' ? [] : mapping[object].filter((r) => r.chatField)),
      ...(also[object] ?? []).map((sfField) => ({ sfField })),
    ].map((r) => ({ ...r, display: true }));
    const more = displayFields(meta[object], rows);
    return [...display[object]!, ...more.filter((f) => !display[object]!.some((d) => d.name === f.name))];
  };
  const read: DisplayFields = { Contact: withMore('Contact'), Lead: withMore('Lead'), Account: withMore('Account') };
  const isPhone: IsPhoneField = (object, field) => {
    const known = fieldOf(meta[object], field);
    return known ? known.type === 'phone' : guessPhoneField(object, field);
  };
  return { meta, display, read, isPhone };
}
