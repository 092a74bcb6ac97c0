/**
 * Chaos: the real built extension in Chromium, the demo console and the Salesforce emulator. N
 * chats end while the emulator fails in every way a contact centre sees (latency spikes, 500/503,
 * connections reset before and after commit, expired tokens, a stretch over the API limit) and
 * the driver stops the service worker and restarts the browser (same profile) at random points.
 * A real proxy in front of the emulator adds what Chrome does not repair by itself: answers cut
 * after commit, connections refused for a stretch (an outage), and a worker stopped, or the whole
 * browser SIGKILLed, while the answer of its committed write is held. The emulator's server is
 * killed right after a chat ends and started again on its port with its data. Some visitors come
 * back (a found contact gets a case). The PC's clock is a quarter of an hour ahead of Salesforce's
 * throughout, so a check that trusts the PC's time to find its own write misses it.
 * Then it reads the org: every chat written exactly once, nothing lost, and the chats with a
 * deliberate permanent error waiting as "needs attention", each one listed in the popup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { startDemoConsole } from '../consoles/demo/server';
import { startEmulator, type Emulator } from '../salesforce-emulator/server';
import { startFaultProxy } from '../salesforce-emulator/fault-proxy';
import { launchChromium } from '../e2e/harness/chromium';
import { ExtensionHarness } from '../e2e/harness/extension';
import { EXTENSION_DIR } from '../e2e/harness/paths';
import { DemoConsolePage, demoVisitor } from '../e2e/pages/demo-console';
import { PanelPage } from '../e2e/pages/panel';
import { OPTIONS_URL, POPUP_URL } from '../e2e/pages/options';
import type { OutboxItem } from '@/utils/messages/protocol';
import { random as seeded } from '../consoles/demo/visitors.js';

export type ChaosOptions = {
  chats: number; seed: number; log?: (line: string) => void;
  /**
   * How far the PC's clock is ahead of Salesforce's (minutes): an agent's PC is often off, and the
   * landed check must not care. Salesforce's clock is set back by that much (Chromium cannot be
   * given a clock of its own; for the extension it is the same).
   */
  clockAheadMinutes?: number;
};
/** The PC's clock in a chaos run, unless told otherwise: a quarter of an hour ahead of Salesforce's. */
export const CLOCK_AHEAD_MINUTES = 15;
export type ChaosResult = {
  chats: number; written: number; duplicates: number; lost: number; needsAttention: number;
  expectedNeedsAttention: number; shownInPopup: number; events: Record<string, number>; seconds: number;
  /** How far the service worker's clock was ahead of Salesforce's answers, measured (minutes). */
  clockAheadMinutes: number;
};

const REJECTED = 'Rejected Ltd';
const emailOf = (seed: number, i: number) => `chaos-${seed}-${i}@example.org`;

/** The browser, its console tab and a control tab (an extension page that sends commands as the popup does). */
export type Session = { browser: Browser; harness: ExtensionHarness; demo: DemoConsolePage; panel: PanelPage; control: Page };

export async function open(userDataDir: string, consoleUrl: string): Promise<Session> {
  const browser = await launchChromium({ extensionDir: EXTENSION_DIR, userDataDir });
  const harness = new ExtensionHarness(browser);
  await harness.consoleScriptReady();
  const control = await harness.newPage(POPUP_URL);
  const page = await harness.newPage(consoleUrl);
  const panel = new PanelPage(page);
  await panel.find('.status[data-state]');
  return { browser, harness, demo: new DemoConsolePage(page), panel, control };
}

/** The browser dies at once (SIGKILL: no shutdown, nothing flushed that was not on disk already). */
export async function killBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

export async function command<T>(control: Page, name: string, payload: unknown): Promise<T> {
  const reply = (await control.evaluate((c, p) => chrome.runtime.sendMessage({ command: c, payload: p }), name, payload as never)) as { ok: boolean; data: T; error?: { message: string } };
  if (!reply?.ok) throw new Error(`${name}: ${reply?.error?.message ?? 'no answer'}`);
  return reply.data;
}

