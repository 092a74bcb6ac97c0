import type { FieldValue } from '@/utils/mapping/display';
import { toControl } from '@/utils/mapping/format';
import { fromControl } from '@/utils/mapping/validate';
import { i18n } from '#i18n';
import type { FieldMeta, PicklistValue } from '@/utils/salesforce/describe';

const INPUT_TYPES: Record<string, string> = {
  email: 'email', phone: 'tel', url: 'url', date: 'date', datetime: 'datetime-local',
  int: 'number', double: 'number', currency: 'number', percent: 'number',
};

/** The control a field's type calls for: dropdowns for picklists, date pickers, checkboxes, text. */
export function FieldControl({ field, value, id, invalid, onChange, options = field.picklistValues }: {
  field: FieldMeta;
  value: FieldValue;
  id: string;
  invalid: boolean;
  onChange: (value: FieldValue) => void;
  /** The picklist values to offer: a dependent picklist offers those its controlling value allows. */
  options?: PicklistValue[];
}) {
  const common = { id, name: field.name, 'aria-invalid': invalid, 'aria-describedby': invalid ? `${id}-problem` : undefined, class: 'field__control' };
  if (field.type === 'boolean') {
    return <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(fromControl(field, e.currentTarget.checked))} />;
  }
  if (field.type === 'picklist') {
    const current = value === null ? '' : String(value);
    const known = options.some((p) => p.value === current);
    return (
      <select {...common} value={current} onChange={(e) => onChange(fromControl(field, e.currentTarget.value))}>
        <option value="">{i18n.t('common.none')}</option>
        {/* A value no longer in the list stays visible, so opening the editor changes nothing by itself. */}
        {!known && current && <option value={current}>{current}</option>}
        {options.map((p) => (
          <option key={p.value} value={p.value}>{p.label}</option>
        ))}
      </select>
    );
  }
  if (field.type === 'textarea') {
    return <textarea {...common} rows={3} value={toControl(field, value)} onInput={(e) => onChange(fromControl(field, e.currentTarget.value))} />;
  }
  const step = field.type === 'int' ? '1' : field.scale ? String(10 ** -field.scale) : 'any';
  return (
    <input
      {...common}
      type={INPUT_TYPES[field.type] ?? 'text'}
      step={INPUT_TYPES[field.type] === 'number' ? step : undefined}
      value={toControl(field, value)}
      onInput={(e) => onChange(fromControl(field, e.currentTarget.value))}
    />
  );
}
