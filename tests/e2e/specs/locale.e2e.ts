import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EmulatorControl } from '../../salesforce-emulator/control';
import { launchChromium } from '../harness/chromium';
import { ExtensionHarness } from '../harness/extension';
import { axeViolations } from '../harness/axe';
import { EXTENSION_DIR } from '../harness/paths';
import { DemoConsolePage, demoVisitor } from '../pages/demo-console';
import { OPTIONS_URL, POPUP_URL } from '../pages/options';
import { PanelPage } from '../pages/panel';

/**
 * The extension in a German Chromium (`--lang=de`): every word from the German messages, dates and
 * numbers as Germans write them, nothing left in English; the pages stay accessible.
 */
describe('an agent whose browser speaks German', () => {
  const emulator = new EmulatorControl(inject('emulatorUrl'));
  const consoleUrl = inject('consoleUrl');
  const dir = mkdtempSync(join(tmpdir(), 'sf-panel-de-'));
  let browser: Browser;
  let harness: ExtensionHarness;

  beforeAll(async () => {
    // Chromium on Linux takes its UI language from the environment (--lang is Windows' switch).
    browser = await launchChromium({ extensionDir: EXTENSION_DIR, userDataDir: dir, args: ['--lang=de', '--accept-lang=de-DE,de'], env: { LANGUAGE: 'de', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
    harness = new ExtensionHarness(browser);
    await harness.consoleScriptReady();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the panel, the popup and the options page are in German, with German dates and numbers', async () => {
    await emulator.reset({ data: 'scenarios' });
    const token = await emulator.token();
    await harness.useSettings({});
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
    const page = await harness.newPage(consoleUrl);
    const panel = new PanelPage(page);
    expect(await panel.waitForState('connected')).toMatch(/^Verbunden mit /);
    const demo = new DemoConsolePage(page);
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"] [data-fields="Contact"]');
    await panel.find('[data-related] .related__list');
    const frame = await panel.frame();
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('de');
    const text = await panel.text();
    // The birthdate (1906-12-09) and the revenue (1250000) as Germans write them.
    expect(text).toContain('09.12.1906');
    expect(text).toContain('1.250.000');
    // Our words are German: none of the English ones is left.
    for (const english of ['Attach a Case', 'Look again in Salesforce', 'Keyboard shortcuts', 'Open cases', 'Contact details']) expect(text).not.toContain(english);
    expect(await axeViolations(frame)).toEqual([]);
    await harness.screenshot(page, 'locale-de-panel');

    const popup = await harness.newPage(POPUP_URL);
    await popup.waitForSelector('#popup-status[data-state="connected"]');
    expect(await popup.$eval('h2', (el) => el.textContent)).toBe('Schreibvorgänge');
    expect(await axeViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'locale-de-popup');

    const options = await harness.newPage(OPTIONS_URL);
    await options.waitForSelector('#connection .status-box[data-state="connected"]');
    expect(await options.$eval('html', (el) => el.lang)).toBe('de');
    expect(await axeViolations(options)).toEqual([]);
    await harness.screenshot(options, 'locale-de-options');
    await harness.closePages();
  });

  it("the background's own words are German too: a failed search, a stored setting's problem", async () => {
    await emulator.reset({ data: 'scenarios' });
    const token = await emulator.token();
    await harness.useSettings({ general: { phoneRegion: 'Vereinigte Staaten' } });
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
    const page = await harness.newPage(consoleUrl);
    const panel = new PanelPage(page);
    await panel.waitForState('connected');
    const chat = await new DemoConsolePage(page).startChat(demoVisitor('G. H.', 'gh@personal.example'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="not_found"]');
    // The worker words the failure (failure.ts), not the panel.
    await emulator.fault({ kind: '503', count: 5, path: '/search' });
    await (await panel.find('.search__input')).type('Hopper');
    await panel.click('.search__form button');
    const note = await panel.find('.search__note.status--error');
    expect(await note.evaluate((el) => el.textContent)).toMatch(/^Salesforce ist nicht erreichbar \(/);
    await emulator.clearFaults();
    await harness.screenshot(page, 'locale-de-search-failed');

    // The stored setting's problem, found by the worker's settings check: the schema's own words in German.
    const options = await harness.newPage(OPTIONS_URL);
    await options.waitForSelector('#problems');
    const problems = await options.$eval('#problems', (el) => (el as HTMLElement).innerText);
    expect(problems).toContain('zweistelligen Ländercode');
    expect(problems).not.toMatch(/two-letter|country code/);
    await harness.screenshot(options, 'locale-de-setting-problem');
    await harness.useSettings({});
    await harness.closePages();
  });
});
