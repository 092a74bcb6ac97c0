// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clearHighlights, testAdapter } from '@/utils/adapters/tester';
import { builtIn, loadFixture } from './fixtures';

// The options page's tester on a real LiveHelperChat's markup (two chats open, the second shown).
const lhc = builtIn('livehelperchat');
const count = (report: ReturnType<typeof testAdapter>, path: string) => report.selectors.find((s) => s.path === path)?.count;

describe('the adapter tester', () => {
  it("says what each selector finds, reads the open chat as the panel would, and outlines what it found", () => {
    loadFixture('livehelperchat', 'captures/dashboard-two-chats.html');
    const report = testAdapter(lhc, document);
    expect(report.problems).toEqual([]);
    expect(report.detected).toBe(true);
    expect(count(report, 'chats.item')).toBe(2);
    expect(count(report, 'chats.active')).toBe(1);
    expect(count(report, 'transcript.message')).toBe(report.snapshot!.transcript.length);
    expect(report.chats.map((c) => c.active)).toEqual([false, true]);
    expect(report.snapshot).toMatchObject({ chatId: '15', console: 'livehelperchat' });
    expect(document.querySelectorAll('[data-sf-adapter-test~="detect"]')).toHaveLength(1);
    clearHighlights(document);
    expect(document.querySelectorAll('[data-sf-adapter-test]')).toHaveLength(0);
    expect(document.getElementById('sf-adapter-test-style')).toBeNull();
  });

  it('tells a selector that matches nothing, a page its URL patterns miss, and a console it does not detect', () => {
    loadFixture('livehelperchat', 'captures/dashboard-two-chats.html');
    const report = testAdapter({ ...lhc, detect: '#no-such-console', fields: { ...lhc.fields, 'visitor.phone': { selector: '.renamed-phone' } } }, document, { mark: false });
    expect(report.detected).toBe(false);
    expect(report.urlMatches).toBe(false); // happy-dom's page is no LHC URL
    expect(count(report, 'fields.visitor.phone.selector')).toBe(0);
    expect(document.querySelectorAll('[data-sf-adapter-test]')).toHaveLength(0);
  });

  it('reports the format\'s mistakes and unreadable selectors instead of running', () => {
    loadFixture('livehelperchat', 'captures/dashboard-two-chats.html');
    expect(testAdapter({ name: 'Bad Name' }, document).problems[0]).toMatch(/^adapter "Bad Name": name: /);
    const report = testAdapter({ ...lhc, pane: { ...lhc.pane, root: '.tab-pane[' } }, document);
    expect(report.problems).toEqual(['adapter "livehelperchat": pane.root: ".tab-pane[" is not a valid CSS selector']);
    expect(report.selectors).toEqual([]);
  });
});
