import { getCssSelector } from 'css-selector-generator';
import { queryAll } from './dom';

/** Attributes a console keeps for its own code and tests: what stays the same across chats and releases. */
const STABLE_ATTRIBUTE = /^\[(data-[\w-]+|aria-[\w-]+|role|name|type|title)[\]=~|^$*]/;
/** A value that names a kind of thing (`tabpanel`, `message`, `IP`), not one chat's content (a name, a number, an address). */
const KIND_VALUE = /^[a-z][a-z_-]{0,39}$/i;
/** An attribute piece whose value is not such a kind: it belongs to one chat or one render. */
const INSTANCE_VALUE = /=\s*(['"]?)(.*)\1\]$/;
/** Utility classes (Tailwind and the like) say how an element looks, not what it is. */
const UTILITY = /^\.-?(m|p)[trblxyse]?-|^\.(w|h|min-w|min-h|max-w|max-h|gap|space-[xy]|flex|grid|col|row|items|justify|content|self|place|text|font|leading|tracking|bg|border|rounded|shadow|opacity|z|top|right|bottom|left|inset|overflow|cursor|select|transition|duration|ease|animate|ring|divide|fill|stroke|sr-only|hidden|block|inline|table|absolute|relative|fixed|sticky|static|truncate|underline|uppercase|lowercase|italic|whitespace|break|order|basis|grow|shrink|aspect|object|pointer-events|visible|invisible|outline|container)(-|$)/;
/** Hashed class names (CSS modules, CSS-in-JS) and escaped ones (Tailwind's `md\:flex`, `w-\[2px\]`). */
const GENERATED_CLASS = /\\|^\.(css|sc|jsx|emotion|svelte|styled)-|^\._|__[\w-]*\d|[a-z][A-Z]\w*\d|\d[a-zA-Z]+\d/;
/** Ids made at run time: with digits (`msg-27`, `chat-id-15`) or escaped (React's `:r1:`). */
const GENERATED_ID = /^#.*(\d|\\)/;

/** Whether a piece of a selector would name this one render, or only its look, instead of what the element is. */
export function unstable(fragment: string): boolean {
  if (fragment.startsWith('[')) {
    const value = INSTANCE_VALUE.exec(fragment);
    return !STABLE_ATTRIBUTE.test(fragment) || (!!value && !KIND_VALUE.test(value[2]!));
  }
  if (fragment.startsWith('.')) return UTILITY.test(fragment) || GENERATED_CLASS.test(fragment);
  if (fragment.startsWith('#')) return GENERATED_ID.test(fragment);
  return false;
}

const OPTIONS = {
  // data-*, aria-* and role first; then ids and classes a person would write; positions last.
  selectors: ['attribute', 'id', 'class', 'tag', 'nthoftype', 'nthchild'] as ('attribute' | 'id' | 'class' | 'tag' | 'nthoftype' | 'nthchild')[],
  blacklist: [unstable],
  ignoreGeneratedClassNames: true,
  maxCombinations: 50,
  maxCandidates: 50,
};

/** An element's own pieces a selector may use: its stable attributes first (data-*, aria-*, role), then its id and classes. */
function piecesOf(el: Element): string[] {
  const quoted = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;
  return [
    // A value that is content (`data-title="Ada Lovelace"`) is asked for by the attribute's presence alone.
    ...[...el.attributes].filter((a) => a.name !== 'class' && a.name !== 'id').map((a) => (KIND_VALUE.test(a.value) ? `[${a.name}=${quoted(a.value)}]` : `[${a.name}]`)),
    ...(el.id ? [`#${CSS.escape(el.id)}`] : []),
    ...[...el.classList].map((c) => `.${CSS.escape(c)}`),
  ].filter((piece) => !unstable(piece));
}

/** Pieces as one compound selector; an attribute asked for by presence alone only when nothing else names it. */
function named(pieces: string[]): string {
  const telling = pieces.filter((p) => !/^\[[\w-]+\]$/.test(p));
  return (telling.length ? telling : pieces).join('');
}

/**
 * The selector a person would write for one element: its own stable pieces, under the nearest
 * ancestor whose pieces make it the only match (the open chat's pane, say); null when none does.
 */
function byPieces(el: Element, root: Document | Element): string | null {
  const only = (selector: string) => {
    const found = queryAll(root, selector);
    return found.length === 1 && found[0] === el;
  };
  const own = piecesOf(el);
  const tag = el.tagName.toLowerCase();
  // Nothing of its own (a bare div after the "IP" cell, or around a phone icon): known by the sibling before it, or its first child.
  const before = el.previousElementSibling ? named(piecesOf(el.previousElementSibling)) : '';
  const child = el.firstElementChild ? named(piecesOf(el.firstElementChild)) : '';
  const selves = [...own, own.join(''), ...(before ? [`${before} + ${tag}`] : []), ...(child ? [`${tag}:has(> ${child})`] : []), tag].filter(Boolean);
  const self = selves.find(only);
  if (self) return self;
  for (let up = el.parentElement, depth = 0; up && up !== root && depth < 12; up = up.parentElement, depth++) {
    const pieces = named(piecesOf(up));
    const under = pieces && selves.map((s) => `${pieces} ${s}`).find(only);
    if (under) return under;
  }
  return null;
}

function commonAncestor(a: Element, b: Element): Element | null {
  for (let node: Element | null = a.parentElement; node; node = node.parentElement) if (node.contains(b)) return node;
  return null;
}

/**
 * One selector for what the admin clicked, relative to `root` (the page, or the message the element
 * is in). One element: the selector that finds it alone. Two examples of a list's items: what the
 * two share, under their closest common container, so it finds every item of that list.
 */
export function selectorFor(elements: Element[], root: Document | Element): string {
  const [first, second] = elements;
  if (!first) throw new Error('nothing was picked');
  if (!second) {
    const found = byPieces(first, root) ?? getCssSelector(first, { ...OPTIONS, root });
    // A chain of positions breaks at the console's next release: better say the element cannot be named.
    if (/:scope|(:nth-child\(\d+\).*){4}/.test(found)) throw new Error('this element has nothing stable to name it by (no data-*, aria-*, role, id or class of its own or near it): pick its container, or write the selector by hand');
    return found;
  }
  const theirs = new Set(piecesOf(second));
  const shared = piecesOf(first).filter((p) => theirs.has(p));
  const own = shared.length ? named(shared) : first.tagName.toLowerCase();
  const container = commonAncestor(first, second);
  const inside = container && container !== root && root.contains(container) ? `${getCssSelector(container, { ...OPTIONS, root })} ` : '';
  const selector = `${inside}${own}`;
  const found = queryAll(root, selector);
  return found.includes(first) && found.includes(second) ? selector : getCssSelector(elements, { ...OPTIONS, root });
}

const SWALLOWED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick', 'contextmenu'];

/**
 * Lets the admin click `count` elements on the page (Escape, or leaving the tab, cancels): the
 * element under the pointer is outlined, a note at the top says what to click, and the clicks go
 * nowhere else. Resolves with the elements, or null when cancelled.
 */
export function pickElements(doc: Document, count: number, what: string): Promise<Element[] | null> {
  const view = doc.defaultView!;
  const box = doc.createElement('div');
  box.style.cssText = 'position:fixed;pointer-events:none;z-index:2147483647;outline:3px solid #e8590c;background:rgba(232,89,12,.12);display:none';
  const note = doc.createElement('div');
  note.setAttribute('data-sf-picker', '');
  note.style.cssText = 'position:fixed;top:8px;left:50%;transform:translateX(-50%);z-index:2147483647;background:#181818;color:#fff;font:14px system-ui,sans-serif;padding:8px 14px;border-radius:6px;pointer-events:none';
  const picked: Element[] = [];
  const say = () => (note.textContent = count > 1 ? `Click ${what}: example ${picked.length + 1} of ${count} (Esc to cancel)` : `Click ${what} (Esc to cancel)`);
  say();
  doc.documentElement.append(box, note);
  return new Promise((resolve) => {
    const finish = (result: Element[] | null) => {
      view.removeEventListener('mousemove', move, true);
      view.removeEventListener('click', click, true);
      view.removeEventListener('keydown', key, true);
      for (const type of SWALLOWED) view.removeEventListener(type, swallow, true);
      doc.removeEventListener('visibilitychange', away);
      box.remove();
      note.remove();
      resolve(result);
    };
    const move = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      const r = target.getBoundingClientRect();
      box.style.cssText += `;display:block;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
    };
    const click = (event: MouseEvent) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!(event.target instanceof Element)) return;
      picked.push(event.target);
      if (picked.length >= count) finish(picked);
      else say();
    };
    const key = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      finish(null);
    };
    // The console never hears the pointer while picking: no message sent, no chat closed by a pick.
    const swallow = (event: Event) => (event.preventDefault(), event.stopImmediatePropagation());
    // The admin went back to the options page (or elsewhere) without picking: the console is the agent's again.
    const away = () => void (doc.visibilityState === 'hidden' && finish(null));
    doc.addEventListener('visibilitychange', away);
    view.addEventListener('mousemove', move, true);
    view.addEventListener('click', click, true);
    view.addEventListener('keydown', key, true);
    for (const type of SWALLOWED) view.addEventListener(type, swallow, true);
  });
}
