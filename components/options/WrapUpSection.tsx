import { Setting } from './Setting';
import type { OptionsStore } from './store';

/** The agent's wrap-up after a chat: whether it is asked, for how long, and the disposition's source. */
export function WrapUpSection({ store }: { store: OptionsStore }) {
  const { wrapUp } = store.draft.value!;
  return (
    <section id="wrap-up">
      <h2>Wrap-up</h2>
      <p class="hint">After a chat ends, the panel asks for a disposition and notes; the chat's write goes when the agent clicks Done, when the time is up, or at once when the console tab closes.</p>
      <Setting store={store} section="wrapUp" name="enabled" label="Ask for a wrap-up when a chat ends">
        {(disabled) => <input id="wrap-up-enabled" type="checkbox" disabled={disabled} checked={wrapUp.enabled} onChange={(e) => store.set('wrapUp', 'enabled', e.currentTarget.checked)} />}
      </Setting>
      <Setting store={store} section="wrapUp" name="seconds" label="Wrap-up time (seconds): then the chat is written as it is">
        {(disabled) => <input id="wrap-up-seconds" type="number" min="5" max="3600" disabled={disabled || !wrapUp.enabled} value={wrapUp.seconds} onInput={(e) => store.set('wrapUp', 'seconds', e.currentTarget.valueAsNumber)} />}
      </Setting>
      <Setting store={store} section="wrapUp" name="dispositionField" label="Disposition field of the chat's case or task (such as Type, or a custom field; empty: notes only)">
        {(disabled) => <input id="wrap-up-field" placeholder="Type" disabled={disabled || !wrapUp.enabled} value={wrapUp.dispositionField ?? ''} onInput={(e) => store.set('wrapUp', 'dispositionField', e.currentTarget.value.trim() || null)} />}
      </Setting>
      <Setting store={store} section="wrapUp" name="dispositions" label="Dispositions offered, one per line (empty: the field's picklist)">
        {(disabled) => <textarea id="wrap-up-dispositions" rows={4} disabled={disabled || !wrapUp.enabled} value={wrapUp.dispositions.join('\n')} onInput={(e) => store.set('wrapUp', 'dispositions', e.currentTarget.value.split('\n').map((v) => v.trim()).filter(Boolean))} />}
      </Setting>
    </section>
  );
}
