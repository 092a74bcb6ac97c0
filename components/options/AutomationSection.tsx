import { Setting } from './Setting';
import type { OptionsStore } from './store';

const ACTIONS = [
  ['nothing', 'Do nothing'],
  ['contactCase', 'Create or update a contact, and create a case'],
  ['contactTask', 'Create or update a contact, and create a task'],
  ['case', 'Create a case only'],
  ['leadTask', 'Create or update a lead, and create a task'],
] as const;
const STRATEGIES = [
  ['none', "Don't update existing records"],
  ['overwrite', 'Overwrite existing values'],
  ['fillBlank', 'Fill in blank fields only'],
] as const;
const TRIGGERS = [
  ['ended', 'When a chat ends'],
  ['offline', 'When an offline message arrives'],
] as const;

/** The automatic action and update strategy per trigger (seed 000, 002). */
export function AutomationSection({ store }: { store: OptionsStore }) {
  const automation = store.draft.value!.automation;
  return (
    <section id="automation">
      <h2>Automatic actions</h2>
      <p class="hint">What is written on its own. An agent's choice in the panel replaces it for that chat.</p>
      {TRIGGERS.map(([trigger, label]) => {
        const rule = automation[trigger];
        return (
          <Setting store={store} section="automation" name={trigger} label={label}>
            {(disabled) => (
              <div class="pair">
                <select aria-label={`${label}: action`} name={`${trigger}-action`} disabled={disabled} value={rule.action} onChange={(e) => store.set('automation', trigger, { ...rule, action: e.currentTarget.value as typeof rule.action })}>
                  {ACTIONS.map(([value, text]) => <option value={value}>{text}</option>)}
                </select>
                <select aria-label={`${label}: update strategy`} name={`${trigger}-strategy`} disabled={disabled || rule.action === 'nothing' || rule.action === 'case'} value={rule.strategy} onChange={(e) => store.set('automation', trigger, { ...rule, strategy: e.currentTarget.value as typeof rule.strategy })}>
                  {STRATEGIES.map(([value, text]) => <option value={value}>{text}</option>)}
                </select>
              </div>
            )}
          </Setting>
        );
      })}
    </section>
  );
}
