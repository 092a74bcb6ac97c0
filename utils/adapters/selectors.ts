import { selectorSteps } from './dom';
import type { Adapter, Extract, Pairs } from './schema';

/** Where a selector is looked for: the page, or inside what another selector found. */
export type SelectorScope = 'page' | 'chat item' | 'pane' | 'message' | 'row' | 'offline item' | 'element';
/** One selector of an adapter, by its place in the adapter's JSON (`fields.visitor.email.selector`). */
export type AdapterSelector = { path: string; selector: string; scope: SelectorScope };

/** Every CSS selector an adapter uses, with where it is looked for: what an admin checks on a page. */
export function adapterSelectors(adapter: Adapter): AdapterSelector[] {
  const out: AdapterSelector[] = [];
  const add = (path: string, selector: string | undefined, scope: SelectorScope) => void (selector && out.push({ path, selector, scope }));
  const extract = (path: string, value: Extract | undefined, scope: SelectorScope) => {
    if (!value) return;
    add(`${path}.selector`, value.selector, scope);
    add(`${path}.exclude`, value.exclude, 'element');
  };
  const pairs = (path: string, value: Pairs | undefined) => {
    if (!value) return;
    if (value.kind === 'dl') return add(`${path}.selector`, value.selector, 'page');
    add(`${path}.row`, value.row, 'page');
    if (value.kind === 'rows') (extract(`${path}.label`, value.label, 'row'), extract(`${path}.value`, value.value, 'row'));
  };
  add('detect', adapter.detect, 'page');
  add('mount.anchor', adapter.mount.anchor, 'page');
  if (adapter.chats) {
    add('chats.list', adapter.chats.list, 'page');
    add('chats.item', adapter.chats.item, 'page');
    add('chats.active', adapter.chats.active, 'chat item');
    extract('chats.id', adapter.chats.id, 'chat item');
    extract('chats.name', adapter.chats.name, 'chat item');
  }
  add('pane.root', adapter.pane.root, 'page');
  extract('pane.id', adapter.pane.id, 'pane');
  for (const [key, value] of Object.entries(adapter.fields)) extract(`fields.${key}`, value, 'page');
  for (const [group, value] of Object.entries(adapter.lists)) pairs(`lists.${group}`, value);
  const t = adapter.transcript;
  add('transcript.message', t.message, 'pane');
  for (const [role, selector] of Object.entries(t.role)) add(`transcript.role.${role}`, selector, 'message');
  extract('transcript.id', t.id, 'message');
  extract('transcript.author', t.author, 'message');
  extract('transcript.text', t.text, 'message');
  extract('transcript.time', t.time, 'message');
  add('transcript.note', t.note, 'message');
  add('ended.selector', adapter.ended.selector, 'pane');
  if (adapter.offline) {
    add('offline.item', adapter.offline.item, 'page');
    extract('offline.id', adapter.offline.id, 'offline item');
    for (const [key, value] of Object.entries(adapter.offline.fields)) extract(`offline.fields.${key}`, value, 'offline item');
  }
  for (const [key, value] of Object.entries(adapter.agent ?? {})) extract(`agent.${key}`, value, 'page');
  return out;
}

/** Whether the browser can read a selector (each step of ` >>> ` on its own): asked of a DOM, which throws on a bad one. */
export function isValidSelector(selector: string, doc: Document): boolean {
  const probe = doc.createDocumentFragment();
  try {
    for (const step of selectorSteps(selector)) probe.querySelector(step);
    return true;
  } catch {
    return false;
  }
}

/**
 * An adapter's selectors the browser cannot read, as the admin's errors: each names the adapter,
 * the place in its JSON and the selector. Checked where there is a DOM (the options page, the
 * console script), since the settings are parsed in the worker, which has none.
 */
export function selectorProblems(adapter: Adapter, doc: Document): string[] {
  return adapterSelectors(adapter)
    .filter((s) => !isValidSelector(s.selector, doc))
    .map((s) => `adapter "${adapter.name}": ${s.path}: ${JSON.stringify(s.selector)} is not a valid CSS selector`);
}
