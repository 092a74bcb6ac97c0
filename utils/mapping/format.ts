import type { FieldMeta } from '../salesforce/describe';
import type { FieldValue } from './display';

/**
 * A field's value as the agent reads it: picklist labels, dates and numbers in the agent's
 * locale, lookups by name, phones exactly as stored. Empty string for no value.
 */
export function formatValue(field: FieldMeta, value: FieldValue, lookupName?: string, locale?: string): string {
  if (value === null || value === '') return '';
  switch (field.type) {
    case 'boolean':
      return value ? 'Yes' : 'No';
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
    case 'double':
    case 'int':
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: field.scale || 0 }).format(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: field.scale || 0 }).format(value)} %` : String(value);
    default:
      return String(value);
  }
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
