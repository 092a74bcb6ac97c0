import { i18n } from '#i18n';
import type { OptionsStore } from './store';

/**
 * A setting that takes one value of an org's picklist (a task's status, a case's origin): the org's
 * own values once connected, so nothing is mistyped; a text box before. A stored value the org no
 * longer has stays shown, and is said to be missing.
 */
export function PicklistInput({ store, id, object, field, value, disabled, orgDefault, placeholder, onChange }: {
  store: OptionsStore;
  id: string;
  object: string;
  field: string;
  value: string;
  disabled: boolean;
  /** Empty means "the org's default" (offered first). */
  orgDefault?: boolean;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  const values = store.fields.value?.[object]?.find((f) => f.name === field)?.values;
  if (!values) return <input id={id} disabled={disabled} value={value} placeholder={placeholder} onInput={(e) => onChange(e.currentTarget.value.trim())} />;
  const missing = value && !values.some((v) => v.value === value);
  return (
    <select id={id} disabled={disabled} value={value} data-picklist={`${object}.${field}`} onChange={(e) => onChange(e.currentTarget.value)}>
      {orgDefault && <option value="">{i18n.t('options.records.orgDefault')}</option>}
      {missing && <option value={value}>{i18n.t('options.records.notInOrg', { value })}</option>}
      {values.map((v) => <option key={v.value} value={v.value}>{v.label}</option>)}
    </select>
  );
}
