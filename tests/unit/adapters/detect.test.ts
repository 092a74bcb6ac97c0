// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { globMatches, matchesPattern, whenConsoleAppears } from '@/utils/adapters/detect';
import { builtIn } from './fixtures';

const lhc = { ...builtIn('livehelperchat'), matches: ['http://lhc.example/*'] };
const at = (url: string) => (window as unknown as { happyDOM: { setURL: (u: string) => void } }).happyDOM.setURL(url);

describe('whenConsoleAppears (consoles that render themselves after load)', () => {
  it('waits for a single-page console to render, then gives its adapter', async () => {
    at('http://lhc.example/index.php/site_admin/');
    document.body.innerHTML = '<div id="app">loading…</div>';
    let adapter: unknown = 'pending';
    void whenConsoleAppears([lhc], document, new AbortController().signal).then((a) => (adapter = a));
    await new Promise((r) => setTimeout(r, 0));
    expect(adapter).toBe('pending');
    document.querySelector('#app')!.innerHTML = '<div id="tabs"><ul role="tablist"></ul></div>';
    await new Promise((r) => setTimeout(r, 0));
    expect(adapter).toMatchObject({ name: 'livehelperchat' });
  });

  it('gives nothing at once on a page no adapter is for, and stops watching when told', async () => {
    at('http://elsewhere.example/');
    expect(await whenConsoleAppears([lhc], document, new AbortController().signal)).toBeNull();
    at('http://lhc.example/index.php/site_admin/');
    document.body.innerHTML = '';
    const stop = new AbortController();
    const waiting = whenConsoleAppears([lhc], document, stop.signal);
    stop.abort();
    expect(await waiting).toBeNull();
  });
});

describe('matchesPattern', () => {
  it.each([
    ['https://app.chatwoot.com/*', 'https://app.chatwoot.com/app/accounts/1/conversations/2', true],
    ['https://app.chatwoot.com/*', 'http://app.chatwoot.com/', false],
    ['https://app.chatwoot.com/*', 'https://app.chatwoot.com.evil.example/', false],
    ['*://*.example.com/chat/*', 'https://support.eu.example.com/chat/42', true],
    ['*://*.example.com/chat/*', 'https://example.com/chat/1', true],
    ['*://*.example.com/chat/*', 'https://example.com/other', false],
    ['*://*.example.com/*', 'https://badexample.com/', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:8080/demo/', true],
    // A self-hosted console on a port of its own.
    ['https://chat.example.com:3000/*', 'https://chat.example.com:3000/home', true],
    ['https://chat.example.com:3000/*', 'https://chat.example.com/home', false],
    ['https://chat.example.com:443/*', 'https://chat.example.com/home', true],
    ['https://CHAT.example.com/*', 'https://chat.example.com/', true],
    ['https://chat.example.com/live/*/agent', 'https://chat.example.com/live/7/agent', true],
    ['https://chat.example.com/live/*/agent', 'https://chat.example.com/live/7/agents', false],
    ['not a pattern', 'https://x/', false],
    ['ftp://x/*', 'ftp://x/', false],
  ])('%s ~ %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  // An exponential matcher would not finish within the test's time limit (184 s were measured for 8 wildcards).
  it('answers at once on a pattern with many wildcards (no regex is built from it)', () => {
    const pattern = `https://x.example/${'*a'.repeat(8)}*b`;
    const url = `https://x.example/${'a'.repeat(5_000)}`;
    expect(matchesPattern(pattern, url)).toBe(false);
    expect(globMatches('*a*a*a*', 'xaxaxa')).toBe(true);
    expect(globMatches('a*', '')).toBe(false);
    expect(globMatches('**', '')).toBe(true);
  });
});
