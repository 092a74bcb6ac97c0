import type { FieldMeta } from '../salesforce/describe';
import { dependentProblem } from './dependent';
import { i18n } from '#i18n';
import type { FieldValue } from './display';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'combobox', 'encryptedstring']);
const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent']);

/** Types the panel can edit in place; lookups need a search (the forms have it), compound fields their parts. */
export function editableInPlace(field: FieldMeta): boolean {
  return field.updateable && !field.calculated && (TEXT_TYPES.has(field.type) || NUMBER_TYPES.has(field.type) || ['boolean', 'date', 'datetime'].includes(field.type));
}

/**
 * What describe says is wrong with a value, in words the agent can act on; null when Salesforce
 * should take it. Checked in the panel as the agent types and again in the background.
 */
export function fieldProblem(field: FieldMeta, value: FieldValue): string | null {
  const blank = value === null || value === '';
  if (blank) return !field.nillable && field.type !== 'boolean' ? i18n.t('field.required') : null;
  if (field.type === 'boolean') return typeof value === 'boolean' ? null : i18n.t('field.yesNo');
  if (NUMBER_TYPES.has(field.type)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return i18n.t('field.number');
    if (field.type === 'int' && !Number.isInteger(value)) return i18n.t('field.wholeNumber');
    const whole = field.type === 'int' ? field.digits : field.precision - field.scale;
    if (whole > 0 && Math.trunc(Math.abs(value)).toString().length > whole) return i18n.t('field.digits', { digits: whole });
    return null;
  }
  if (typeof value !== 'string') return i18n.t('field.text');
  if (field.type === 'date') return DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : i18n.t('field.date');
  if (field.type === 'datetime') return Number.isNaN(Date.parse(value)) ? i18n.t('field.dateTime') : null;
  if (field.length > 0 && value.length > field.length) return i18n.t('field.tooLong', { limit: field.length, length: value.length });
  if (field.type === 'email' && !EMAIL.test(value)) return i18n.t('field.email');
  if ((field.type === 'picklist' || field.type === 'multipicklist') && field.restrictedPicklist) {
    const allowed = new Set(field.picklistValues.map((p) => p.value));
    const chosen = field.type === 'multipicklist' ? value.split(';') : [value];
    if (chosen.some((v) => !allowed.has(v))) return i18n.t('field.listed');
  }
  return null;
}

/** A form control's value as the field's type: numbers, yes/no, ISO date-times, null for blank. */
export function fromControl(field: FieldMeta, raw: string | boolean): FieldValue {
  if (field.type === 'boolean') return raw === true || raw === 'true';
  const text = String(raw);
  if (text.trim() === '') return field.type === 'string' || field.type === 'textarea' ? '' : null;
  if (NUMBER_TYPES.has(field.type)) return Number(text);
  if (field.type === 'datetime') {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? text : at.toISOString();
  }
  return text;
}

/**
 * What stops a new record, field by field: required fields left blank, values describe refuses,
 * and dependent picklist values their controlling value does not allow (Salesforce's own forms
 * enforce those pairs; its API does not, so we must).
 */
export function newRecordProblems(fields: (FieldMeta & { required: boolean })[], values: Record<string, FieldValue>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of fields) {
    const value = values[f.name] ?? null;
    const controller = f.controllerName ? fields.find((c) => c.name === f.controllerName) : undefined;
    const problem = f.required && (value === null || value === '')
      ? i18n.t('field.required')
      : value === null ? null : (fieldProblem(f, value) ?? dependentProblem(f, value, controller, values[f.controllerName ?? ''] ?? null));
    if (problem) problems[f.name] = problem;
  }
  return problems;
}
