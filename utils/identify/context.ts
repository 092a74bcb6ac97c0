import { DEFAULT_MAPPING, type FieldMapping } from '../mapping/defaults';
import { displayFields } from '../mapping/display';
import type { SalesforceClient } from '../salesforce/connection';
import { fieldOf } from '../salesforce/describe';
import type { MetadataCache } from '../salesforce/metadata';
import { guessPhoneField, type DisplayFields, type IsPhoneField } from './request';

/**
 * What identification takes from the org's metadata: the fields the panel shows (mapped
 * "display in console", in layout order) and which fields hold phone numbers.
 */
export async function identifyContext(metadata: MetadataCache, client: SalesforceClient, mapping: FieldMapping = DEFAULT_MAPPING): Promise<{ display: DisplayFields; isPhone: IsPhoneField }> {
  const meta = await metadata.objects(client, ['Contact', 'Lead', 'Account']);
  const display: DisplayFields = {
    Contact: displayFields(meta.Contact, mapping.Contact),
    Lead: displayFields(meta.Lead, mapping.Lead),
    Account: displayFields(meta.Account, mapping.Account),
  };
  const isPhone: IsPhoneField = (object, field) => {
    const known = fieldOf(meta[object], field);
    return known ? known.type === 'phone' : guessPhoneField(object, field);
  };
  return { display, isPhone };
}
