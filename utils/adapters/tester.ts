import type { ChatSnapshot } from '../chat/snapshot';
import { detected, matchesPattern } from './detect';
import { query, queryAll, selectorSteps } from './dom';
import { parseAdapter } from './schema';
import { readActiveChat, readChatList } from './scrape';
import { adapterSelectors, selectorProblems, type AdapterSelector } from './selectors';

/** One selector as found on the page: how many elements it matched, or null when its scope (the pane, a message) is not there. */
export type SelectorCount = AdapterSelector & { count: number | null };

/** What an adapter reads on one console page, for the admin who writes it (the options page's tester). */
export type TesterReport = {
  url: string;
  /** The adapter's URL patterns match this page (else the console script would never run here). */
  urlMatches: boolean;
  /** Its `detect` is on the page (else the panel would not appear). */
  detected: boolean;
  /** Mistakes that stop it: the format's, and selectors the browser cannot read. */
  problems: string[];
  selectors: SelectorCount[];
  chats: { id: string; name?: string; active: boolean }[];
  /** The open chat as the panel would get it; null when no pane or no chat id is found. */
  snapshot: ChatSnapshot | null;
};

const MARK = 'data-sf-adapter-test';
const STYLE_ID = 'sf-adapter-test-style';

/** Takes the tester's marks off the page. */
export function clearHighlights(doc: Document): void {
  for (const el of queryAll(doc, `[${MARK}]`)) el.removeAttribute(MARK);
  doc.getElementById(STYLE_ID)?.remove();
}

/** Marks what page-wide selectors found (an outline, and the adapter path as a tooltip-like attribute). */
function highlight(doc: Document, found: { path: string; elements: Element[] }[]): void {
  clearHighlights(doc);
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = `[${MARK}] { outline: 2px dashed #e8590c !important; outline-offset: 1px !important; }`;
  (doc.head ?? doc.documentElement).append(style);
  for (const { path, elements } of found) for (const el of elements) el.setAttribute(MARK, [el.getAttribute(MARK), path].filter(Boolean).join(' '));
}

/**
 * Runs an adapter once on a page, as the console script would, and says what each selector
 * finds there and what chat it reads. Reads the page and, when asked, outlines what it found;
 * changes nothing else.
 */
export function testAdapter(input: unknown, doc: Document, { mark = true, url = doc.location?.href ?? '' }: { mark?: boolean; url?: string } = {}): TesterReport {
  const empty: TesterReport = { url, urlMatches: false, detected: false, problems: [], selectors: [], chats: [], snapshot: null };
  const parsed = parseAdapter(input);
  if (!parsed.ok) return { ...empty, problems: parsed.errors };
  const adapter = parsed.adapter;
  const urlMatches = adapter.matches.some((p) => matchesPattern(p, url));
  const problems = selectorProblems(adapter, doc);
  if (problems.length) return { ...empty, urlMatches, problems };

  const pane = query(doc, adapter.pane.root);
  const messages = pane ? queryAll(pane, adapter.transcript.message) : [];
  const items = adapter.chats ? queryAll(doc, adapter.chats.item) : [];
  /** Elements of a scope that match the selector themselves or hold a match. */
  const within = (scope: Element[], selector: string) => scope.filter((el) => el.matches(selectorSteps(selector)[0]!) || !!query(el, selector)).length;
  const found: { path: string; elements: Element[] }[] = [];
  const selectors = adapterSelectors(adapter).map((s): SelectorCount => {
    if (s.scope === 'pane') return { ...s, count: pane ? queryAll(pane, s.selector).length : null };
    if (s.scope === 'message') return { ...s, count: messages.length ? within(messages, s.selector) : null };
    if (s.scope === 'chat item') return { ...s, count: items.length ? within(items, s.selector) : null };
    const elements = queryAll(doc, s.selector);
    if (s.scope === 'page') found.push({ path: s.path, elements });
    return { ...s, count: elements.length };
  });
  if (mark) highlight(doc, found);
  return {
    url, urlMatches, detected: detected(adapter, doc), problems, selectors,
    chats: adapter.chats ? readChatList(adapter, doc) : [],
    snapshot: readActiveChat(adapter, doc, url, new WeakMap()),
  };
}
