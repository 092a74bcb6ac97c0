import { i18n } from '#i18n';
import type { PanelStore } from './store';

/**
 * The panel's keys: Esc cancels the open form or edit, Ctrl+Enter (⌘+Enter) saves the form the
 * focus is in. Everything else is the browser's own (Tab, Enter, Space, arrows in selects).
 */
export function onPanelKeys(event: KeyboardEvent, store: PanelStore): void {
  const target = event.target as HTMLElement;
  if (event.key === 'Escape') {
    const form = target.closest?.('form');
    // Not while saving: the save goes on, and a refusal would bring the form back.
    if (store.form.value && !store.form.value.saving && form?.matches('.record-form')) {
      event.preventDefault();
      cancelForm(store);
    } else if (store.editing.value && !store.editing.value.saving && form?.matches('.fields')) {
      event.preventDefault();
      cancelEdit(store);
    }
  } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    const form = target.closest?.('form');
    // As its Save button would: not while it is disabled (saving).
    if (form?.querySelector('[type="submit"]:not(:disabled)')) {
      event.preventDefault();
      form.requestSubmit();
    }
  }
}

/** Closes the record form (Cancel, Esc); the focus goes back to the panel's actions, where it was opened. */
export function cancelForm(store: PanelStore): void {
  store.cancelForm();
  focusWhenShown('.chat-actions__buttons button, [data-action="change-write"], .chat-actions button');
}

/** Leaves edit in place (Cancel, Esc); the focus goes back to the record's Edit link. */
export function cancelEdit(store: PanelStore): void {
  const recordId = store.editing.value?.id;
  store.cancelEdit();
  if (recordId) focusWhenShown(`.fields[data-record-id="${recordId}"] [data-action="edit"]`);
}

/**
 * Moves the focus to what the agent's action led to (the first field to fill, the confirmation),
 * once it is on screen: it may render a few frames later. Only called after the agent's own
 * action, so it never takes the focus from what they are typing.
 */
export function focusWhenShown(selector: string, frames = 60): void {
  const element = document.querySelector<HTMLElement>(selector);
  if (element) {
    if (element.tabIndex < 0 && !element.matches('a[href], button, input, select, textarea')) element.tabIndex = -1;
    element.focus();
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusWhenShown(selector, frames - 1));
}

/** The shortcuts, listed where the agent finds them: the panel's foot. */
export function ShortcutsHelp() {
  return (
    <details class="help">
      <summary>{i18n.t('panel.help.title')}</summary>
      <ul>
        <li>{i18n.t('panel.help.tab')}</li>
        <li>{i18n.t('panel.help.enter')}</li>
        <li>{i18n.t('panel.help.save')}</li>
        <li>{i18n.t('panel.help.cancel')}</li>
        <li>{i18n.t('panel.help.arrows')}</li>
      </ul>
    </details>
  );
}
