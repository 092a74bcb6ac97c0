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
    if (store.form.value && form?.matches('.record-form')) {
      event.preventDefault();
      store.cancelForm();
      focusWhenShown('.chat-actions button, .write button, .identity a');
    } else if (store.editing.value && form?.matches('.fields')) {
      event.preventDefault();
      const recordId = store.editing.value.id;
      store.cancelEdit();
      focusWhenShown(`.fields[data-record-id="${recordId}"] [data-action="edit"]`);
    }
  } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    const form = target.closest?.('form');
    if (form?.querySelector('[type="submit"]')) {
      event.preventDefault();
      form.requestSubmit();
    }
  }
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
