// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ADAPTERS } from '@/utils/adapters/registry';
import { adapterSelectors, isValidSelector, selectorProblems } from '@/utils/adapters/selectors';
import { builtIn } from './fixtures';

describe("an adapter's selectors", () => {
  it('lists every selector with its place in the JSON and where it is looked for', () => {
    const found = adapterSelectors(builtIn('livehelperchat'));
    const at = (path: string) => found.find((s) => s.path === path);
    expect(at('detect')).toEqual({ path: 'detect', selector: '#tabs', scope: 'page' });
    expect(at('fields.visitor.email.selector')).toMatchObject({ scope: 'page' });
    expect(at('chats.active')).toMatchObject({ selector: '.active', scope: 'chat item' });
    expect(at('transcript.message')).toMatchObject({ scope: 'pane' });
    expect(at('transcript.role.system')).toMatchObject({ selector: '.system-response', scope: 'message' });
    expect(at('transcript.author.exclude')).toMatchObject({ selector: '.msg-date', scope: 'element' });
    expect(at('ended.selector')).toMatchObject({ scope: 'pane' });
    expect(new Set(found.map((s) => s.path)).size).toBe(found.length);
  });

  it("every built-in adapter's selectors are ones the browser reads", () => {
    for (const adapter of BUILT_IN_ADAPTERS) expect(selectorProblems(adapter, document)).toEqual([]);
  });

  it('names the adapter, the place and the selector the browser cannot read, each step of >>> on its own', () => {
    const broken = { ...builtIn('demo'), name: 'acme', fields: { 'visitor.email': { selector: 'div[title=', read: 'text' as const } } };
    expect(selectorProblems(broken, document)).toEqual(['adapter "acme": fields.visitor.email.selector: "div[title=" is not a valid CSS selector']);
    expect(isValidSelector('app-shell >>> .chat', document)).toBe(true);
    expect(isValidSelector('app-shell >>> .chat[', document)).toBe(false);
  });
});
