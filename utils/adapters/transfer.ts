import { query, queryAll } from './dom';
import type { Adapter } from './schema';
import type { TransferOutcome, TransferTarget } from '../messages/console-protocol';

/** How long the console may take to show its dialog and fill its lists (LHC loads them after it opens), and to close it. */
export const DIALOG_WAIT_MS = 8_000;

/** A name as words: any case, accents and punctuation aside ("José  Núñez" = "jose nunez"). */
const words = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}@._-]+/u).filter(Boolean);

/** Whether a choice's text names the target: its e-mail, or its name's words in a row (so "Ann Lee" is not "Ann Leeds"). */
export function names(text: string, target: TransferTarget): boolean {
  const said = words(text);
  if (target.email && said.includes(target.email.toLowerCase())) return true;
  const name = words(target.name);
  if (!name.length) return false;
  return said.some((_, i) => name.every((w, j) => said[i + j] === w));
}

const visible = (el: Element) => el.isConnected && (typeof el.checkVisibility === 'function' ? el.checkVisibility() : true);

/** Resolves with what `check` finds once the page shows it (checked after each change, no polling), or null after `ms`. */
function whenShown<T>(doc: Document, check: () => T | null, ms: number): Promise<T | null> {
  const found = check();
  if (found !== null) return Promise.resolve(found);
  return new Promise((resolve) => {
    const done = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const value = check();
      if (value !== null) done(value);
    });
    // Dialogs show by a class or style change as often as by new nodes.
    observer.observe(doc, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'open'] });
    const timer = setTimeout(() => done(null), ms);
  });
}

/**
 * Transfers the open chat through the console's own dialog, as the agent would: opens it, picks
 * the one choice that names the target, confirms. The console's code does the transfer (and its
 * rules: who may take it, what the visitor is told). Unsure is nothing: when nobody or several
 * choices name the target, nothing is confirmed and the dialog stays open for the agent.
 */
export async function transferChat(adapter: Adapter, doc: Document, pane: Element | null, target: TransferTarget, ms = DIALOG_WAIT_MS): Promise<TransferOutcome> {
  const how = adapter.transfer;
  const list = target.kind === 'agent' ? how?.agent : how?.department;
  const open = how && ((pane && query(pane, how.open)) || query(doc, how.open));
  if (!how || !list || !(open instanceof HTMLElement)) return 'no-control';
  open.click();
  if (list.tab) {
    const tab = await whenShown(doc, () => query(doc, list.tab!) as HTMLElement | null, ms);
    if (!tab) return 'no-control';
    tab.click();
  }
  // The list is there once it has choices (a dialog that loads them shows a placeholder first).
  const choices = await whenShown(doc, () => {
    const shown = queryAll(doc, list.item).filter(visible);
    return shown.length ? shown : null;
  }, ms);
  if (!choices) return 'no-control';
  const named = choices.filter((choice) => names((choice as HTMLElement).innerText ?? choice.textContent ?? '', target));
  if (named.length !== 1) return named.length ? 'ambiguous' : 'not-listed';
  const choice = named[0] as HTMLElement;
  choice.click();
  if (list.confirm) {
    const confirm = queryAll(doc, list.confirm).find(visible);
    if (!(confirm instanceof HTMLElement)) return 'no-control';
    confirm.click();
  }
  // Done when the console closes its dialog (the choice goes away), as it does after a transfer.
  const closed = await whenShown(doc, () => (visible(choice) ? null : true), ms);
  return closed ? 'done' : 'unconfirmed';
}
