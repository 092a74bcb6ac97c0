import { soqlContains } from './escape';

/** The object a lookup field searches: a user for owner-like fields (User or Group), else its first target. */
export function lookupTarget(referenceTo: string[]): string | null {
  if (referenceTo.includes('User')) return 'User';
  return referenceTo[0] ?? null;
}

/** The SOQL that finds lookup targets by name as the agent types it (at least two characters). */
export function lookupSoql(object: string, text: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(object) || text.trim().length < 2) return null;
  const active = object === 'User' ? ' AND IsActive = true' : '';
  return `SELECT Id, Name FROM ${object} WHERE Name LIKE ${soqlContains(text.slice(0, 100))}${active} ORDER BY Name LIMIT 10`;
}
