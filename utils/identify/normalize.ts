import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** Emails as Salesforce compares them: trimmed, case-insensitive. Null when it is no email. */
export function normalizeEmail(raw: string | undefined): string | null {
  const value = raw?.trim().toLowerCase();
  return value && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : null;
}

export type PhoneKeys = {
  /** +14155550100 */
  e164: string;
  /** 4155550100: what most orgs store, in whatever punctuation. */
  national: string;
};

const REGION = /^[A-Z]{2}$/;

/**
 * A visitor's phone as the keys to search Salesforce with. The default region comes from
 * settings, else the visitor's session country; numbers with a + need neither.
 */
export function normalizePhone(raw: string | undefined, region?: string): PhoneKeys | null {
  if (!raw) return null;
  const country = region && REGION.test(region.toUpperCase()) ? (region.toUpperCase() as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(raw, country ? { defaultCountry: country } : undefined);
  if (!parsed || !parsed.isPossible()) return null;
  return { e164: parsed.number, national: parsed.nationalNumber };
}
