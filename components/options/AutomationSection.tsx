import { i18n } from '#i18n';
import { CHAT_KEY_FIELD } from '@/utils/plan/chat-key';
import { ACTION_NAMES } from '@/utils/plan/actions';
import { automaticWords } from '@/components/text/actions';
import { objectName } from '@/components/text/objects';
import { listOf } from '@/utils/i18n/locale';
import { rich, slots } from '../text/rich';
import { Setting } from './Setting';
import { noMatchWords, strategyWords, triggerWords } from './words';
import { NO_MATCH, STRATEGIES, TRIGGERS } from '@/utils/settings/schema';
import type { OptionsStore } from './store';

const choices = () => (['nothing', ...ACTION_NAMES] as const).map((name) => [name, automaticWords(name)] as const);

/** The automatic action, update strategy and what to do for an unknown visitor, per trigger (seed 000, 002). */
export function AutomationSection({ store }: { store: OptionsStore }) {
  const automation = store.draft.value!.automation;
  return (
    <section id="automation">
      <h2>{i18n.t('options.automation.title')}</h2>
      <p class="hint">{i18n.t('options.automation.hint')}</p>
      {TRIGGERS.map((trigger) => {
        const rule = automation[trigger];
        const label = triggerWords(trigger);
        return (
          <Setting store={store} section="automation" name={trigger} label={label} hint={trigger === 'started' ? i18n.t('options.automation.startedHint') : undefined}>
            {(disabled) => (
              <div class="pair">
                <select aria-label={i18n.t('options.automation.actionOf', { trigger: label })} name={`${trigger}-action`} disabled={disabled} value={rule.action} onChange={(e) => store.set('automation', trigger, { ...rule, action: e.currentTarget.value as typeof rule.action })}>
                  {choices().map(([value, text]) => <option value={value}>{text}</option>)}
                </select>
                <select aria-label={i18n.t('options.automation.strategyOf', { trigger: label })} name={`${trigger}-strategy`} disabled={disabled || rule.action === 'nothing' || rule.action === 'case'} value={rule.strategy} onChange={(e) => store.set('automation', trigger, { ...rule, strategy: e.currentTarget.value as typeof rule.strategy })}>
                  {STRATEGIES.map((value) => <option value={value}>{strategyWords(value)}</option>)}
                </select>
                <select aria-label={i18n.t('options.automation.noMatchOf', { trigger: label })} name={`${trigger}-no-match`} disabled={disabled || rule.action === 'nothing' || rule.action === 'case'} value={rule.noMatch} onChange={(e) => store.set('automation', trigger, { ...rule, noMatch: e.currentTarget.value as typeof rule.noMatch })}>
                  {NO_MATCH.map((value) => <option value={value}>{noMatchWords(value)}</option>)}
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

/** Whether the org has the field that makes writes impossible to double, and how to add it. */
function ChatKeyStatus({ store }: { store: OptionsStore }) {
  const fields = store.fields.value;
  if (!fields) return null;
  const has = CHAT_KEY_FIELD.objects.filter((o) => fields[o]?.some((f) => f.chatKey));
  const missing = CHAT_KEY_FIELD.objects.filter((o) => !has.includes(o));
  return (
    <div class="chat-key" data-chat-key={missing.length ? 'missing' : 'ready'}>
      <h3>{i18n.t('options.automation.chatKey.title')}</h3>
      {has.length > 0 && <p>{i18n.t('options.automation.chatKey.ready', { objects: listOf(has.map(objectName)) })}</p>}
      {missing.length > 0 && (
        <p>
          {rich(i18n.t('options.automation.chatKey.missing', { ...slots('label', 'name', 'externalId', 'unique'), objects: listOf(missing.map(objectName)), type: CHAT_KEY_FIELD.type }), {
            label: <strong>{CHAT_KEY_FIELD.label}</strong>,
            name: <code>{CHAT_KEY_FIELD.name}</code>,
            externalId: <em>{i18n.t('options.automation.chatKey.externalId')}</em>,
            unique: <em>{i18n.t('options.automation.chatKey.unique')}</em>,
          })}
        </p>
      )}
    </div>
  );
}
