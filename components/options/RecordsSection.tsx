import { Setting } from './Setting';
import type { OptionsStore } from './store';

/** Task and case defaults, the description template, the owner rule, the phone region and the API budget. */
export function RecordsSection({ store }: { store: OptionsStore }) {
  const { records, general } = store.draft.value!;
  const task = records.task;
  const setTask = (patch: Partial<typeof task>) => store.set('records', 'task', { ...task, ...patch });
  return (
    <section id="records">
      <h2>Records</h2>
      <Setting store={store} section="records" name="task" label="New tasks">
        {(disabled) => (
          <div class="grid">
            <label>Subject <input id="task-subject" disabled={disabled} value={task.subject} onInput={(e) => setTask({ subject: e.currentTarget.value })} /></label>
            <label>Status <input id="task-status" disabled={disabled} value={task.status} onInput={(e) => setTask({ status: e.currentTarget.value })} /></label>
            <label>Priority <input id="task-priority" disabled={disabled} value={task.priority} onInput={(e) => setTask({ priority: e.currentTarget.value })} /></label>
            <label>Due in (days) <input id="task-due" type="number" min="0" max="365" disabled={disabled} value={task.dueInDays} onInput={(e) => setTask({ dueInDays: e.currentTarget.valueAsNumber })} /></label>
          </div>
        )}
      </Setting>
      <Setting store={store} section="records" name="case" label="New cases (empty: the org's default)">
        {(disabled) => (
          <div class="grid">
            <label>Status <input id="case-status" disabled={disabled} value={records.case.status} onInput={(e) => store.set('records', 'case', { ...records.case, status: e.currentTarget.value.trim() })} /></label>
            <label>Priority <input id="case-priority" disabled={disabled} value={records.case.priority} onInput={(e) => store.set('records', 'case', { ...records.case, priority: e.currentTarget.value.trim() })} /></label>
            <label>Origin <input id="case-origin" placeholder="Web or Chat" disabled={disabled} value={records.case.origin} onInput={(e) => store.set('records', 'case', { ...records.case, origin: e.currentTarget.value.trim() })} /></label>
          </div>
        )}
      </Setting>
      <Setting store={store} section="records" name="description" label="Description of the chat's case or task: chat fields in braces, such as {chat.startTime}, {chat.endTime}, {chat.id}, {chat.requestingPage}, {chat.wrapUp}, {chat.notes}, {visitor.email}, {chat.transcript} (empty: the transcript, as mapped)">
        {(disabled) => <textarea id="description-template" rows={5} disabled={disabled} placeholder={'Chat {chat.id} from {chat.requestingPage}, {chat.startTime} to {chat.endTime}\n{chat.notes}\n\n{chat.transcript}'} value={records.description} onInput={(e) => store.set('records', 'description', e.currentTarget.value)} />}
      </Setting>
      <Setting store={store} section="records" name="requireAccount" label="Every chat must be related to an account (without one, the panel asks, and an automatic write waits for the agent)">
        {(disabled) => <input id="require-account" type="checkbox" disabled={disabled} checked={records.requireAccount} onChange={(e) => store.set('records', 'requireAccount', e.currentTarget.checked)} />}
      </Setting>
      <Setting store={store} section="records" name="otherPeople" label="Other people on a chat, where one task cannot name them all (an org without Shared Activities, or a lead's chat)">
        {(disabled) => (
          <select id="other-people" disabled={disabled} value={records.otherPeople} onChange={(e) => store.set('records', 'otherPeople', e.currentTarget.value as 'primary' | 'taskEach')}>
            <option value="primary">The chat's person alone on the task (the others are named as left off)</option>
            <option value="taskEach">A task for each person, with the same chat</option>
          </select>
        )}
      </Setting>
      <Setting store={store} section="records" name="owner" label="Owner of new records">
        {(disabled) => (
          <select id="owner" disabled={disabled} value={records.owner} onChange={(e) => store.set('records', 'owner', e.currentTarget.value as 'agent' | 'connectedUser')}>
            <option value="agent">The chat's agent (the Salesforce user with the agent's e-mail), else the connected user</option>
            <option value="connectedUser">The connected Salesforce user</option>
          </select>
        )}
      </Setting>
      <Setting store={store} section="general" name="phoneRegion" label="This console's country, for phones without a country code when the visitor's is not known">
        {(disabled) => <input id="phone-region" maxLength={2} placeholder="the org's default" disabled={disabled} value={general.phoneRegion ?? ''} onInput={(e) => store.set('general', 'phoneRegion', e.currentTarget.value.trim().toUpperCase() || null)} />}
      </Setting>
      <Setting store={store} section="general" name="apiBudgetPercent" label="Share of the org's daily API requests this extension may use (%)">
        {(disabled) => <input id="api-budget" type="number" min="1" max="100" disabled={disabled} value={general.apiBudgetPercent} onInput={(e) => store.set('general', 'apiBudgetPercent', e.currentTarget.valueAsNumber)} />}
      </Setting>
      <Setting store={store} section="general" name="keepWrittenDays" label="Days a written chat's visitor and transcript stay in this browser (then only its record ids and times)">
        {(disabled) => <input id="keep-written" type="number" min="0" max="90" disabled={disabled} value={general.keepWrittenDays} onInput={(e) => store.set('general', 'keepWrittenDays', e.currentTarget.valueAsNumber)} />}
      </Setting>
    </section>
  );
}
