// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { whenConsoleAppears } from '@/utils/adapters/registry';
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
