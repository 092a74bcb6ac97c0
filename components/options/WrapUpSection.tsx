import { i18n } from '#i18n';
import { Setting } from './Setting';
import type { OptionsStore } from './store';

/** The agent's wrap-up after a chat: whether it is asked, for how long, and the disposition's source. */
export function WrapUpSection({ store }: { store: OptionsStore }) {
  const { wrapUp } = store.draft.value!;
  return (
    <section id="wrap-up">
      <h2>{i18n.t('options.wrapUp.title')}</h2>
      <p class="hint">{i18n.t('options.wrapUp.hint')}</p>
      <Setting store={store} section="wrapUp" name="enabled" control="wrap-up-enabled" label={i18n.t('options.wrapUp.enabled')}>
        {(disabled) => <input id="wrap-up-enabled" type="checkbox" disabled={disabled} checked={wrapUp.enabled} onChange={(e) => store.set('wrapUp', 'enabled', e.currentTarget.checked)} />}
      </Setting>
      <Setting store={store} section="wrapUp" name="seconds" control="wrap-up-seconds" label={i18n.t('options.wrapUp.seconds.label')} hint={i18n.t('options.wrapUp.seconds.hint')}>
        {(disabled) => <input id="wrap-up-seconds" type="number" min="5" max="3600" disabled={disabled || !wrapUp.enabled} value={wrapUp.seconds} onInput={(e) => store.set('wrapUp', 'seconds', e.currentTarget.valueAsNumber)} />}
      </Setting>
      <Setting store={store} section="wrapUp" name="dispositionField" control="wrap-up-field" label={i18n.t('options.wrapUp.dispositionField.label')} hint={i18n.t('options.wrapUp.dispositionField.hint')}>
        {(disabled) => <input id="wrap-up-field" placeholder={i18n.t('options.wrapUp.dispositionField.placeholder')} disabled={disabled || !wrapUp.enabled} value={wrapUp.dispositionField ?? ''} onInput={(e) => store.set('wrapUp', 'dispositionField', e.currentTarget.value.trim() || null)} />}
      </Setting>
      <Setting store={store} section="wrapUp" name="dispositions" control="wrap-up-dispositions" label={i18n.t('options.wrapUp.dispositions.label')} hint={i18n.t('options.wrapUp.dispositions.hint')}>
        {(disabled) => <textarea id="wrap-up-dispositions" rows={4} disabled={disabled || !wrapUp.enabled} value={wrapUp.dispositions.join('\n')} onInput={(e) => store.set('wrapUp', 'dispositions', e.currentTarget.value.split('\n').map((v) => v.trim()).filter(Boolean))} />}
      </Setting>
    </section>
  );
}
