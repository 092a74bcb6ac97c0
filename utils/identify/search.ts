import { soslPhrase } from '../salesforce/escape';
import { toCandidate, type Candidate, type SfRecord } from './rank';

export const SEARCH_MIN = 2;

/**
 * The SOSL for the agent's own search by name, e-mail or phone: all fields of contacts, leads
 * (not converted) and accounts. Null when the text is too short to search.
 */
export function manualSearchSosl(text: string): string | null {
  const phrase = text.trim();
  if (phrase.replace(/\W/g, '').length < SEARCH_MIN) return null;
  return `FIND {${soslPhrase(phrase.slice(0, 200))}} IN ALL FIELDS RETURNING Contact(Id, Name, Email, Phone, AccountId, Account.Name, LastModifiedDate ORDER BY LastModifiedDate DESC LIMIT 10), Lead(Id, Name, Email, Phone, Company, LastModifiedDate WHERE IsConverted = false ORDER BY LastModifiedDate DESC LIMIT 10), Account(Id, Name, Phone, LastModifiedDate ORDER BY LastModifiedDate DESC LIMIT 10)`;
}

/** SOSL search records → candidates the panel can offer (matched by hand: no rule conditions). */
export function searchCandidates(records: SfRecord[]): Candidate[] {
  return records.flatMap((r): Candidate[] => {
    const type = r.attributes?.type;
    if (type !== 'Contact' && type !== 'Lead' && type !== 'Account') return [];
    const candidate = toCandidate(r, type, ['search']);
    return [{ ...candidate, name: candidate.name || r.Id }];
  });
}
