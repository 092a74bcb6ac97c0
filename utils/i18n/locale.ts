import { browser } from 'wxt/browser';

/**
 * The agent's language as the browser shows the extension's text (`browser.i18n`), so dates,
 * numbers and currencies read in the same language as the labels beside them.
 */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** A time of day ("14:05" in German, "2:05 PM" in English). */
export const timeOf = (at: number | string | Date) => new Date(at).toLocaleTimeString(uiLocale(), { hour: 'numeric', minute: '2-digit' });

/** A day ("7 Dec 2026"). */
export const dayOf = (at: number | string | Date) => new Date(at).toLocaleDateString(uiLocale(), { day: 'numeric', month: 'short', year: 'numeric' });

/** A day and time. */
export const momentOf = (at: number | string | Date) => new Date(at).toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });

/** A count ("15,000"; "15.000" in German). */
export const countOf = (n: number) => n.toLocaleString(uiLocale());

/** Names joined as the language joins them ("A, B and C"). */
export const listOf = (names: readonly string[]) => new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(names);
