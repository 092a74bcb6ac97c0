import { chatwootAdapter } from './chatwoot';
import { demoAdapter } from './demo';
import { livehelperchatAdapter } from './livehelperchat';
import { rocketchatAdapter } from './rocketchat';
import { Adapter, parseAdapter } from './schema';

/** Every console the extension knows out of the box, one file each. */
export const BUILT_IN_ADAPTERS = [demoAdapter, chatwootAdapter, livehelperchatAdapter, rocketchatAdapter].map((input) => {
  const parsed = parseAdapter(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.adapter;
});

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Chrome's match-pattern test for http(s) patterns: `*` scheme, `*.` subdomains, `*` in paths. */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme === '*' ? !['http:', 'https:'].includes(target.protocol) : target.protocol !== `${scheme}:`) return false;
  if (host !== '*') {
    const anySub = host.startsWith('*.');
    const base = escape(anySub ? host.slice(2) : host);
    if (!new RegExp(`^${anySub ? '(?:[^.]+\\.)*' : ''}${base}$`, 'i').test(target.hostname)) return false;
  }
  const pathRe = new RegExp(`^${path.split('*').map(escape).join('.*')}$`);
  return pathRe.test(target.pathname + target.search);
}

const urlMatches = (a: Adapter, url: string) => a.matches.some((p) => matchesPattern(p, url));
const detected = (a: Adapter, doc: Document) => !!doc.querySelector(a.detect.split('>>>')[0]!.trim());

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
