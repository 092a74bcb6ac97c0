import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { lightningUrl } from '@/utils/identify/lightning';
import { allowedValues } from '@/utils/mapping/dependent';
import { editableInPlace } from '@/utils/mapping/validate';
import { FieldControl } from './FieldControl';
import { LookupControl } from './LookupControl';
import { shownByDefault, shownRecord, type PanelStore } from './store';

/**
 * A new record's form as the org's layout has it: its sections, required marks and picklists,
 * filled from the mapping; "Show all fields of the default layout" reveals the rest.
 */
export function RecordForm({ store, chat, instanceUrl }: { store: PanelStore; chat: ChatSnapshot; instanceUrl: string }) {
  const form = store.form.value;
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
  const account = shown?.account?.name || 'its account';
  const whose = own.length && theirs.length ? <><bdi>{shown!.name}</bdi> and <bdi>{account}</bdi></> : <bdi>{theirs.length ? account : shown?.name}</bdi>;
  return (
    <form
      class="record-form"
      data-form={form.object}
      aria-label={`New ${form.label}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void store.submitForm(chat, instanceUrl);
      }}
    >
      <h3 class="fields__title">New {form.label}{form.person ? <> for <bdi>{form.person.name || form.person.id}</bdi></> : null}</h3>
      {openCases.length > 0 && (
        <div class="record-form__open-cases" role="note" data-open-cases-check={openCases.length}>
          <p>{whose} {openCases.length === 1 ? 'has an open case' : `${own.length && theirs.length ? 'have' : 'has'} ${openCases.length} open cases`}. Is this chat about {openCases.length === 1 ? 'it' : 'one of them'}?</p>
          <ul>
            {openCases.map((c) => (
              <li key={c.id}>
                <a href={lightningUrl(instanceUrl, 'Case', c.id)} target="_blank" rel="noopener noreferrer"><bdi>{c.number}</bdi></a> <bdi>{c.subject ?? ''}</bdi>{c.status ? ` (${c.status})` : ''}{' '}
                <button type="button" class="button button--quiet button--small" data-action="attach-instead" data-case={c.number} onClick={() => { store.cancelForm(); void store.attachCase(chat, { id: c.id, number: c.number }); }}>Attach the chat to it instead</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!form.sections.length && form.saving && <p class="search__note">Loading the form…</p>}
      {form.recordTypes.length > 1 && (
        <div class="field record-form__type" data-field="RecordTypeId">
          <label for={`form-${form.object}-RecordTypeId`}>Record type</label>
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
                  <div class={`field${problem ? ' field--invalid' : ''}`} key={f.name} data-field={f.name}>
                    <dt>
                      <label for={id}>{f.label}</label>
                      {f.required && <span class="field__required" title="Required"> *</span>}
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
                        <span class="field__empty">set by the extension</span>
                      )}
                      {problem && <p class="field__problem" role="alert">{problem}</p>}
                      {f.name === 'LastName' && fields.some((o) => o.name === 'FirstName') && (
                        <button type="button" class="link" data-action="swap-names" disabled={form.saving} onClick={store.swapNames}>Swap first and last name</button>
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
        <button type="button" class="link" data-action="show-all" onClick={store.showAllFields}>Show all fields of the default layout ({hidden} more)</button>
      )}
      {offLayout.length > 0 && (
        <p class="record-form__off-layout" data-off-layout={offLayout.map((f) => f.name).join(' ')}>
          Also written, not on this org's {form.label} layout: {offLayout.map((f, i) => <span key={f.name}>{i ? ', ' : ''}<bdi>{f.label}</bdi></span>)}.
        </p>
      )}
      {form.message && <p class="fields__message" role="alert">{form.message}</p>}
      {form.duplicates.length > 0 && (
        <div class="record-form__duplicates" data-duplicates="">
          <p>Salesforce already has this person:</p>
          <ul>
            {form.duplicates.map((d) => (
              <li key={d.id}>
                <a href={lightningUrl(instanceUrl, d.object, d.id)} target="_blank" rel="noopener noreferrer">Open the existing {d.object.toLowerCase()}</a>{' '}
                <button type="button" class="button button--quiet" data-action="use-existing" onClick={() => void store.useExisting(chat, instanceUrl, d)}>Use it for this chat</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="fields__actions">
        <button type="submit" class="button" disabled={form.saving}>{form.saving ? 'Saving…' : now ? `Create ${form.label}` : 'Save for the chat end'}</button>
        {(form.object === 'Case' || form.object === 'Task') && (
          // The customer may need the case number while the chat goes on; a task may be wanted in Salesforce at once.
          <button type="button" class="button button--quiet" data-action="create-now" disabled={form.saving} onClick={() => void store.createNow(chat, instanceUrl)}>Create now</button>
        )}
        <button type="button" class="button button--quiet" disabled={form.saving} onClick={store.cancelForm}>Cancel</button>
      </div>
    </form>
  );
}
