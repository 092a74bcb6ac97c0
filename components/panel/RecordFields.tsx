import type { FieldValue } from '@/utils/mapping/display';
import { formatValue } from '@/utils/mapping/format';
import { editableInPlace } from '@/utils/mapping/validate';
import type { FieldMeta } from '@/utils/salesforce/describe';
import type { Candidate } from '@/utils/messages/protocol';
import { FieldControl } from './FieldControl';
import { i18n } from '#i18n';
import { cancelEdit, focusWhenShown } from './keyboard';
import { uiLocale } from '@/utils/i18n/locale';
import type { PanelStore } from './store';

type Shown = { type: Candidate['type']; id: string; values?: Record<string, FieldValue>; names?: Record<string, string> };

/**
 * A record's shown fields, labelled and formatted as Salesforce would; "Edit" turns the ones
 * that can be edited in place into controls, and "Save" sends the changes in one request.
 */
export function RecordFields({ store, record, fields, title }: { store: PanelStore; record: Shown; fields: FieldMeta[] | undefined; title: string }) {
  if (!fields?.length || !record.values) return null;
  const edit = store.editing.value?.id === record.id ? store.editing.value : null;
  const editable = fields.filter(editableInPlace);
  const notice = store.notice.value?.recordId === record.id ? store.notice.value.text : null;
  const domId = (f: FieldMeta) => `f-${record.id}-${f.name}`;
  const status = store.status.value;
  const currency = record.values.CurrencyIsoCode;
  const readAs = {
    locale: uiLocale(), yes: i18n.t('panel.fields.yes'), no: i18n.t('panel.fields.no'),
    ...(status?.state === 'connected' && status.orgRegion ? { region: status.orgRegion } : {}),
    ...(typeof currency === 'string' ? { currency } : {}),
  };
  return (
    <form
      class="fields"
      data-fields={record.type}
      data-record-id={record.id}
      aria-label={title}
      // Our checks (from describe) speak for every field type; the browser's own bubbles would not.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void store.saveEdit(fields).then(() => focusWhenShown(store.editing.value ? '.fields [aria-invalid="true"], .fields__message' : `.fields[data-record-id="${record.id}"] .fields__notice`));
      }}
    >
      <div class="fields__head">
        <h2 class="fields__title">{title}</h2>
        {!edit && editable.length > 0 && (
          <button type="button" class="link" data-action="edit" onClick={() => { store.startEdit(record); focusWhenShown(`.fields[data-record-id="${record.id}"] .field__control`); }}>{i18n.t('panel.fields.edit')}</button>
        )}
      </div>
      <dl class="fields__list">
        {fields.map((f) => {
          const problem = edit?.problems[f.name];
          const value = edit ? (edit.draft[f.name] ?? null) : (record.values![f.name] ?? null);
          return (
            <div class={`field${problem ? ' field--invalid' : ''}`} key={f.name} data-field={f.name}>
              <dt>{edit && editableInPlace(f) ? <label for={domId(f)}>{f.label}</label> : f.label}</dt>
              <dd>
                {edit && editableInPlace(f) ? (
                  <FieldControl field={f} value={value} id={domId(f)} invalid={!!problem} onChange={(v) => store.setDraft(f, v)} />
                ) : (
                  <bdi class="field__value">{formatValue(f, value, record.names?.[f.name], readAs) || <span class="field__empty">{i18n.t('panel.fields.empty')}</span>}</bdi>
                )}
                {problem && <p class="field__problem" id={`${domId(f)}-problem`} role="alert">{problem}</p>}
              </dd>
            </div>
          );
        })}
      </dl>
      {edit?.message && <p class="fields__message" role="alert">{edit.message}</p>}
      {edit && (
        <div class="fields__actions">
          <button type="submit" class="button" disabled={edit.saving}>{edit.saving ? i18n.t('common.saving') : i18n.t('common.save')}</button>
          <button type="button" class="button button--quiet" disabled={edit.saving} onClick={() => cancelEdit(store)}>{i18n.t('common.cancel')}</button>
        </div>
      )}
      {notice && <p class="fields__notice" role="status">{notice}</p>}
    </form>
  );
}
