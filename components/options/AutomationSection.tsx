import { CHAT_KEY_FIELD } from '@/utils/plan/chat-key';
import { ACTION_NAMES, ACTIONS } from '@/utils/plan/actions';
import { Setting } from './Setting';
import type { OptionsStore } from './store';

const CHOICES = [['nothing', 'Do nothing'], ...ACTION_NAMES.map((name) => [name, ACTIONS[name].automatic])] as const;
const STRATEGIES = [
  ['none', "Don't update existing records"],
  ['overwrite', 'Overwrite existing values'],
  ['fillBlank', 'Fill in blank fields only'],
] as const;
const NO_MATCH = [
  ['create', 'Nobody matches: create them'],
  ['nothing', 'Nobody matches: write nothing'],
] as const;
const TRIGGERS = [
  ['ended', 'When a chat ends'],
  ['offline', 'When an offline message arrives'],
  ['started', 'When a chat starts (once the visitor gives an e-mail, phone or other value an identification rule uses)'],
] as const;

/** The automatic action, update strategy and what to do for an unknown visitor, per trigger (seed 000, 002). */
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
                  {CHOICES.map(([value, text]) => <option value={value}>{text}</option>)}
                </select>
                <select aria-label={`${label}: update strategy`} name={`${trigger}-strategy`} disabled={disabled || rule.action === 'nothing' || rule.action === 'case'} value={rule.strategy} onChange={(e) => store.set('automation', trigger, { ...rule, strategy: e.currentTarget.value as typeof rule.strategy })}>
                  {STRATEGIES.map(([value, text]) => <option value={value}>{text}</option>)}
                </select>
                <select aria-label={`${label}: when nobody matches`} name={`${trigger}-no-match`} disabled={disabled || rule.action === 'nothing' || rule.action === 'case'} value={rule.noMatch} onChange={(e) => store.set('automation', trigger, { ...rule, noMatch: e.currentTarget.value as typeof rule.noMatch })}>
                  {NO_MATCH.map(([value, text]) => <option value={value}>{text}</option>)}
                </select>
              </div>
            )}
          </Setting>
        );
      })}
      <ChatKeyStatus store={store} />
    </section>
  );
}

const and = (names: readonly string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(names);

/** Whether the org has the field that makes writes impossible to double, and how to add it. */
function ChatKeyStatus({ store }: { store: OptionsStore }) {
  const fields = store.fields.value;
  if (!fields) return null;
  const has = CHAT_KEY_FIELD.objects.filter((o) => fields[o]?.some((f) => f.chatKey));
  const missing = CHAT_KEY_FIELD.objects.filter((o) => !has.includes(o));
  return (
    <div class="chat-key" data-chat-key={missing.length ? 'missing' : 'ready'}>
      <h3>Writes that cannot be doubled</h3>
      {has.length > 0 && <p>Records created on {and(has)} are upserts by their chat key: a resend never makes a second one.</p>}
      {missing.length > 0 && (
        <p>
          On {and(missing)}, add a custom field <strong>{CHAT_KEY_FIELD.label}</strong>: API name <code>{CHAT_KEY_FIELD.name}</code>, {CHAT_KEY_FIELD.type},
          {' '}<em>External ID</em> and <em>Unique</em>, editable by the users who connect. Until then, each write costs one more request, which looks for a copy the browser sent twice.
        </p>
      )}
    </div>
  );
}
