import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/min';

/** A phone number as identification compares it. */
export type Phone = {
  /** +33612345678 */
  e164: string;
  /** The number's own country calling code and national significant number: 33, 612345678. */
  callingCode: string;
  national: string;
  /** As its country writes it at home, trunk prefix and all: "06 12 34 56 78", "011 15-2345-6789". */
  written: string;
  /** Written with its country (+, 00 or an exit code); otherwise read in an assumed region. */
  explicit: boolean;
  /** The region it belongs to, when its calling code tells (not +1 or +44 alone). */
  country?: CountryCode;
};

const COUNTRIES = new Set<string>(getCountries());
let names: Map<string, CountryCode> | undefined;

/** English country names → ISO codes, built once: consoles show "France" as often as "FR". */
function countryByName(name: string): CountryCode | undefined {
  if (!names) {
    names = new Map();
    const display = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of COUNTRIES) names.set(display.of(code)!.toLowerCase(), code as CountryCode);
  }
  return names.get(name.toLowerCase());
}

/** An ISO 3166 region libphonenumber knows, from a code ("fr", "FR") or an English name ("France"). */
export function asRegion(value: string | null | undefined): CountryCode | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (COUNTRIES.has(text.toUpperCase())) return text.toUpperCase() as CountryCode;
  return countryByName(text);
}

/**
 * Where a number written without its country is read, best first: the visitor's country, else
 * the console's, else the org's default. Unknown regions are left out.
 */
export function phoneRegions(visitorCountry: string | undefined, ...fallbacks: (string | null | undefined)[]): CountryCode[] {
  return [...new Set([visitorCountry, ...fallbacks].map(asRegion).filter((r): r is CountryCode => !!r))];
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

const toPhone = (parsed: PhoneNumber, explicit: boolean): Phone => ({
  e164: parsed.number, callingCode: parsed.countryCallingCode, national: parsed.nationalNumber, written: parsed.formatNational(), explicit, ...(parsed.country ? { country: parsed.country } : {}),
});

/**
 * Every valid reading of a phone as written, surest first: with the country it says (+33…,
 * 0033…), then in each region (where it may say a country after that region's exit code, 011 33…
 * in the US). A possible length is not enough: ٠١٢٣٤٥٦٧٨٩ is no US number.
 */
function readings(raw: string | undefined, regions: readonly CountryCode[]): Phone[] {
  const text = raw?.trim();
  if (!text || text.length > 64) return [];
  const international = parsePhoneNumberFromString(text);
  if (international?.isValid()) return [toPhone(international, true)];
  const out: Phone[] = [];
  // "00" is the exit code of most of the world, and written by visitors everywhere.
  const digits = text.replace(/^tel:/i, '').replace(/[\s().\-/]/g, '');
  const viaZeros = /^00[1-9]/.test(digits) ? parsePhoneNumberFromString(`+${digits.slice(2)}`) : undefined;
  if (viaZeros?.isValid()) out.push(toPhone(viaZeros, true));
  for (const region of regions) {
    const parsed = parsePhoneNumberFromString(text, { defaultCountry: region });
    if (parsed?.isValid()) out.push(toPhone(parsed, parsed.countryCallingCode !== getCountryCallingCode(region)));
  }
  return out;
}

/**
 * A phone as written, read as one valid number: with its country when it says it, else in the
 * first region where it is valid, unless a later region reads a country after its exit code
 * ("011 43 664 123456", typed in a US org, is Austria's, though Austria reads a long national
 * number). Null when no reading is valid.
 */
export function parsePhone(raw: string | undefined, regions: readonly CountryCode[]): Phone | null {
  const all = readings(raw, regions);
  return all.find((p) => p.explicit) ?? all[0] ?? null;
}

/**
 * The key two spellings of one number share. Argentina's mobiles are dialled with a 9 from
 * abroad and written without it as often as with it (+54 9 11 2345-6789, +54 11 2345-6789).
 */
export function phoneKey(phone: Phone): string {
  if (phone.callingCode === '54' && /^9\d{10}$/.test(phone.national)) return `+54${phone.national.slice(1)}`;
  return phone.e164;
}

/**
 * The terms a SOSL phone search needs to find this number however it is stored: the full number
 * ("+33 6 12 34 56 78", "0033 6…"), the national one ("6 12 34 56 78") and as dialled at home
 * ("06 12 34 56 78", Argentina's "011 15-2345-6789"). Salesforce ORs them in one search.
 */
export function phoneSearchTerms(phone: Phone): string[] {
  const terms = [phone, argentineTwin(phone)].flatMap((p) => {
    if (!p) return [];
    const full = `${p.callingCode}${p.national}`;
    // Fewer than 5 digits would find parts of other numbers: such a number is searched in full only.
    return [full, ...[p.national, digitsOf(p.written)].filter((t) => t.length >= 5)];
  });
  return [...new Set(terms)];
}

/** An Argentine mobile with and without its 9 (written 011 15-2345-6789 at home): the other spelling. */
function argentineTwin(phone: Phone): Phone | null {
  if (phone.callingCode !== '54') return null;
  if (/^9\d{10}$/.test(phone.national)) return parsePhone(`+54${phone.national.slice(1)}`, []);
  return /^\d{10}$/.test(phone.national) ? parsePhone(`+549${phone.national}`, []) : null;
}

/**
 * Whether a stored number is the visitor's: the same number, read in the regions the visitor's
 * was read in. Null when it is another number; else how much the match rests on that reading,
 * so that ranking puts surer matches first: 0 the stored number says its country; 1 it is
 * written as the visitor's country writes it ("06 12 34 56 78" in France); 2 it has the digits
 * dialled there (0612345678); 3 it only reads as that number there (a Spanish "612 34 56 78").
 */
export function samePhone(stored: string | undefined, visitor: Phone, regions: readonly CountryCode[]): 0 | 1 | 2 | 3 | null {
  // Any of the regions' readings: "011 248 2 510 123", typed in a US org, reads as a US number in the Seychelles.
  const have = readings(stored, regions).find((p) => phoneKey(p) === phoneKey(visitor));
  if (!have) return null;
  if (have.explicit) return 0;
  if (stored!.trim() === visitor.written) return 1;
  return digitsOf(stored!) === digitsOf(visitor.written) ? 2 : 3;
}
