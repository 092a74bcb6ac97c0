// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { keepMounted } from '@/utils/adapters/keep-mounted';

describe('keepMounted', () => {
  it('places the host once its anchor is there, leaves it while it stays, and places it again on an anchor the console replaced', () => {
    document.body.innerHTML = '<main></main>';
    const host = document.createElement('sf-chat-panel');
    const log: string[] = [];
    const panel = keepMounted(document, { anchor: '#column', position: 'beside', append: 'first' }, host, () => (log.push('mount'), () => log.push('unmount')));
    panel.check();
    expect(host.isConnected).toBe(false);
    document.querySelector('main')!.innerHTML = '<div id="column"><p>console content</p></div>';
    panel.check();
    panel.check();
    expect(document.querySelector('#column')!.firstElementChild).toBe(host);
    expect(log).toEqual(['mount']);
    // A single-page console renders its column anew: the host goes with the old one, and comes back.
    document.querySelector('main')!.innerHTML = '<div id="column"><p>new render</p></div>';
    panel.check();
    expect(document.querySelector('#column')!.firstElementChild).toBe(host);
    expect(log).toEqual(['mount', 'unmount', 'mount']);
    panel.remove();
    expect(host.isConnected).toBe(false);
    expect(log.at(-1)).toBe('unmount');
  });

  it('docked and floating panels go at the end of the body', () => {
    document.body.innerHTML = '<main></main>';
    const host = document.createElement('sf-chat-panel');
    keepMounted(document, { anchor: '#nowhere', position: 'floating', append: 'first' }, host, () => () => undefined).check();
    expect(document.body.lastElementChild).toBe(host);
  });
});
