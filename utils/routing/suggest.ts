import type { Candidate } from '../messages/protocol';
import type { FieldValue } from '../mapping/display';
import type { RouteObject, RoutingRule } from './settings';

/** A record's owner when it is a person (a lead may belong to a queue, which no console lists). */
export type Owner = { userId: string; name: string; object: RouteObject };
/** Why a rule applies: the field and the value it saw. */
export type Because = { object: RouteObject; field: string; value: string };
export type Suggestion = { to: 'owner'; owner: Owner; because: Because } | { to: 'department'; department: string; because: Because };

type Values = { values?: Record<string, FieldValue>; names?: Record<string, string> };

/** What a rule on `object` reads of the shown record: the record itself, or a contact's account. */
function valuesOf(record: Candidate, object: RouteObject): Values | null {
  if (record.type === object) return record;
  if (object === 'Account' && record.type === 'Contact') return record.account ?? null;
  return null;
}

/** A user's id: the owner of a record may be a queue (00G), which cannot take a chat. */
const isUserId = (id: string) => /^005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(id);

/** The owner of the record (object: the record's own type) or of a contact's account. */
export function ownerOf(record: Candidate, object: RouteObject = record.type): Owner | null {
  const values = valuesOf(record, object);
  const id = values?.values?.OwnerId;
  if (typeof id !== 'string' || !isUserId(id)) return null;
  return { userId: id, name: values?.names?.OwnerId ?? id, object };
}

/** A value as rules compare it: trimmed, any case. */
const plain = (value: string) => value.trim().toLocaleLowerCase();

/** The value of `field` a rule sees, as text (a lookup by its id and its name); null when blank. */
function seen(values: Values, field: string): string[] | null {
  const value = values.values?.[field];
  if (value === null || value === undefined || value === '') return null;
  // A multi-select picklist holds its values as "A;B": each one counts.
  const text = String(value);
  return [text, ...(text.includes(';') ? text.split(';') : []), ...(values.names?.[field] ? [values.names[field]!] : [])];
}

/**
 * The first rule that applies to the record is the suggestion. A rule applies when its field holds
 * one of its values (any value, when it lists none); a rule whose owner is not a person, or whose
 * field the record does not have, does not apply (the next one may).
 */
export function suggestRoute(record: Candidate, rules: readonly RoutingRule[]): Suggestion | null {
  for (const rule of rules) {
    const values = valuesOf(record, rule.object);
    const texts = values && seen(values, rule.field);
    if (!texts) continue;
    const wanted = rule.values.map(plain);
    const hit = wanted.length ? texts.find((t) => wanted.includes(plain(t))) : texts.at(-1);
    if (hit === undefined) continue;
    const because = { object: rule.object, field: rule.field, value: hit };
    if (rule.to === 'department') return { to: 'department', department: rule.department!.trim(), because };
    const owner = ownerOf(record, rule.object);
    if (owner) return { to: 'owner', owner, because };
  }
  return null;
}

/** The fields rules read, per object: identification reads them with the record (and the owner, always). */
export function routingFields(rules: readonly RoutingRule[]): Record<RouteObject, string[]> {
  const fields: Record<RouteObject, string[]> = { Contact: ['OwnerId'], Lead: ['OwnerId'], Account: ['OwnerId'] };
  for (const rule of rules) if (!fields[rule.object].includes(rule.field)) fields[rule.object].push(rule.field);
  return fields;
}
