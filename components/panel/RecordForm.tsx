import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { lightningUrl } from '@/utils/identify/lightning';
import { allowedValues } from '@/utils/mapping/dependent';
import { editableInPlace } from '@/utils/mapping/validate';
import { FieldControl } from './FieldControl';
import { LookupControl } from './LookupControl';
import { i18n } from '#i18n';
import { useEffect } from 'preact/hooks';
import { rich, slots } from '@/components/text/rich';
import { objectName } from '@/components/text/objects';
import { countOf, listOf } from '@/utils/i18n/locale';
import { personOf, recordOf } from '@/utils/plan/actions';
import { cancelForm, focusWhenShown } from './keyboard';
import { shownByDefault, shownRecord, type PanelStore } from './store';

/**
 * A new record's form as the org's layout has it: its sections, required marks and picklists,
 * filled from the mapping; "Show all fields of the default layout" reveals the rest.
 */
export function RecordForm({ store, chat, instanceUrl }: { store: PanelStore; chat: ChatSnapshot; instanceUrl: string }) {
  const form = store.form.value;
  useFirstField(chat.chatId, form?.object ?? '', !!form?.sections.length);
  if (!form || form.chatId !== chat.chatId) return null;
  const now = form.object === 'Contact' || form.object === 'Lead';
  const all = form.sections.flatMap((s) => s.fields);
  const hidden = all.filter((f) => !shownByDefault(form, f.name)).length;
  // Filled but not on the layout: the chat's values (and the person link) go all the same; the agent is told.
  const offLayout = form.offLayout.filter((f) => { const v = form.values[f.name]; return v !== undefined && v !== null && v !== ''; });
  const controllerOf = (f: (typeof all)[number]) => (f.controllerName ? all.find((c) => c.name === f.controllerName) : undefined);
  // Before another case: the ones the customer already has open ("no existing open case for the same issue").
  const shown = form.object === 'Case' ? shownRecord(store, chat.chatId)?.record : undefined;
  const own = shown?.related?.cases ?? [];
  const theirs = shown?.related?.accountCases ?? [];
  const openCases = [...own, ...theirs];
  const account = shown?.account?.name || i18n.t('panel.form.itsAccount');
  const openCasesSay = own.length && theirs.length
    ? rich(i18n.t('panel.form.openCases.both', { ...slots('person', 'account'), count: countOf(openCases.length) }), { person: <bdi>{shown!.name}</bdi>, account: <bdi>{account}</bdi> })
    : rich(openCases.length === 1 ? i18n.t('panel.form.openCases.one', slots('whose')) : i18n.t('panel.form.openCases.many', { ...slots('whose'), count: countOf(openCases.length) }), { whose: <bdi>{theirs.length ? account : shown?.name}</bdi> });
  const objectLabel = form.label;
  // Two steps when the person is made first: the contact or lead, then the case or task (said, so the agent knows a second form follows).
  const twoSteps = personOf(form.action) !== null && (form.object === personOf(form.action) || store.manual.value[chat.chatId]?.record.matched.includes('created'));
  const step = form.object === recordOf(form.action) ? 2 : 1;
  return (
    <form
      class="record-form"
      data-form={form.object}
      aria-label={i18n.t('panel.form.title', { object: objectLabel })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void store.submitForm(chat, instanceUrl).then(() => focusAfterSave(store, form.object));
      }}
    >
      {twoSteps && (
        <p class="record-form__steps" data-step={step}>
          {i18n.t('panel.form.steps', { step, steps: 2, what: step === 1 ? objectName(form.object) : objectName(recordOf(form.action)) })}
        </p>
      )}
      <h2 class="fields__title">
        {form.person
          ? rich(i18n.t('panel.form.titleFor', { ...slots('person'), object: objectLabel }), { person: <bdi>{form.person.name || form.person.id}</bdi> })
          : i18n.t('panel.form.title', { object: objectLabel })}
      </h2>
      {openCases.length > 0 && (
        <div class="record-form__open-cases" role="note" data-open-cases-check={openCases.length}>
          <p>{openCasesSay}</p>
          <ul>
            {openCases.map((c) => (
              <li key={c.id}>
                <a href={lightningUrl(instanceUrl, 'Case', c.id)} target="_blank" rel="noopener noreferrer"><bdi>{c.number}</bdi></a> <bdi>{c.subject ?? ''}</bdi>{c.status ? <> (<bdi>{c.status}</bdi>)</> : null}{' '}
                <button type="button" class="button button--quiet button--small" data-action="attach-instead" data-case={c.number} onClick={() => { store.cancelForm(); void store.attachCase(chat, { id: c.id, number: c.number }); }}>{i18n.t('panel.form.attachInstead')}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!form.sections.length && form.saving && <p class="search__note" role="status">{i18n.t('panel.form.loading')}</p>}
      {form.recordTypes.length > 1 && (
        <div class="field record-form__type" data-field="RecordTypeId">
          <label for={`form-${form.object}-RecordTypeId`}>{i18n.t('panel.form.recordType')}</label>
          <select
            id={`form-${form.object}-RecordTypeId`}
            class="field__control"
            value={form.recordTypeId ?? ''}
            disabled={form.saving}
            onChange={(e) => void store.changeRecordType(chat, e.currentTarget.value)}
          >
            {form.recordTypes.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </div>
      )}
      {form.sections.map((section) => {
        const fields = section.fields.filter((f) => form.showAll || shownByDefault(form, f.name));
        if (!fields.length) return null;
        return (
          <fieldset class="record-form__section" key={section.heading}>
            <legend>{section.heading}</legend>
            <dl class="fields__list">
              {fields.map((f) => {
                const id = `form-${form.object}-${f.name}`;
                const problem = form.problems[f.name];
                const editable = editableInPlace({ ...f, updateable: true });
                const lookup = f.type === 'reference' && f.referenceTo.length > 0;
                return (
                  <div class={`field${problem ? ' field--invalid' : ''}${f.required && (form.values[f.name] ?? '') === '' ? ' field--todo' : ''}`} key={f.name} data-field={f.name}>
                    <dt>
                      <label for={id}>{f.label}</label>
                      {f.required && <span class="field__required" title={i18n.t('panel.fields.required')}> *</span>}
                    </dt>
                    <dd>
                      {lookup ? (
                        <LookupControl
                          field={f} id={id} invalid={!!problem}
                          value={(form.values[f.name] as string | null) ?? null}
                          name={form.lookupNames[f.name]}
                          search={(text) => store.searchLookup(f, text)}
                          onChange={(value, name) => store.setLookup(f, value, name)}
                        />
                      ) : editable ? (
                        <FieldControl
                          field={f} value={form.values[f.name] ?? null} id={id} invalid={!!problem} onChange={(v) => store.setFormValue(f, v)}
                          options={allowedValues(f, controllerOf(f), form.values[f.controllerName ?? ''] ?? null)}
                        />
                      ) : (
                        <span class="field__empty">{i18n.t('panel.fields.setByExtension')}</span>
                      )}
                      {problem && <p class="field__problem" role="alert">{problem}</p>}
                      {f.name === 'LastName' && fields.some((o) => o.name === 'FirstName') && (
                        <button type="button" class="link" data-action="swap-names" disabled={form.saving} onClick={store.swapNames}>{i18n.t('panel.form.swapNames')}</button>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </fieldset>
        );
      })}
      {!form.showAll && hidden > 0 && (
        <button type="button" class="link" data-action="show-all" onClick={store.showAllFields}>{i18n.t('panel.form.showAll', { count: countOf(hidden) })}</button>
      )}
      {offLayout.length > 0 && (
        <p class="record-form__off-layout" data-off-layout={offLayout.map((f) => f.name).join(' ')}>
          {rich(i18n.t('panel.form.offLayout', { ...slots('fields'), object: objectLabel }), { fields: <bdi>{listOf(offLayout.map((f) => f.label))}</bdi> })}
        </p>
      )}
      {form.message && <p class="fields__message" role="alert">{form.message}</p>}
      {form.duplicates.length > 0 && (
        <div class="record-form__duplicates" data-duplicates="">
          <p>{i18n.t('panel.form.alreadyHas')}</p>
          <ul>
            {form.duplicates.map((d) => (
              <li key={d.id}>
                <a href={lightningUrl(instanceUrl, d.object, d.id)} target="_blank" rel="noopener noreferrer">{d.object === 'Lead' ? i18n.t('panel.form.openExisting.Lead') : i18n.t('panel.form.openExisting.Contact')}</a>{' '}
                <button type="button" class="button button--quiet" data-action="use-existing" onClick={() => void store.useExisting(chat, instanceUrl, d)}>{i18n.t('panel.form.useExisting')}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="fields__actions">
        <button type="submit" class="button" disabled={form.saving}>{form.saving ? i18n.t('common.saving') : now ? i18n.t('panel.form.create', { object: objectLabel }) : i18n.t('panel.form.saveForEnd')}</button>
        {(form.object === 'Case' || form.object === 'Task') && (
          // The customer may need the case number while the chat goes on; a task may be wanted in Salesforce at once.
          <button type="button" class="button button--quiet" data-action="create-now" disabled={form.saving} onClick={() => void store.createNow(chat, instanceUrl).then(() => focusAfterSave(store, form.object))}>{i18n.t('panel.form.createNow')}</button>
        )}
        <button type="button" class="button button--quiet" disabled={form.saving} onClick={() => cancelForm(store)}>{i18n.t('common.cancel')}</button>
      </div>
    </form>
  );
}

/**
 * After Save: on the first field still to fix when the same form stays open, on what was saved when
 * it closed (the record now shown, or what the chat's end will write). The next step's form (the
 * case after its contact) takes the focus itself, to its first field.
 */
function focusAfterSave(store: PanelStore, object: string): void {
  const open = store.form.value;
  if (open?.object === object) focusWhenShown(Object.keys(open.problems).length ? '.record-form [aria-invalid="true"]' : '.record-form .fields__message, .record-form__duplicates a');
  else if (!open) focusWhenShown(object === 'Case' || object === 'Task' ? '[data-created-now], .write [role="status"]' : '.identity[data-by-hand] .identity__name');
}

/** When the form has loaded: the focus goes to the first field to fill (required and empty), else the first field. */
function useFirstField(chatId: string, object: string, loaded: boolean): void {
  useEffect(() => {
    // Only while the agent is in the panel (they opened the form): never pulled from the console.
    if (loaded && document.hasFocus()) focusWhenShown('.record-form .field--todo .field__control, .record-form .field__control');
  }, [chatId, object, loaded]);
}
