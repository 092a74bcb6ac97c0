import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { FieldMeta } from '../salesforce/describe';
import type { FieldValue } from './display';

/** How the agent reads values: their language, the words for a checkbox, the org's country and the record's currency. */
export type ReadAs = { locale?: string; yes?: string; no?: string; region?: string; currency?: string };

/**
 * A field's value as the agent reads it: picklist labels, dates, numbers and amounts (with the
 * record's currency code) in the agent's locale, lookups by name; phones as stored, except those
 * written in the international form (+14155550100, as the extension writes them), which read as
 * the org's own are written: nationally for its country, internationally for others.
 */
export function formatValue(field: FieldMeta, value: FieldValue, lookupName?: string, { locale, yes = 'Yes', no = 'No', region, currency }: ReadAs = {}): string {
  if (value === null || value === '') return '';
  switch (field.type) {
    case 'boolean':
      return value ? yes : no;
    case 'phone':
      return readablePhone(String(value), region);
    case 'reference':
      return lookupName ?? String(value);
    case 'picklist':
    case 'multipicklist':
      return String(value).split(';').map((v) => field.picklistValues.find((p) => p.value === v)?.label ?? v).join('; ');
    case 'date': {
      // A date has no time zone: read it as a calendar day, not as UTC midnight.
      const [y, m, d] = String(value).split('-').map(Number);
      const day = new Date(y!, (m ?? 1) - 1, d ?? 1);
      return Number.isNaN(day.getTime()) ? String(value) : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(day);
    }
    case 'datetime': {
      const at = new Date(String(value));
      return Number.isNaN(at.getTime()) ? String(value) : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    }
    case 'currency':
      // With the record's currency code when it has one (multi-currency orgs); else the amount alone.
      if (typeof value === 'number' && currency) return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: field.scale || 0 }).format(value);
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: field.scale || 0 }).format(value) : String(value);
    case 'double':
    case 'int':
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: field.scale || 0 }).format(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: field.scale || 0 }).format(value)} %` : String(value);
    default:
      return String(value);
  }
}

/** "+14155550100" → "(415) 555-0100" in a US org, "+1 415 555 0100" elsewhere; anything else as it is. */
function readablePhone(text: string, region?: string): string {
  if (!/^\+\d{6,15}$/.test(text)) return text;
  const phone = parsePhoneNumberFromString(text);
  if (!phone?.isValid()) return text;
  return phone.country && phone.country === (region as CountryCode | undefined) ? phone.formatNational() : phone.formatInternational();
}

/** A value as a form control holds it: date-times in local time for datetime-local inputs. */
export function toControl(field: FieldMeta, value: FieldValue): string {
  if (value === null) return '';
  if (field.type === 'datetime') {
    const at = new Date(String(value));
    if (Number.isNaN(at.getTime())) return '';
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 16);
  }
  return String(value);
}
