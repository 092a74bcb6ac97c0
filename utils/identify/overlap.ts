import type { ChatSnapshot } from '../chat/snapshot';
import { normalizeEmail } from './normalize';
import { conditionPhone, conditionValue, guessPhoneField, type IsPhoneField } from './request';
import type { IdentifyRules } from './rules';

/**
 * Which remembered identifications a person written now may have changed. Each identification is
 * kept with the values it searched for, as tokens; a new contact or lead is compared with them by
 * the same tokens, and only the identifications that meet it are forgotten (not every chat's).
 * A phone is known by its last seven digits: two spellings of one number meet, and a stranger's
 * number that ends alike costs one lookup more, never a stale answer.
 */
const phoneToken = (digits: string) => `tel:${digits.slice(-7)}`;

/** A value's tokens: its text as identification compares it, and its digits when it has a phone's worth. */
export function valueTokens(value: string): string[] {
  const text = normalizeEmail(value) ?? value.trim().toLowerCase();
  const digits = value.replace(/\D/g, '');
  return [...(text ? [`text:${text}`] : []), ...(digits.length >= 7 ? [phoneToken(digits)] : [])];
}

/** What an identification of this chat searches for, as tokens. */
export function searchedTokens(snapshot: ChatSnapshot, rules: IdentifyRules, { isPhone = guessPhoneField, region }: { isPhone?: IsPhoneField; region?: string } = {}): string[] {
  const tokens = new Set<string>();
  const objects = [['Contact', rules.contacts], ['Lead', rules.leads], ['Account', rules.accounts]] as const;
  for (const [object, conditions] of objects) {
    for (const condition of conditions) {
      if (isPhone(object, condition.sfField)) {
        const phone = conditionPhone(snapshot, condition, region);
        if (phone) tokens.add(phoneToken(phone.e164.replace(/\D/g, '')));
        continue;
      }
      const value = conditionValue(snapshot, condition);
      for (const token of value ? valueTokens(value) : []) tokens.add(token);
    }
  }
  return [...tokens];
}

/** A record's values as written (a new contact's or lead's), as tokens. */
export const recordTokens = (values: Record<string, unknown>): string[] =>
  [...new Set(Object.values(values).flatMap((v) => (typeof v === 'string' ? valueTokens(v) : [])))];

/** Whether a remembered identification may see the person these tokens describe (one kept without its tokens always may). */
export const meets = (searched: string[] | undefined, written: string[]) => !searched || searched.some((t) => written.includes(t));
