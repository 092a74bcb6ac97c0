import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EmulatorControl } from '../../salesforce-emulator/control';
import { firefoxPanelFrame, launchFirefox } from '../harness/firefox';
import { FIREFOX_EXTENSION_DIR, GECKO_ID, SCREENSHOT_DIR } from '../harness/paths';
import { DemoConsolePage, demoVisitor } from '../pages/demo-console';

/**
 * A smoke run in Debian's Firefox ESR: the Firefox build loads as a temporary add-on, its panel
 * frame sits on the demo console, and a visitor is identified against the emulator. What differs
 * from Chromium is in README ("Firefox").
 */
describe('Firefox ESR', () => {
  const emulator = new EmulatorControl(inject('emulatorUrl'));
  const consoleUrl = inject('consoleUrl');
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchFirefox(FIREFOX_EXTENSION_DIR);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Waits for a selector in the panel frame (found again each time: the console may re-render its column) and returns its text. */
  const textOf = async (selector: string, timeout = 15_000) => {
    for (const until = Date.now() + timeout; ; await new Promise((r) => setTimeout(r, 100))) {
      const frame = await firefoxPanelFrame(page).catch(() => null);
      // What an element says: its text, or its label (the status dot has no text).
    const text = await frame?.evaluate((s) => { const el = document.querySelector(s) as HTMLElement | null; return el ? el.innerText || el.getAttribute('aria-label') : null; }, selector).catch(() => null);
      if (text != null) return text.trim();
      if (Date.now() > until) {
        await page.screenshot({ path: `${SCREENSHOT_DIR}/failed-firefox.png` }).catch(() => undefined);
        throw new Error(`the panel in Firefox never showed ${selector}`);
      }
    }
  };

  it('puts the panel on the console and identifies the visitor in Salesforce', async () => {
    await emulator.reset({ data: 'scenarios' });
    page = await browser.newPage();
    await page.goto(consoleUrl);
    const panel = await firefoxPanelFrame(page);
    expect(await textOf('.banner[data-state="not_connected"]')).toContain('Not connected');

    // Connected as after the login: the refresh token in storage.local, written from an extension page.
    await panel.evaluate(async (grant) => {
      const api = (globalThis as unknown as { browser: { storage: { local: { set: (v: object) => Promise<void> } } } }).browser;
      await api.storage.local.set({ 'salesforce-grant': grant });
    }, await emulator.grant());
    await page.reload();
    expect(await textOf('.status-dot[data-state="connected"]')).toContain('Connected to');

    const demo = new DemoConsolePage(page);
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    expect(await textOf(`.visitor[data-chat-id="${chat}"]`)).toContain('Grace Hopper');
    expect(await textOf('[data-identity="found"]')).toContain('Grace');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/firefox-identified.png` });
    // The console page itself still cannot reach Salesforce through the extension.
    expect(await page.evaluate(() => typeof (globalThis as { browser?: unknown }).browser)).toBe('undefined');
  });

  it("takes its configuration from Firefox's enterprise policy (policies.json, 3rdparty → Extensions)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-panel-firefox-policy-'));
    const configured = await launchFirefox(FIREFOX_EXTENSION_DIR, {
      dir, policies: { '3rdparty': { Extensions: { [GECKO_ID]: { automation: { ended: { action: 'contactCase', strategy: 'none' } } } } } },
    });
    try {
      page = await configured.newPage();
      await page.goto(consoleUrl);
      const panel = await firefoxPanelFrame(page);
      const managed = await panel.evaluate(() => (globalThis as unknown as { browser: { storage: { managed: { get: () => Promise<unknown> } } } }).browser.storage.managed.get());
      expect(managed).toEqual({ automation: { ended: { action: 'contactCase', strategy: 'none' } } });
    } finally {
      await configured.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
