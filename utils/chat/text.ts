import { cutText } from './cut';

/**
 * Page text → plain data: control characters removed, whitespace folded, length capped so a
 * 100,000-character field costs nothing downstream. Markup stays literal text.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
export const CUT_MARK = ' …[cut]';

/** The first `n` UTF-16 units, not ending in half a surrogate pair. */
const bound = (raw: string, n: number) => raw.slice(0, /[\uD800-\uDBFF]/.test(raw[n - 1] ?? '') ? n - 1 : n);

export function cleanField(raw: string | null | undefined, max: number): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const sliced = raw.length > max * 4 ? bound(raw, max * 4) : raw; // bound the work below
  const text = sliced.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return cutText(text, max, CUT_MARK);
}

/** Like cleanField, but keeps line breaks (messages are read as the visitor wrote them). */
export function cleanMessage(raw: string | null | undefined, max: number): string {
  if (!raw) return '';
  const sliced = raw.length > max * 2 ? bound(raw, max * 2) : raw;
  const text = sliced.replace(CONTROL, '').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  return cutText(text, max, CUT_MARK);
}

/** A value the console masked for privacy, such as "j***@example.com" or "+1 415 ••• ••00". */
export function isMasked(value: string): boolean {
  return /\*{2,}|•{2,}|x{4,}|X{4,}/.test(value);
}
