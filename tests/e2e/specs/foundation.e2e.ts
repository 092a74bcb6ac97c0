import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { PanelPage } from '../pages/panel';
import { demoVisitor } from '../pages/demo-console';

const e2e = useExtension();

type Reply = { ok: boolean; data?: { startedAt: number }; error?: { code: string } };

/** A raw message from the content script's isolated world on the console page. */
const fromContentScript = (page: import('puppeteer').Page, message: unknown) => new PanelPage(page).sendFromConsole<Reply>(message);
/** A raw message from the panel's frame (an extension page). */
const fromPanel = (page: import('puppeteer').Page, message: unknown) => new PanelPage(page).send<Reply>(message);

describe('walking skeleton', () => {
  it('shows the panel in a frame of its own and the org status: panel frame → worker → Salesforce', async () => {
    const { harness, emulator, consoleUrl } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const token = await emulator.token();
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });

    const page = await harness.newPage(consoleUrl);
    const panel = new PanelPage(page);
    const text = await panel.waitForState('connected');
    expect(text).toContain(new URL(token.instanceUrl).host);
    expect(text).toContain('API v62.0');
    expect(text).toMatch(/1 of 15,000 daily API requests used/);
    expect(await panel.count()).toBe(1);
    // Isolated: the console's own scripts see a host element with a closed shadow root, no frame, no panel.
    expect(await page.evaluate(() => document.querySelector('.panel'))).toBeNull();
    expect(await page.evaluate(() => {
      const host = document.querySelector('sf-chat-panel');
      return { host: !!host, shadow: host?.shadowRoot ?? null, frames: document.querySelectorAll('iframe').length };
    })).toEqual({ host: true, shadow: null, frames: 0 });

    // The org's limits, and nothing else but the agent's Omni-Channel status (read-only, as the panel
    // opens, unless the worker asked it a moment ago; who the user is comes from the OAuth grant, and
    // from userinfo here only because this session was stored by hand).
    await expect.poll(async () => (await emulator.apiCalls()).map((c) => c.path), { timeout: 5_000 }).toContain('/services/data/v62.0/limits');
    const calls = await emulator.apiCalls();
    const allowed = [
      'GET /services/data/v62.0/limits 200',
      'GET /services/data/v62.0/query?q=SELECT UserId, IsAway, ServicePresenceStatus.DeveloperName, ServicePresenceStatus.MasterLabel 200',
      'GET /services/oauth2/userinfo 200',
    ];
    for (const call of calls) expect(allowed).toContain(`${call.method} ${decodeURIComponent(call.path).split(' FROM ')[0]} ${call.status}`);
    await harness.screenshot(page, 'foundation-connected');
  });

  it('says "not connected" and calls nothing without a session', async () => {
    const { harness, emulator, consoleUrl } = e2e;
    await harness.useSalesforceSession(null);
    await emulator.clearLog();
    const page = await harness.newPage(consoleUrl);
    expect(await new PanelPage(page).waitForState('not_connected')).toMatch(/Not connected to Salesforce/);
    expect(await emulator.log()).toEqual([]);
    await harness.screenshot(page, 'foundation-not-connected');
  });

  it('tells the agent when Salesforce is down, and recovers on "Try again"', async () => {
    const { harness, emulator, consoleUrl } = e2e;
    const token = await emulator.token();
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
    await emulator.fault({ kind: '503', count: 1 });
    const page = await harness.newPage(consoleUrl);
    const panel = new PanelPage(page);
    expect(await panel.waitForState('unreachable')).toMatch(/cannot be reached/);
    // One banner, one button: the one that fixes it.
    expect(await (await panel.find('.banner[data-state="unreachable"]')).evaluate((el) => [...el.querySelectorAll('button')].map((b) => b.textContent))).toEqual(['Try again']);
    await harness.screenshot(page, 'foundation-unreachable');
    await panel.click('[data-action="check-again"]');
    await panel.waitForState('connected');
    await panel.gone('.banner');
  });

  it('answers again after Chrome stops the service worker', async () => {
    const { harness, emulator } = e2e;
    const { page, panel } = await e2e.openConnectedConsole();
    const before = await fromPanel(page, { command: 'worker.info', payload: {} });

    await harness.stopWorker();
    expect(harness.browser.targets().some((t) => t.type() === 'service_worker')).toBe(false);

    // The next message from the page starts the worker again; storage.session survives.
    await emulator.clearLog();
    await panel.clickCheckConnection();
    await panel.waitForState('connected');
    const after = await fromPanel(page, { command: 'worker.info', payload: {} });
    expect(after.data!.startedAt).toBeGreaterThan(before.data!.startedAt);
    expect((await emulator.apiCalls()).length).toBe(1);
  });

  it("keeps the panel on the open chat after Chrome stops the service worker: the chat's end still reaches it", async () => {
    const { harness } = e2e;
    const { panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(demoVisitor('Ada Lovelace', 'ada@engine.example'));
    await panel.waitForVisitor(chat);
    // A new worker knows no tab: it asks the console which chat it shows, and tells the panel.
    await harness.stopWorker();
    await demo.endChat(chat);
    const badge = await panel.find(`.visitor[data-chat-id="${chat}"] .badge`);
    expect(await badge.evaluate((el) => el.textContent)).toBe('Chat ended');
  });

  it('validates every message at the boundary and keeps the page out', async () => {
    const { harness, consoleUrl } = e2e;
    await harness.useSalesforceSession(null);
    const page = await harness.newPage(consoleUrl);
    await new PanelPage(page).waitForState('not_connected');
    expect(await fromPanel(page, { command: 'salesforce.status', payload: 'DROP' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await fromContentScript(page, { command: 'chat.event', payload: 'DROP' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await fromContentScript(page, { command: 'tokens.read', payload: {} })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    // The content script only reports what the console shows: nothing that reads or writes Salesforce.
    for (const command of ['salesforce.status', 'identify.run', 'salesforce.search', 'outbox.list', 'chat.recent', 'record.update', 'lookup.search']) {
      expect(await fromContentScript(page, { command, payload: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // The console page itself (main world) has no channel to the extension at all.
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
  });

  it('catches an uncaught error in the service worker (so a test that causes one fails)', async () => {
    const { harness } = e2e;
    await harness.inWorker(() => {
      setTimeout(() => {
        throw new Error('deliberate worker failure');
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.takeErrors()).toEqual([expect.stringContaining('deliberate worker failure')]);
    await harness.stopWorker(); // the next test starts with a clean worker
  });

  it('stays idle on pages that are not a chat console', async () => {
    const { harness, emulator } = e2e;
    const page = await harness.newPage(`${emulator.url}/__emulator/log`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(() => document.querySelectorAll('sf-chat-panel').length)).toBe(0);
  });
});
