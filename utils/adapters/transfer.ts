import { query, queryAll } from './dom';
import type { Adapter } from './schema';
import type { TransferOutcome, TransferTarget } from '../messages/console-protocol';

/** How long the console may take to show its dialog and fill its lists (LHC loads them after it opens), and to close it. */
export const DIALOG_WAIT_MS = 8_000;

/** A name as words: any case, accents and punctuation aside ("José  Núñez" = "jose nunez"). */
const words = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}@._-]+/u).filter(Boolean);

/**
 * How well a choice's text names the target: 2, exactly its name; 1, its name then more ("Oscar
 * Operator | night shift", "Support [current]"); 0, not it ("Mary Ann Lee" is not "Ann Lee",
 * "Inside Sales" is not "Sales").
 */
export function nameMatch(text: string, target: TransferTarget): 0 | 1 | 2 {
  const said = words(text);
  const name = words(target.name);
  if (!name.length || !name.every((w, i) => said[i] === w)) return 0;
  return said.length === name.length ? 2 : 1;
}

const visible = (el: Element) => el.isConnected && (typeof el.checkVisibility === 'function' ? el.checkVisibility() : true);
/** The one visible element a selector finds (a hidden earlier dialog may hold the same parts). */
const shownOne = (scope: Document | Element, selector: string) => queryAll(scope, selector).find(visible) as HTMLElement | undefined;

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
 * Transfers the open chat through the console's own dialog, as the agent would: opens it (the
 * control in the chat's pane; one elsewhere only when it is the only one shown), picks the one
 * choice that names the target (exactly, else by its name followed by more), confirms. The
 * console's code does the transfer (and its rules). Unsure is nothing: when nobody or several
 * choices name the target, nothing is confirmed and the dialog stays open for the agent. Done is
 * the dialog closing (its Transfer button gone), not a list that redrew itself.
 */
export async function transferChat(adapter: Adapter, doc: Document, pane: Element | null, target: TransferTarget, ms = DIALOG_WAIT_MS): Promise<TransferOutcome> {
  const how = adapter.transfer;
  const list = target.kind === 'agent' ? how?.agent : how?.department;
  if (!how || !list) return 'no-control';
  const inPane = pane && query(pane, how.open);
  const onPage = queryAll(doc, how.open).filter(visible);
  const open = inPane ?? (onPage.length === 1 ? onPage[0] : null);
  if (!(open instanceof HTMLElement)) return 'no-control';
  open.click();
  if (list.tab) {
    const tab = await whenShown(doc, () => shownOne(doc, list.tab!) ?? null, ms);
    if (!tab) return 'no-control';
    tab.click();
  }
  // The list is there once it has choices (a dialog that loads them shows a placeholder first).
  const choices = await whenShown(doc, () => {
    const shown = queryAll(doc, list.item).filter(visible);
    return shown.length ? shown : null;
  }, ms);
  if (!choices) return 'no-control';
  const ranked = choices.map((choice) => ({ choice: choice as HTMLElement, rank: nameMatch((choice as HTMLElement).innerText ?? choice.textContent ?? '', target) }));
  const best = Math.max(...ranked.map((r) => r.rank));
  const named = best ? ranked.filter((r) => r.rank === best) : [];
  if (named.length !== 1) return named.length ? 'ambiguous' : 'not-listed';
  const choice = named[0]!.choice;
  choice.click();
  const confirm = list.confirm ? shownOne(doc, list.confirm) : undefined;
  if (list.confirm && !confirm) return 'no-control';
  confirm?.click();
  const closes = confirm ?? choice;
  const closed = await whenShown(doc, () => (visible(closes) ? null : true), ms);
  return closed ? 'done' : 'unconfirmed';
}
