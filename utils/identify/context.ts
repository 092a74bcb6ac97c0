import { DEFAULT_MAPPING, type FieldMapping } from '../mapping/defaults';
import { displayFields } from '../mapping/display';
import type { SalesforceClient } from '../salesforce/connection';
import { fieldOf, type ObjectMeta } from '../salesforce/describe';
import { ORG_OBJECTS, type MetadataCache } from '../salesforce/metadata';
import { guessPhoneField, type DisplayFields, type IsPhoneField } from './request';

/**
 * What identification takes from the org's metadata: the fields the panel shows (mapped
 * "display in console", in layout order), the fields to read (those, plus the mapped ones an
 * update strategy compares at chat end), and which fields hold phone numbers.
 */
export async function identifyContext(metadata: MetadataCache, client: SalesforceClient, mapping: FieldMapping = DEFAULT_MAPPING): Promise<{ meta: Record<string, ObjectMeta>; display: DisplayFields; read: DisplayFields; isPhone: IsPhoneField }> {
  // All the org's objects at once: the first chat's one metadata request serves its write too.
  const meta = await metadata.objects(client, ORG_OBJECTS);
  const display: DisplayFields = {
    Contact: displayFields(meta.Contact, mapping.Contact),
    Lead: displayFields(meta.Lead, mapping.Lead),
    Account: displayFields(meta.Account, mapping.Account),
  };
  const withMapped = (object: 'Contact' | 'Lead' | 'Account') => {
    const mapped = displayFields(meta[object], mapping[object].filter((r) => r.chatField).map((r) => ({ ...r, display: true })));
    return [...display[object]!, ...mapped.filter((f) => !display[object]!.some((d) => d.name === f.name))];
  };
  const read: DisplayFields = { Contact: withMapped('Contact'), Lead: withMapped('Lead'), Account: display.Account };
  const isPhone: IsPhoneField = (object, field) => {
    const known = fieldOf(meta[object], field);
    return known ? known.type === 'phone' : guessPhoneField(object, field);
  };
  return { meta, display, read, isPhone };
}
