import type { Adapter } from './schema';

/**
 * Chrome's match-pattern test for http(s) patterns: `*` scheme, `*.` subdomains, an optional
 * port (a self-hosted console on :3000; no port matches any), `*` in paths. Compared piece by
 * piece, never through a regex built from the pattern, so no pattern can make it slow.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const schemeEnd = pattern.indexOf('://');
  if (schemeEnd < 0) return false;
  const scheme = pattern.slice(0, schemeEnd);
  const rest = pattern.slice(schemeEnd + 3);
  const slash = rest.indexOf('/');
  if (slash < 0 || !['*', 'http', 'https'].includes(scheme)) return false;
  const authority = rest.slice(0, slash);
  const path = rest.slice(slash);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (scheme === '*' ? !['http:', 'https:'].includes(target.protocol) : target.protocol !== `${scheme}:`) return false;
  const colon = authority.lastIndexOf(':');
  const host = (colon >= 0 ? authority.slice(0, colon) : authority).toLowerCase();
  const port = colon >= 0 ? authority.slice(colon + 1) : null;
  if (port !== null && port !== '*' && port !== (target.port || (target.protocol === 'https:' ? '443' : '80'))) return false;
  const hostname = target.hostname.toLowerCase();
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== host) return false;
  }
  return globMatches(path, target.pathname + target.search);
}

/** `*` matches any run of characters; everything else itself. Greedy with one backtrack point: linear in practice, never exponential. */
export function globMatches(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (g < glob.length && glob[g] === '*') {
      star = g++;
      resume = t;
    } else if (g < glob.length && glob[g] === text[t]) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star + 1;
      t = ++resume;
    } else return false;
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

const urlMatches = (a: Adapter, url: string) => a.matches.some((p) => matchesPattern(p, url));
/** The adapter's console is on this page (its `detect` element is there). */
export const detected = (a: Adapter, doc: Document) => !!doc.querySelector(a.detect.split('>>>')[0]!.trim());

/** The adapter for this page: its URL matches and its console is really there. */
export function adapterFor(adapters: Adapter[], url: string, doc: Document): Adapter | null {
  return adapters.find((a) => urlMatches(a, url) && detected(a, doc)) ?? null;
}

/**
 * The adapter for this page once its console is there: at once, or when a single-page console
 * renders it later (a chat loaded by AJAX, a hash route). Null at once when no adapter's URL
 * matches; watches DOM changes (no polling) until the console appears or `signal` aborts.
 */
export function whenConsoleAppears(adapters: Adapter[], doc: Document, signal: AbortSignal): Promise<Adapter | null> {
  const candidates = () => adapters.filter((a) => urlMatches(a, doc.location?.href ?? ''));
  const found = adapterFor(adapters, doc.location?.href ?? '', doc);
  if (found || !candidates().length) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const adapter = candidates().find((a) => detected(a, doc));
      if (adapter) {
        observer.disconnect();
        resolve(adapter);
      }
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      resolve(null);
    });
  });
}
