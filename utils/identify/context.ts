import { DEFAULT_MAPPING, type FieldMapping } from '../mapping/defaults';
import { displayFields } from '../mapping/display';
import type { SalesforceClient } from '../salesforce/connection';
import { fieldOf, type ObjectMeta } from '../salesforce/describe';
import { ORG_OBJECTS, type MetadataCache } from '../salesforce/metadata';
import { DEFAULT_ROUTING, type RoutingSettings } from '../routing/settings';
import { routingFields } from '../routing/suggest';
import { guessPhoneField, type DisplayFields, type IsPhoneField } from './request';

/** The settings identification reads by: what the panel shows and writes compare, and what routing rules look at. */
type ReadSettings = { mapping: FieldMapping; routing: RoutingSettings };

/**
 * What identification takes from the org's metadata: the fields the panel shows (mapped
 * "display in console", in layout order), the fields to read (those, plus the mapped ones an
 * update strategy compares at chat end, and the owner and the fields routing rules read), and
 * which fields hold phone numbers.
 */
export async function identifyContext(metadata: MetadataCache, client: SalesforceClient, { mapping, routing }: ReadSettings = { mapping: DEFAULT_MAPPING, routing: DEFAULT_ROUTING }): Promise<{ meta: Record<string, ObjectMeta>; display: DisplayFields; read: DisplayFields; isPhone: IsPhoneField }> {
  // All the org's objects at once: the first chat's one metadata request serves its write too.
  const meta = await metadata.objects(client, ORG_OBJECTS);
  const display: DisplayFields = {
    Contact: displayFields(meta.Contact, mapping.Contact),
    Lead: displayFields(meta.Lead, mapping.Lead),
    Account: displayFields(meta.Account, mapping.Account),
  };
  const also = routingFields(routing.rules);
  const withMore = (object: 'Contact' | 'Lead' | 'Account') => {
    const rows = [
      ...(object === 'Account' ? [] : mapping[object].filter((r) => r.chatField)),
      ...also[object].map((sfField) => ({ sfField })),
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
