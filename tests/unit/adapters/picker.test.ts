// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { selectorFor, unstable } from '@/utils/adapters/picker';
import { queryAll } from '@/utils/adapters/dom';
import { builtIn, loadFixture } from './fixtures';

describe('the point-and-click picker', () => {
  it("names what an element is, not how this render looks: data-*, aria-* and role over classes; no utility, hashed or generated names", () => {
    for (const kept of ['[data-qa-type="message"]', '[role="log"]', '[aria-label="Conversation"]', '[title="IP"]', '.message-row', '.visitor-email', '#tabs', 'li']) expect(unstable(kept), kept).toBe(false);
    for (const dropped of ['.flex', '.p-4', '.text-sm', '.bg-slate-100', '.md\\:flex', '.w-\\[200px\\]', '.css-1x2y3z', '.sc-AxjAm1', '._3xY9z', '.Button_root__3xY9z', '#msg-27', '#chat-id-15', '#\\:r1\\:', '[href="mailto:grace@example.com"]', '[title="08:06:04"]', '[data-chat-id="chat-1234"]', '[style="color:red"]']) expect(unstable(dropped), dropped).toBe(true);
  });

  it("one element on a real LiveHelperChat: what a person would write, found alone, in the open chat's pane, never by the visitor's own values", () => {
    loadFixture('livehelperchat', 'captures/dashboard-two-chats.html');
    const lhc = builtIn('livehelperchat');
    const pane = '[role="tabpanel"].tab-pane.active.chat-tab-pane';
    const picked = (field: string) => {
      const el = queryAll(document, lhc.fields[field]!.selector!)[0]!;
      const selector = selectorFor([el], document);
      expect(queryAll(document, selector), selector).toEqual([el]);
      return selector;
    };
    expect(picked('session.ip')).toBe(`${pane} [title="IP"]`);
    // No class or attribute of its own: after the IP cell, as LHC lays it out.
    expect(picked('visitor.email')).toBe(`${pane} [title="IP"] + div`);
    expect(picked('visitor.phone')).toBe(`${pane} div:has(> [title="Phone"].material-icons)`);
    // data-title holds the visitor's name: asked for by its presence, never by "Ada Lovelace".
    expect(picked('visitor.name')).toBe(`${pane} [data-title]`);
  });

  it('says so when an element has nothing stable to be named by, instead of a chain of positions', () => {
    const level = (depth: number): string => (depth ? `<div>${level(depth - 1)}${level(depth - 1)}</div>` : '<span>x</span>');
    document.body.innerHTML = level(6);
    expect(() => selectorFor([document.querySelectorAll('span')[37]!], document)).toThrow(/nothing stable to name it by/);
  });

  it("two of a list's items: one selector that finds every item of that list", () => {
    loadFixture('livehelperchat', 'captures/dashboard-two-chats.html');
    const lhc = builtIn('livehelperchat');
    const pane = queryAll(document, lhc.pane.root)[0]!;
    const rows = queryAll(pane, lhc.transcript.message);
    expect(rows.length).toBeGreaterThan(2);
    const selector = selectorFor([rows[0]!, rows[1]!], pane);
    expect(queryAll(pane, selector)).toEqual(rows);
  });
});
