import { soqlContains, soslPrefix } from './escape';

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

/**
 * What a Related To (WhatId) search looks in: the types of the field every org has that the
 * panel can name (a case by its number and subject). Custom objects are not searched.
 */
const RELATED_TO: Record<string, string> = {
  Account: 'Account(Id, Name ORDER BY Name LIMIT 5)',
  Case: 'Case(Id, CaseNumber, Subject ORDER BY LastModifiedDate DESC LIMIT 5)',
  Opportunity: 'Opportunity(Id, Name ORDER BY Name LIMIT 5)',
};

/** The types a polymorphic lookup such as Related To searches at once; null for a lookup of one type (or a user). */
export function polymorphicTargets(referenceTo: string[]): string[] | null {
  if (referenceTo.length < 2 || referenceTo.includes('User')) return null;
  const types = Object.keys(RELATED_TO).filter((t) => referenceTo.includes(t));
  return types.length ? types : null;
}

/** One SOSL search of every type a polymorphic lookup allows, by name (a case also by number or subject). */
export function polymorphicSosl(types: string[], text: string): string | null {
  const words = text.trim().length >= 2 ? soslPrefix(text.slice(0, 100)) : null;
  if (!words) return null;
  return `FIND {${words}} IN ALL FIELDS RETURNING ${types.map((t) => RELATED_TO[t]).join(', ')}`;
}

/** A search answer as the lookup lists it: a case by its number and subject. */
export function lookupResult(r: { Id: string; Name?: string; CaseNumber?: string; Subject?: string; attributes?: { type?: string } }): { id: string; name: string; type?: string } {
  const type = r.attributes?.type;
  const name = type === 'Case' ? [r.CaseNumber, r.Subject].filter(Boolean).join(' ') : r.Name;
  return { id: r.Id, name: name || r.Id, ...(type ? { type } : {}) };
}
