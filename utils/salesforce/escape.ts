/**
 * Page values going into Salesforce queries. Everything from a chat is untrusted text: these
 * turn it into a literal that can only ever mean itself.
 */

const CONTROL = /[\u0000-\u001F\u007F]/g;

/** A SOQL string literal, quotes included: `O'Brien` → `'O\'Brien'`. */
export function soqlString(value: string): string {
  const escaped = value
    .replace(CONTROL, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/"/g, '\\"');
  return `'${escaped}'`;
}

/** SOSL's reserved characters, each escaped with a backslash inside FIND {…}. */
const SOSL_RESERVED = /[?&|!{}[\]()^~*:\\"'+-]/g;

/** A SOSL search phrase: reserved characters escaped, wildcards disabled, quoted as one phrase. */
export function soslPhrase(value: string): string {
  return `"${value.replace(CONTROL, ' ').replace(SOSL_RESERVED, '\\$&').trim()}"`;
}

/** A SOQL LIKE pattern matching values that contain the text: its own % and _ are literal. */
export function soqlContains(value: string): string {
  const literal = soqlString(value.trim()).slice(1, -1).replace(/[%_]/g, '\\$&');
  return `'%${literal}%'`;
}

/** SOSL search words for text as typed so far: each word escaped, the last one a prefix ("acme cor" finds "Acme Corp"). */
export function soslPrefix(value: string): string | null {
  const words = value.replace(CONTROL, ' ').split(/\s+/).map((w) => w.replace(SOSL_RESERVED, '\\$&')).filter(Boolean).slice(0, 10);
  if (!words.length) return null;
  return `${words.join(' ')}*`;
}
