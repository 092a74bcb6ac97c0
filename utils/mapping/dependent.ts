import type { FieldMeta, PicklistValue } from '../salesforce/describe';
import { i18n } from '#i18n';
import type { FieldValue } from './display';

/** Whether bit `index` is set in Salesforce's validFor bitmap (base64, most significant bit first). */
function bitSet(validFor: string, index: number): boolean {
  const bytes = atob(validFor);
  const byte = bytes.charCodeAt(index >> 3);
  return !Number.isNaN(byte) && (byte & (0x80 >> (index % 8))) !== 0;
}

/**
 * The values a dependent picklist allows for its controlling field's value (a picklist, or a
 * checkbox: false is bit 0, true bit 1). All values for a field that depends on nothing; none
 * while the controlling field is blank.
 */
export function allowedValues(field: FieldMeta, controller: FieldMeta | undefined, controllerValue: FieldValue): PicklistValue[] {
  if (!field.controllerName || !controller) return field.picklistValues;
  let index: number | undefined;
  if (controller.type === 'boolean') index = controllerValue === true ? 1 : 0;
  else index = controller.picklistValues.find((p) => p.value === controllerValue)?.index;
  if (index === undefined) return [];
  return field.picklistValues.filter((p) => p.validFor && bitSet(p.validFor, index!));
}

/** What is wrong with a dependent value for the controlling value, in the agent's words; null when fine. */
export function dependentProblem(field: FieldMeta, value: FieldValue, controller: FieldMeta | undefined, controllerValue: FieldValue): string | null {
  if (!field.controllerName || !controller || value === null || value === '') return null;
  const allowed = allowedValues(field, controller, controllerValue);
  if (allowed.some((p) => p.value === value)) return null;
  const shown = controllerValue === null || controllerValue === '' ? i18n.t('field.blank') : String(controllerValue);
  return i18n.t('field.notChoice', { controller: controller.label, value: shown });
}
