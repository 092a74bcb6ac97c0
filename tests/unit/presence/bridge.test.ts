// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_NS } from '@/utils/presence/envelope';

/**
 * The Salesforce package's bridge script itself (salesforce/…/ChatConsolePresenceBridge.js),
 * driven through window messages as the extension's relay drives it, with the fake Omni toolkit
 * the e2e stand-in page uses (documented API: promises, events, a status not granted refused).
 */
const BRIDGE = readFileSync('salesforce/force-app/main/default/staticresources/ChatConsolePresenceBridge.js', 'utf8');
const FAKE = readFileSync('tests/consoles/lightning/fake-omni.js', 'utf8');
(0, eval)(FAKE);
(0, eval)(BRIDGE);

type Message = { ns: string; from: string; type: string; secret?: string; [key: string]: unknown };
type Bridge = { statusChanged: (p: unknown) => void; loggedOut: () => void; workAccepted: () => void; workClosed: () => void; stop: () => void };
const g = globalThis as unknown as {
  ChatConsolePresenceBridge: { start: (o: unknown) => Bridge };
  createFakeOmni: (statuses: unknown[], events: Record<string, (p?: unknown) => void>) => { toolkit: unknown; calls: unknown[][]; current: () => string | null; pick: (s: string) => void; logoutByHand: () => void; acceptWork: () => void; granted: () => unknown[] };
};
const STATUSES = [
  { id: '0N5000000000001AAA', apiName: 'Available', label: 'Available' },
  { id: '0N5000000000002AAA', apiName: 'Busy', label: 'Busy (no chats)' },
  { id: '0N5000000000004AAA', apiName: 'Training', label: 'Training', granted: false },
];

describe('the Omni-Channel bridge', () => {
  let seen: Message[];
  let bridge: Bridge;
  let omni: ReturnType<typeof g.createFakeOmni>;
  const listener = (event: MessageEvent) => {
    if ((event.data as Message)?.from === 'bridge') seen.push(event.data as Message);
  };
  const extension = (type: string, secret: string, body: Record<string, unknown> = {}) => page.postMessage({ ns: BRIDGE_NS, from: 'extension', type, secret, ...body }, window.location.origin);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

  /** happy-dom's own window, the one its messages name as their source (vitest's global is a stand-in for it). */
  let page: Window;
  beforeEach(async () => {
    page = await new Promise<Window>((resolve) => {
      window.addEventListener('message', (event) => resolve(event.source as Window), { once: true });
      window.postMessage('probe', '*');
    });
    seen = [];
    page.addEventListener('message', listener);
    omni = g.createFakeOmni(STATUSES, {
      statusChanged: (p) => bridge?.statusChanged(p),
      loggedOut: () => bridge?.loggedOut(),
      workAccepted: () => bridge?.workAccepted(),
    });
    bridge = g.ChatConsolePresenceBridge.start({ window: page, toolkit: omni.toolkit, statuses: () => Promise.resolve(omni.granted()) });
  });
  afterEach(() => {
    bridge.stop();
    page.removeEventListener('message', listener);
  });

  it('says it is ready; after hello, the granted statuses and the current status (logged out)', async () => {
    await settle();
    expect(seen.map((m) => m.type)).toEqual(['ready']);
    extension('hello', 's1');
    await settle();
    expect(seen.slice(1).map((m) => m.type)).toEqual(['statuses', 'logout']);
    expect(seen[1]!.statuses).toEqual([{ id: '0N5000000000001AAA', apiName: 'Available', label: 'Available' }, { id: '0N5000000000002AAA', apiName: 'Busy', label: 'Busy (no chats)' }]);
    expect(seen[1]!.secret).toBe('s1');
  });

  it('sets a status the extension asks for, and Omni’s change comes back marked as the toolkit’s', async () => {
    extension('hello', 's1');
    await settle();
    seen = [];
    extension('set', 's1', { status: 'Busy' });
    await settle();
    expect(omni.current()).toBe('Busy');
    expect(seen).toContainEqual(expect.objectContaining({ type: 'status', status: 'Busy', reason: 'OmniToolkitStatusChange' }));
  });

  it('tells the agent’s own changes, logouts and accepted work', async () => {
    extension('hello', 's1');
    await settle();
    seen = [];
    omni.pick('Available');
    omni.acceptWork();
    omni.logoutByHand();
    await settle();
    expect(seen.map((m) => [m.type, m.status, m.reason])).toEqual([['status', 'Available', 'OmniManualStatusChange'], ['workAccepted', undefined, undefined], ['logout', undefined, undefined]]);
  });

  it('refuses a status not granted to the user, and says what Omni kept', async () => {
    extension('hello', 's1');
    await settle();
    omni.pick('Available');
    await settle();
    seen = [];
    extension('set', 's1', { status: 'Training', statusId: '0N5000000000004AAA' });
    await settle();
    expect(omni.current()).toBe('Available');
    expect(seen.map((m) => m.type)).toEqual(['error', 'status']);
    expect(String(seen[0]!.message)).toMatch(/does not have access/);
  });

  it('logs out of Omni when asked for no status', async () => {
    extension('hello', 's1');
    await settle();
    omni.pick('Busy');
    extension('set', 's1', { status: null });
    await settle();
    expect(omni.current()).toBeNull();
  });

  it('answers the latest hello’s secret only: a set with an older or a wrong one is ignored', async () => {
    extension('hello', 'old relay');
    await settle();
    extension('hello', 'new relay');
    await settle();
    extension('set', 'old relay', { status: 'Busy' });
    extension('set', 'wrong', { status: 'Busy' });
    await settle();
    expect(omni.current()).toBeNull();
    extension('set', 'new relay', { status: 'Busy' });
    await settle();
    expect(omni.current()).toBe('Busy');
  });

  it('learns a status’s id from Omni itself when the granted list could not be read', async () => {
    bridge.stop();
    bridge = g.ChatConsolePresenceBridge.start({ window: page, toolkit: omni.toolkit, statuses: () => Promise.reject(new Error('no access to the Apex class')) });
    extension('hello', 's1');
    await settle();
    omni.pick('Busy');
    omni.pick('Available');
    await settle();
    extension('set', 's1', { status: 'Busy' });
    await settle();
    expect(omni.current()).toBe('Busy');
  });

  it('tells when the work accepted is closed', async () => {
    extension('hello', 's1');
    await settle();
    seen = [];
    bridge.workClosed();
    await settle();
    expect(seen.map((m) => m.type)).toEqual(['workClosed']);
  });

  it('ignores messages from another origin', async () => {
    extension('hello', 's1');
    await settle();
    page.dispatchEvent(new MessageEvent('message', { data: { ns: BRIDGE_NS, from: 'extension', type: 'set', secret: 's1', status: 'Busy' }, origin: 'https://evil.example' }));
    await settle();
    expect(omni.current()).toBeNull();
  });
});
