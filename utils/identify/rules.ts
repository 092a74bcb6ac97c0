import type { ChatSnapshot } from '../chat/snapshot';

/** One identification condition: a chat field (catalogue key) ↔ a Salesforce field. */
export type Condition = { chatField: string; sfField: string };

/** Up to three OR-ed conditions per object (seed 000, "Object Identification Rules"). */
export type IdentifyRules = { contacts: Condition[]; leads: Condition[]; accounts: Condition[] };

/** Until settings carry them: visitor e-mail ↔ Email for contacts and leads. */
export const DEFAULT_RULES: IdentifyRules = {
  contacts: [{ chatField: 'visitor.email', sfField: 'Email' }],
  leads: [{ chatField: 'visitor.email', sfField: 'Email' }],
  accounts: [],
};

/** A chat field's value by catalogue key; pre-chat and custom keys ignore case. */
export function chatValue(snapshot: ChatSnapshot, key: string): string | undefined {
  const dot = key.indexOf('.');
  const group = (snapshot as unknown as Record<string, Record<string, string> | undefined>)[key.slice(0, dot)];
  if (!group || typeof group !== 'object') return undefined;
  const name = key.slice(dot + 1);
  if (name in group) return group[name];
  const lower = name.toLowerCase();
  const found = Object.keys(group).find((k) => k.toLowerCase() === lower);
  return found ? group[found] : undefined;
}
