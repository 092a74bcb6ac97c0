// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { innerScopes, query, queryAll, read } from '@/utils/adapters/dom';

beforeEach(() => {
  document.body.innerHTML = `
    <chat-app></chat-app>
    <a id="mail" href="mailto:Ann%20Lee%20%3Cann@example.com%3E?subject=hi">write</a>
    <a id="tel" href="tel:+14155550100">call</a>
    <input id="status" value="away">
    <span id="title" data-chat="chat-42">Chat #42 with Ann</span>`;
  const host = document.querySelector('chat-app')!;
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<section class="chat"><p class="visitor">Ann Lee</p></section><inner-widget></inner-widget>';
  shadow.querySelector('inner-widget')!.attachShadow({ mode: 'open' }).innerHTML = '<b class="deep">two levels down</b>';
});

describe('adapter DOM look-ups', () => {
  it('steps into shadow roots with >>>, at any depth', () => {
    expect(query(document, 'chat-app >>> .visitor')?.textContent).toBe('Ann Lee');
    expect(query(document, 'chat-app >>> inner-widget >>> .deep')?.textContent).toBe('two levels down');
    expect(queryAll(document, 'chat-app >>> .nothing')).toEqual([]);
    expect(innerScopes(document, 'chat-app >>> inner-widget >>> .deep')).toHaveLength(2);
  });

  it('reads text, attributes, input values, and mailto:/tel: links without their scheme', () => {
    expect(read(document, { selector: '#mail', read: 'href' })).toBe('Ann Lee <ann@example.com>');
    expect(read(document, { selector: '#tel', read: 'href' })).toBe('+14155550100');
    expect(read(document, { selector: '#status', read: 'value' })).toBe('away');
    expect(read(document, { selector: '#title', read: 'attr', attr: 'data-chat' })).toBe('chat-42');
    expect(read(document, { selector: '#title', read: 'text', pattern: '#(\\d+)' })).toBe('42');
    expect(read(document, { selector: '#missing', read: 'text' })).toBeNull();
  });

  it('runs a pattern on the first 1,000 characters only: page text of any length costs the same', () => {
    const el = document.createElement('p');
    el.id = 'long';
    el.textContent = `${'x'.repeat(990)}#7 ${'y'.repeat(100_000)}#8`;
    document.body.append(el);
    expect(read(document, { selector: '#long', read: 'text', pattern: '#(\\d)' })).toBe('7');
    expect(read(document, { selector: '#long', read: 'text', pattern: '#(8)' })).toBeNull();
    el.remove();
  });
});
