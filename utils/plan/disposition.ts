import { fieldOf, type ObjectMeta } from '../salesforce/describe';
import type { Settings } from '../settings/schema';

/**
 * The dispositions the wrap-up offers for the chat's record: the admin's list, else the field's
 * active picklist values; null when no field is set, or the record has no such field.
 */
export function dispositionChoices(wrapUp: Settings['wrapUp'], record: ObjectMeta | undefined): { label: string; options: { value: string; label: string }[] } | null {
  const field = wrapUp.dispositionField ? fieldOf(record, wrapUp.dispositionField) : undefined;
  if (!field?.createable) return null;
  const options = wrapUp.dispositions.length ? wrapUp.dispositions.map((value) => ({ value, label: value })) : field.picklistValues.map((p) => ({ value: p.value, label: p.label }));
  return options.length ? { label: record?.layoutLabels[field.name] ?? field.label, options } : null;
}
