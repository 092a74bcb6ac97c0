/** Salesforce record ids: 15 case-sensitive characters plus a 3-character case-safe checksum. */

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const KEY_PREFIXES: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Case: '500',
  Task: '00T',
  User: '005',
  ContentVersion: '068',
  ContentDocument: '069',
  RecordType: '012',
};

/** The 3 characters Salesforce appends so the id survives case-insensitive systems. */
export function checksum(id15: string): string {
  let out = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(block * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    out += SUFFIX.charAt(bits);
  }
  return out;
}

/** Id number `n` for a key prefix, with the org's instance part, as 18 characters. */
export function makeId(prefix: string, n: number, pod = '5g'): string {
  let body = '';
  let rest = n;
  for (let i = 0; i < 10; i++) {
    body = BASE62.charAt(rest % 62) + body;
    rest = Math.floor(rest / 62);
  }
  const id15 = `${prefix}${pod}${body}`;
  return id15 + checksum(id15);
}

const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Turns a 15- or 18-character id into the 18-character form, or null when it is not an id. */
export function normalizeId(id: string): string | null {
  if (!ID_SHAPE.test(id)) return null;
  const id15 = id.slice(0, 15);
  const full = id15 + checksum(id15);
  if (id.length === 18 && id.slice(15).toUpperCase() !== full.slice(15)) return null;
  return full;
}

export function prefixOf(id: string): string {
  return id.slice(0, 3);
}