export async function runChaos({ chats, seed, log = () => undefined, clockAheadMinutes = CLOCK_AHEAD_MINUTES }: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const random = seeded(seed); // the same seed, the same storm
  const events: Record<string, number> = {};
  const count = (name: string) => void (events[name] = (events[name] ?? 0) + 1);
  const emulator: Emulator = await startEmulator({ data: 'scenarios' });
  emulator.org.clockOffsetMs = -clockAheadMinutes * 60_000;
  // Every request of the extension crosses the proxy: the org's address is the proxy's.
  const proxy = await startFaultProxy(emulator.url);
  const emulatorPort = Number(new URL(emulator.url).port);
  emulator.serveAs(proxy.url);
  const returning = seeded(seed + 1); // who comes back: apart from the storm's own sequence
  const consoleServer = await startDemoConsole();
  const userDataDir = mkdtempSync(join(tmpdir(), 'sf-panel-chaos-'));
  // The deliberate permanent error: Salesforce refuses cases from one company, every time.
  emulator.org.validationRules.push({ object: 'Case', field: 'SuppliedCompany', pattern: `^(?!${REJECTED}).*$`, message: `Cases from "${REJECTED}" are not accepted.` });
  let session = await open(userDataDir, consoleServer.url);
  try {
    // The skew as the extension meets it: its worker's clock against the time on Salesforce's answers.
    const answered = await fetch(`${emulator.url}/services/data`);
    const measuredAhead = Math.round(((await session.harness.inWorker(() => Date.now())) - Date.parse(answered.headers.get('date') ?? '')) / 60_000);
    // Connected for real (OAuth with PKCE; auto-approved), so expired tokens are refreshed.
    await session.harness.useSettings({
      connection: { loginHost: 'myDomain', myDomain: proxy.url, clientId: 'chaos' },
      automation: { ended: { action: 'contactCase', strategy: 'none' } },
    });
    const options = await session.harness.newPage(OPTIONS_URL);
    await options.waitForSelector('.status-box[data-state="not_connected"]');
    await options.bringToFront();
    await options.click('#connect');
    await options.waitForSelector('.status-box[data-state="connected"]', { timeout: 30_000 });
    await options.close();
    await session.panel.page.bringToFront();

    let overLimitFor = 0;
    let slowFor = 0;
    let outageFor = 0;
    const bad = new Set<number>();
    /** The e-mail each chat gave (a returning visitor gives an earlier one), and the chats already written. */
    const emails: string[] = [];
    const written = new Set<number>();
    const chatIndex = new Map<string, number>();
    for (let i = 0; i < chats; i++) {
      // The storm: one event (or none) per chat. Faults wait for the chat's end (its write), the rest come first.
      const roll = random();
      if (roll >= 0.32 && roll < 0.34 && !overLimitFor) ((overLimitFor = 4), (emulator.usage.used = emulator.usage.max), count('over the API limit'));
      else if (roll >= 0.34 && roll < 0.39) (await session.harness.stopWorker(), count('worker stopped'));
      else if (roll >= 0.39 && roll < 0.41) {
        await session.browser.close();
        session = await open(userDataDir, consoleServer.url);
        count('browser restarted');
      }

      const rejected = random() < 0.06;
      if (rejected) bad.add(i);
      // A visitor whose first chat is written comes back: found, a case on the same contact.
      const comesBack = returning() < 0.2 ? [...written].filter((j) => !bad.has(j) && emails[j] === emailOf(seed, j)) : [];
      const first = comesBack.length ? comesBack[Math.floor(returning() * comesBack.length)]! : i;
      emails.push(emailOf(seed, first));
      if (first !== i) count('returning visitor');
      const name = `Chaos Visitor ${first}`;
      const chat = await session.demo.startChat(demoVisitor(name, emails[i]!, { preChat: { Company: rejected ? REJECTED : 'Chaos Inc' }, firstMessage: `Question ${i}` }));
      chatIndex.set(chat, i);
      await session.demo.openChat(chat);
      await session.demo.sendMessage(chat, 'agent', `Answer ${i}`);
      await session.panel.find('[data-identity]:not([data-identity="identifying"])');
      const composite = { method: 'POST', path: '/composite', count: 1 };
      if (roll < 0.08) (emulator.addFault({ kind: '500', ...composite }), count('500'));
      else if (roll < 0.14) (emulator.addFault({ kind: '503', ...composite }), count('503'));
      else if (roll < 0.19) (emulator.addFault({ kind: 'reset-before', ...composite }), count('reset before commit'));
      // A found contact has no duplicate rule to catch a request Chrome sends again on its own after
      // a reset (issue 13, idempotent writes: open), so its lost answers are cut where Chrome does not resend.
      else if (roll < 0.25 && first === i) (emulator.addFault({ kind: 'reset-after', ...composite }), count('reset after commit'));
      else if (roll < 0.25) (proxy.fault('cut', { writes: true }), count('answer cut after commit'));
      else if (roll < 0.29) (emulator.auth.expireAll(), count('token expired'));
      else if (roll < 0.32) ((slowFor = 3), (emulator.latency = { rttMs: 600, jitterMs: 900 }), count('latency spike'));
      else if (roll >= 0.41 && roll < 0.46) (proxy.fault('cut', { writes: true }), count('answer cut after commit'));
      else if (roll >= 0.46 && roll < 0.48 && !outageFor) ((outageFor = 3), await proxy.refuse(), count('outage (connections refused)'));
      const held = roll >= 0.48 && roll < 0.52;
      if (held) proxy.fault('hold', { writes: true });
      await session.demo.endOpenChat();
      if (roll >= 0.52 && roll < 0.55) {
        // Salesforce's side dies while the chat's write may be on its way (every connection dropped,
        // new ones refused), then comes back with its data, as a server restarted from its disk.
        await emulator.close();
        await new Promise((r) => setTimeout(r, 1_500));
        await emulator.listen(emulatorPort);
        emulator.serveAs(proxy.url);
        count('emulator killed and restarted');
      }
      if (held) {
        // The worker, or the whole browser, dies while the answer of a committed write is on its way: it never hears it.
        const arrived = await Promise.race([proxy.heldCount(1).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 10_000))]);
        if (arrived && roll < 0.5) {
          await killBrowser(session.browser);
          proxy.cut();
          session = await open(userDataDir, consoleServer.url);
          count('browser killed (SIGKILL) mid-write');
        } else if (arrived) {
          await session.harness.stopWorker();
          proxy.cut();
          count('worker stopped mid-write');
        } else {
          proxy.clearFaults(); // no write came (the org is paused, say): the hold is not for a later one
          count('hold met no write');
        }
      }
      // The chat is the extension's once its write is stored: from then on a restart may not lose it.
      for (let t = 0; ; t++) {
        const entries = await command<OutboxItem[]>(session.control, 'outbox.list', { chatId: chat }).catch(() => []);
        if (entries.length) break;
        if (t > 200) throw new Error(`chat ${chat} never reached the outbox`);
        await new Promise((r) => setTimeout(r, 25));
      }
      if (slowFor && --slowFor === 0) emulator.latency = { rttMs: 0, jitterMs: 0 };
      if (outageFor && --outageFor === 0) await proxy.restore();
      for (const e of await command<OutboxItem[]>(session.control, 'outbox.list', {}).catch(() => [])) {
        const j = chatIndex.get(e.chatId);
        if (e.state === 'done' && j !== undefined) written.add(j);
      }
      if (overLimitFor && --overLimitFor === 0) {
        emulator.usage.used = 0;
        // Writes wait 15 minutes after the limit: the agent presses "Try now" (one usage check ends
        // the pause), or the rest of the storm would meet no write at all.
        const waiting = (await command<OutboxItem[]>(session.control, 'outbox.list', {}).catch(() => [])).find((e) => e.state === 'pending');
        if (waiting) (await command(session.control, 'outbox.retry', { id: waiting.id }).catch(() => undefined), count('"Try now" after the API limit'));
      }
      if ((i + 1) % 25 === 0) log(`chaos: ${i + 1}/${chats} chats ended`);
    }

    // The storm is over. What is pending goes at its alarm; the agent may also press "Try now".
    emulator.faults.length = 0;
    proxy.clearFaults();
    await proxy.restore();
    proxy.release();
    emulator.latency = { rttMs: 0, jitterMs: 0 };
    emulator.usage.used = 0;
    let entries: OutboxItem[] = [];
    for (let round = 0; ; round++) {
      entries = await command<OutboxItem[]>(session.control, 'outbox.list', {});
      const pending = entries.filter((e) => e.state === 'pending');
      if (!pending.length) break;
      if (round > 120) throw new Error(`${pending.length} writes still pending after the storm: ${JSON.stringify(pending.slice(0, 3))}`);
      if (round % 5 === 4) for (const e of pending) await command(session.control, 'outbox.retry', { id: e.id });
      await new Promise((r) => setTimeout(r, 500));
    }

    // Read the org: one contact per visitor, one case per chat that was not deliberately refused.
    const contacts = emulator.records('Contact');
    const cases = emulator.records('Case');
    let writtenChats = 0;
    let duplicates = 0;
    let lost = 0;
    for (const email of new Set(emails)) {
      const chatsOf = emails.flatMap((e, i) => (e === email ? [i] : []));
      const expected = chatsOf.filter((i) => !bad.has(i)).length;
      const c = contacts.filter((r) => r.Email === email).length;
      const k = cases.filter((r) => r.SuppliedEmail === email).length;
      duplicates += Math.max(0, c - 1) + Math.max(0, k - expected);
      if (!expected) continue;
      const found = c >= 1 ? Math.min(k, expected) : 0;
      writtenChats += found;
      lost += expected - found;
    }
    const needsAttention = entries.filter((e) => e.state === 'needs_attention');
    // Only the deliberately rejected chats may wait for attention; a rejected chat not waiting is lost.
    const rejectedChats = needsAttention.filter((e) => e.errors.some((x) => x.message.includes(REJECTED)));
    lost += bad.size - rejectedChats.length;
    for (const e of needsAttention.filter((x) => !rejectedChats.includes(x))) log(`chaos: unexpected needs attention ${e.chatId}: ${JSON.stringify(e.errors)} ${e.lastError ?? ''}`);
    const popup = await session.harness.newPage(POPUP_URL);
    await popup.waitForSelector('.queue li');
    const shownInPopup = await popup.$$eval('.queue li[data-state="needs_attention"]', (items) => items.length);
    await popup.setViewport({ width: 380, height: 600 });
    await session.harness.screenshot(popup, 'popup-queue-after-chaos');
    return { chats, written: writtenChats, duplicates, lost, needsAttention: needsAttention.length, expectedNeedsAttention: bad.size, shownInPopup, events, seconds: Math.round((Date.now() - started) / 1000), clockAheadMinutes: measuredAhead };
  } finally {
    await session.browser.close().catch(() => undefined);
    await Promise.all([emulator.close(), consoleServer.close(), proxy.close()]);
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

export function chaosLine(r: ChaosResult): string {
  return `chaos: pc_clock=+${r.clockAheadMinutes}min chats=${r.chats} written=${r.written} duplicates=${r.duplicates} lost=${r.lost} needs_attention=${r.needsAttention}`;
}
