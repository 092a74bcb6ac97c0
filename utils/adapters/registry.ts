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

/** The adapter for this page: its URL matches and its console is really there. */
export function adapterFor(adapters: Adapter[], url: string, doc: Document): Adapter | null {
  return adapters.find((a) => a.matches.some((p) => matchesPattern(p, url)) && doc.querySelector(a.detect.split('>>>')[0]!.trim())) ?? null;
}
