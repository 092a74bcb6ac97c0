import { query, read } from './dom';
import type { Adapter } from './schema';

/** The agent's state as the console shows it, lower-cased ("online", "away"); null: not shown. */
export function readAgentState(adapter: Adapter, doc: Document): string | null {
  const extract = adapter.agent?.state;
  const text = extract ? read(doc, extract) : null;
  return text?.trim() ? text.trim().toLowerCase().slice(0, 80) : null;
}

/**
 * Sets the agent's state through the console's own control, as the agent would: the console's
 * code sees the change and does what it does for a click (tells its server, routes no chats).
 * False when the console offers no such state: the sync says so instead of guessing.
 */
export function setAgentState(adapter: Adapter, doc: Document, state: string): boolean {
  const how = adapter.setState;
  if (!how) return false;
  // Already there: a console's control may be a toggle, which a click would turn the other way.
  const now = readAgentState(adapter, doc);
  if (now === state) return true;
  if (how.select) {
    const select = query(doc, how.select);
    if (!(select instanceof HTMLSelectElement)) return false;
    const option = [...select.options].find((o) => o.value.toLowerCase() === state || o.text.trim().toLowerCase() === state);
    if (!option) return false;
    if (select.value === option.value) return true;
    select.value = option.value;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }
  const target = how.click?.[state];
  if (!target) return false;
  // One control for several states is a toggle: clicked only from a state known to be another one of its own.
  const toggles = Object.entries(how.click!).filter(([, selector]) => selector === target).map(([name]) => name);
  if (toggles.length > 1 && (now === null || !toggles.includes(now))) return false;
  if (how.open) (query(doc, how.open) as HTMLElement | null)?.click();
  const element = query(doc, target) as HTMLElement | null;
  element?.click();
  return !!element;
}
