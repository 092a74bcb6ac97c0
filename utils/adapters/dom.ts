import type { Extract } from './schema';

/**
 * DOM look-ups for adapters. ` >>> ` in a selector steps into an element's shadow root or a
 * same-origin iframe's document, so consoles built from web components or frames work too.
 */
type Scope = Document | Element | ShadowRoot;

function inner(el: Element): Scope | null {
  if (el.shadowRoot) return el.shadowRoot;
  if (el instanceof HTMLIFrameElement) {
    try {
      return el.contentDocument; // null or throws when cross-origin: not ours to read
    } catch {
      return null;
    }
  }
  return null;
}

/** A selector's steps across shadow roots and frames (` >>> `), each a plain CSS selector. */
export const selectorSteps = (selector: string) => selector.split(/\s*>>>\s*/);

export function queryAll(scope: Scope, selector: string): Element[] {
  const steps = selectorSteps(selector);
  let scopes: Scope[] = [scope];
  for (let i = 0; i < steps.length; i++) {
    const found = scopes.flatMap((s) => Array.from(s.querySelectorAll(steps[i]!)));
    if (i === steps.length - 1) return found;
    scopes = found.map(inner).filter((s): s is Scope => s !== null);
  }
  return [];
}

export function query(scope: Scope, selector: string): Element | null {
  if (!selector.includes('>>>')) return scope.querySelector(selector);
  return queryAll(scope, selector)[0] ?? null;
}

/** The shadow roots and iframe documents a selector passes through (to observe them too). */
export function innerScopes(scope: Scope, selector: string): Scope[] {
  const steps = selectorSteps(selector);
  const out: Scope[] = [];
  let scopes: Scope[] = [scope];
  for (let i = 0; i < steps.length - 1; i++) {
    scopes = scopes.flatMap((s) => Array.from(s.querySelectorAll(steps[i]!))).map(inner).filter((s): s is Scope => s !== null);
    out.push(...scopes);
  }
  return out;
}

/**
 * What is on screen but is no text: icon glyphs (ligature fonts such as Material Icons write
 * "thumb_up" in the DOM), images by role, what is hidden from assistive technology, reaction widgets.
 */
const NOT_TEXT = '[aria-hidden="true"], [role="img"], svg, [class*="material-icons"], [class*="material-symbols"], .reactions-holder, script, style, template';

/** An element's text as the agent reads it: without NOT_TEXT (and `exclude`) descendants. */
function visibleText(el: Element, exclude?: string): string {
  const skip = exclude ? `${NOT_TEXT}, ${exclude}` : NOT_TEXT;
  if (!el.querySelector(skip)) return el.textContent ?? '';
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue;
      else if (child.nodeType === 1 && !(child as Element).matches(skip)) walk(child);
    }
  };
  walk(el);
  return out;
}

/** Reads one value as raw text (the caller cleans and caps it). */
export function read(scope: Scope, extract: Extract): string | null {
  const el = extract.selector ? query(scope, extract.selector) : scope instanceof Element ? scope : null;
  if (!el) return null;
  let value: string | null;
  switch (extract.read) {
    case 'attr':
      value = el.getAttribute(extract.attr!);
      break;
    case 'href': {
      const href = el.getAttribute('href');
      value = href === null ? el.textContent : safeDecode(href.replace(/^(mailto|tel|callto|sms):/i, '').split('?')[0]!);
      break;
    }
    case 'value':
      value = 'value' in el ? String((el as HTMLInputElement).value) : el.getAttribute('value');
      break;
    default:
      value = visibleText(el, extract.exclude);
  }
  if (value !== null && extract.pattern) {
    const match = compiled(extract.pattern).exec(value.slice(0, PATTERN_TEXT_MAX));
    value = match ? (match[1] ?? match[0]) : null;
  }
  return value;
}

/** Page text a pattern runs on is cut to this many characters: an id, a name or an e-mail is far shorter (patterns that backtrack badly are refused in settings, utils/adapters/patterns.ts). */
export const PATTERN_TEXT_MAX = 1_000;

const regexes = new Map<string, RegExp>();
/** Each pattern compiled once (a console reads the same fields at every message). */
function compiled(pattern: string): RegExp {
  let re = regexes.get(pattern);
  if (!re) regexes.set(pattern, (re = new RegExp(pattern)));
  return re;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
