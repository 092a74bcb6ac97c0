import { i18n } from '#i18n';
import { Setting } from './Setting';
import { PicklistInput } from './PicklistInput';
import { otherPeopleWords, ownerWords, themeWords } from './words';
import { OTHER_PEOPLE, OWNERS, THEMES } from '@/utils/settings/schema';
import type { OptionsStore } from './store';

/** The chat fields the description template offers as examples (the same in every language). */
const EXAMPLES = ['{chat.startTime}', '{chat.endTime}', '{chat.id}', '{chat.requestingPage}', '{chat.wrapUp}', '{chat.notes}', '{visitor.email}', '{chat.transcript}'];

/** Task and case defaults, the description template, the owner rule, the phone region and the API budget. */
export function RecordsSection({ store }: { store: OptionsStore }) {
  const { records, general } = store.draft.value!;
  const task = records.task;
  const setTask = (patch: Partial<typeof task>) => store.set('records', 'task', { ...task, ...patch });
  const setCase = (patch: Partial<typeof records.case>) => store.set('records', 'case', { ...records.case, ...patch });
  return (
    <section id="records">
      <h2>{i18n.t('options.records.title')}</h2>
      <Setting store={store} section="records" name="task" label={i18n.t('options.records.task.label')}>
        {(disabled) => (
          <div class="grid">
            <label>{i18n.t('options.records.task.subject')} <input id="task-subject" disabled={disabled} value={task.subject} onInput={(e) => setTask({ subject: e.currentTarget.value })} /></label>
            <label>{i18n.t('options.records.task.status')} <PicklistInput store={store} id="task-status" object="Task" field="Status" disabled={disabled} value={task.status} onChange={(status) => setTask({ status })} /></label>
            <label>{i18n.t('options.records.task.priority')} <PicklistInput store={store} id="task-priority" object="Task" field="Priority" disabled={disabled} value={task.priority} onChange={(priority) => setTask({ priority })} /></label>
            <label>{i18n.t('options.records.task.dueInDays')} <input id="task-due" type="number" min="0" max="365" disabled={disabled} value={task.dueInDays} onInput={(e) => setTask({ dueInDays: e.currentTarget.valueAsNumber })} /></label>
          </div>
        )}
      </Setting>
      <Setting store={store} section="records" name="case" label={i18n.t('options.records.case.label')} hint={i18n.t('options.records.case.hint')}>
        {(disabled) => (
          <div class="grid">
            <label>{i18n.t('options.records.case.status')} <PicklistInput store={store} id="case-status" object="Case" field="Status" orgDefault disabled={disabled} value={records.case.status} onChange={(status) => setCase({ status })} /></label>
            <label>{i18n.t('options.records.case.priority')} <PicklistInput store={store} id="case-priority" object="Case" field="Priority" orgDefault disabled={disabled} value={records.case.priority} onChange={(priority) => setCase({ priority })} /></label>
            <label>{i18n.t('options.records.case.origin')} <PicklistInput store={store} id="case-origin" object="Case" field="Origin" orgDefault placeholder={i18n.t('options.records.case.originPlaceholder')} disabled={disabled} value={records.case.origin} onChange={(origin) => setCase({ origin })} /></label>
          </div>
        )}
      </Setting>
      <Setting store={store} section="records" name="description" control="description-template" label={i18n.t('options.records.description.label')} hint={i18n.t('options.records.description.hint', { examples: EXAMPLES.join(', ') })}>
        {(disabled) => (
          <textarea id="description-template" rows={5} disabled={disabled} value={records.description} onInput={(e) => store.set('records', 'description', e.currentTarget.value)}
            placeholder={i18n.t('options.records.description.placeholder', { id: '{chat.id}', page: '{chat.requestingPage}', start: '{chat.startTime}', end: '{chat.endTime}', notes: '{chat.notes}', transcript: '{chat.transcript}' })} />
        )}
      </Setting>
      <Setting store={store} section="records" name="requireAccount" control="require-account" label={i18n.t('options.records.requireAccount.label')} hint={i18n.t('options.records.requireAccount.hint')}>
        {(disabled) => <input id="require-account" type="checkbox" disabled={disabled} checked={records.requireAccount} onChange={(e) => store.set('records', 'requireAccount', e.currentTarget.checked)} />}
      </Setting>
      <Setting store={store} section="records" name="otherPeople" control="other-people" label={i18n.t('options.records.otherPeople.label')} hint={i18n.t('options.records.otherPeople.hint')}>
        {(disabled) => (
          <select id="other-people" disabled={disabled} value={records.otherPeople} onChange={(e) => store.set('records', 'otherPeople', e.currentTarget.value as 'primary' | 'taskEach')}>
            {OTHER_PEOPLE.map((value) => <option value={value}>{otherPeopleWords(value)}</option>)}
          </select>
        )}
      </Setting>
      <Setting store={store} section="records" name="owner" control="owner" label={i18n.t('options.records.owner.label')}>
        {(disabled) => (
          <select id="owner" disabled={disabled} value={records.owner} onChange={(e) => store.set('records', 'owner', e.currentTarget.value as 'agent' | 'connectedUser')}>
            {OWNERS.map((value) => <option value={value}>{ownerWords(value)}</option>)}
          </select>
        )}
      </Setting>
      <Setting store={store} section="general" name="phoneRegion" control="phone-region" label={i18n.t('options.general.phoneRegion.label')} hint={i18n.t('options.general.phoneRegion.hint')}>
        {(disabled) => <input id="phone-region" maxLength={2} placeholder={i18n.t('options.general.phoneRegion.placeholder')} disabled={disabled} value={general.phoneRegion ?? ''} onInput={(e) => store.set('general', 'phoneRegion', e.currentTarget.value.trim().toUpperCase() || null)} />}
      </Setting>
      <Setting store={store} section="general" name="apiBudgetPercent" control="api-budget" label={i18n.t('options.general.apiBudgetPercent')}>
        {(disabled) => <input id="api-budget" type="number" min="1" max="100" disabled={disabled} value={general.apiBudgetPercent} onInput={(e) => store.set('general', 'apiBudgetPercent', e.currentTarget.valueAsNumber)} />}
      </Setting>
      <Setting store={store} section="general" name="keepWrittenDays" control="keep-written" label={i18n.t('options.general.keepWrittenDays.label')} hint={i18n.t('options.general.keepWrittenDays.hint')}>
        {(disabled) => <input id="keep-written" type="number" min="0" max="90" disabled={disabled} value={general.keepWrittenDays} onInput={(e) => store.set('general', 'keepWrittenDays', e.currentTarget.valueAsNumber)} />}
      </Setting>
      <Setting store={store} section="general" name="theme" control="theme" label={i18n.t('options.general.theme.label')} hint={i18n.t('options.general.theme.hint')}>
        {(disabled) => (
          <select id="theme" disabled={disabled} value={general.theme} onChange={(e) => store.set('general', 'theme', e.currentTarget.value as (typeof THEMES)[number])}>
            {THEMES.map((value) => <option value={value}>{themeWords(value)}</option>)}
          </select>
        )}
      </Setting>
    </section>
  );
}
