import { soslPhrase } from '../salesforce/escape';
import { toCandidate, type Candidate, type SfRecord } from './rank';
import { selectLists, type DisplayFields } from './request';

export const SEARCH_MIN = 2;

/**
 * The SOSL for the agent's own search by name, e-mail or phone: all fields of contacts, leads
 * (not converted) and accounts. Null when the text is too short to search.
 */
export function manualSearchSosl(text: string, display: DisplayFields = {}): string | null {
  const phrase = text.trim();
  if (phrase.replace(/\W/g, '').length < SEARCH_MIN) return null;
  // The same fields as identification, so a record picked by hand shows like a matched one.
  const select = selectLists({ contacts: [], leads: [], accounts: [] }, display);
  const order = 'ORDER BY LastModifiedDate DESC LIMIT 10';
  return `FIND {${soslPhrase(phrase.slice(0, 200))}} IN ALL FIELDS RETURNING Contact(${select.Contact.join(', ')} ${order}), Lead(${select.Lead.join(', ')} WHERE IsConverted = false ${order}), Account(${select.Account.join(', ')} ${order})`;
}

/** SOSL search records → candidates the panel can offer (matched by hand: no rule conditions). */
export function searchCandidates(records: SfRecord[], display: DisplayFields = {}): Candidate[] {
  return records.flatMap((r): Candidate[] => {
    const type = r.attributes?.type;
    if (type !== 'Contact' && type !== 'Lead' && type !== 'Account') return [];
    const candidate = toCandidate(r, type, ['search'], display);
    return [{ ...candidate, name: candidate.name || r.Id }];
  });
}
