import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer';
import { useExtension } from '../setup';
import { axeViolations } from '../harness/axe';
import { demoVisitor } from '../pages/demo-console';
import type { PanelPage } from '../pages/panel';
import { OPTIONS_URL, POPUP_URL } from '../pages/options';

const e2e = useExtension();
const visitor = (name: string, email: string) => demoVisitor(name, email, { firstMessage: 'I need help with my order.' });

/** The panel's frame with its theme forced, as the admin's `general.theme` does (its own test is below). */
async function withTheme(frame: Frame, theme: 'light' | 'dark'): Promise<void> {
  await frame.evaluate((t) => void (document.documentElement.dataset.theme = t), theme);
}

/**
 * One state of the panel, looked at as an agent and a screen reader would: axe finds nothing in
 * light and in dark, and a picture of each is kept (tests/artifacts/screenshots/a11y-*).
 */
async function panelState(page: Page, panel: PanelPage, name: string): Promise<void> {
  const frame = await panel.frame();
  await panel.settled(await panel.find('.panel'));
  for (const theme of ['light', 'dark'] as const) {
    await withTheme(frame, theme);
    expect(await axeViolations(frame), `${name} (${theme})`).toEqual([]);
    await e2e.harness.screenshot(page, `a11y-panel-${name}-${theme}`);
  }
  await withTheme(frame, 'light');
}

/** A whole extension page (popup, options) in light and dark, as the system's setting makes it. */
async function pageState(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    expect(await axeViolations(page), `${name} (${scheme})`).toEqual([]);
    await e2e.harness.screenshot(page, `a11y-${name}-${scheme}`);
  }
  await page.emulateMediaFeatures([]);
}

describe('accessibility: axe finds nothing in any state, light or dark', () => {
  it('the panel: not connected, then connected with a contact, its edit, the search and the lookups', async () => {
    const { harness, emulator, consoleUrl } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await harness.useSettings({});
    await harness.useSalesforceSession(null);
    const page = await harness.newPage(consoleUrl);
    const { PanelPage } = await import('../pages/panel');
    const disconnected = new PanelPage(page);
    await disconnected.waitForState('not_connected');
    await disconnected.find('.banner[data-state="not_connected"] [data-action="connect"]');
    await panelState(page, disconnected, 'not-connected');
    await page.close();

    const { page: console, panel, demo } = await e2e.openConnectedConsole();
    const grace = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await demo.openChat(grace);
    await panel.waitForVisitor(grace);
    await panel.find('[data-identity="found"] [data-fields="Contact"]');
    await panel.find('[data-related] .related__list');
    await panelState(console, panel, 'contact');

    await panel.click('[data-fields="Contact"] [data-action="edit"]');
    await panel.find('[data-fields="Contact"] .field__control');
    await panelState(console, panel, 'edit');
    await panel.click('[data-fields="Contact"] .button--quiet'); // Cancel

    await panel.retype('.search__input', 'example.com');
    await panel.click('.search__form button[type="submit"]');
    await panel.find('[data-search="results"] .choice');
    await panelState(console, panel, 'search');

    // Nobody matches: the four actions, then the contact's form with a lookup's suggestions open.
    const nobody = await demo.startChat(visitor('Alan Turing', 'alan@bletchley.example'));
    await demo.openChat(nobody);
    await panel.waitForVisitor(nobody);
    await panel.find('[data-actions="not_found"]');
    await panelState(console, panel, 'not-found');
    await panel.click('[data-action="contactCase"]');
    await panel.find('[data-form="Contact"] .field__control');
    await panel.click('[data-form="Contact"] [data-action="show-all"]');
    await panel.retype('[data-form="Contact"] [data-field="AccountId"] .field__control', 'acme');
    await panel.find('[data-lookup="AccountId"] .lookup__results:not([hidden]) .choice');
    await panelState(console, panel, 'form-lookup');
  });

  it('the panel: Salesforce down, a write waiting, a write written, one needing attention', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: { automation: { ended: { action: 'contactCase', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } } });
    await emulator.fault({ kind: '503', count: 2 });
    const down = await demo.startChat(visitor('José Núñez', 'jose.nunez@example.com'));
    await panel.waitForVisitor(down);
    await panel.find('.banner[data-state="unreachable"], [data-identity="error"]');
    await panelState(page, panel, 'unreachable');
    await emulator.clearFaults();

    const grace = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await demo.openChat(grace);
    await panel.waitForVisitor(grace);
    await panel.click('[data-action="contactCase"]');
    await panel.find('[data-form="Case"] .field__control');
    await panelState(page, panel, 'case-form');
    await panel.click('[data-form="Case"] button[type="submit"]');
    await panel.find('[data-write="waiting"]');
    await panelState(page, panel, 'write-waiting');
    await demo.endOpenChat();
    await panel.find('[data-write="done"]');
    await panelState(page, panel, 'write-done');

    // Salesforce refuses the case (a validation rule): the agent sees why, and corrects it there.
    await emulator.validationRule({ object: 'Case', field: 'SuppliedCompany', pattern: '^[^<>]*$', message: 'Company names cannot contain < or >.' });
    const ida = await demo.startChat(demoVisitor('Ida Rhodes', 'ida@census.example', { preChat: { Company: '<b>Census</b>' } }));
    await demo.openChat(ida);
    await panel.waitForVisitor(ida);
    await panel.find('[data-identity]:not([data-identity="identifying"])');
    await demo.endOpenChat();
    await panel.find('[data-write="needs_attention"]');
    await panelState(page, panel, 'needs-attention');
  });

  it('the popup with writes in every state, and the options page, connected', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: { automation: { ended: { action: 'case', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } } });
    const grace = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await demo.openChat(grace);
    await panel.waitForVisitor(grace);
    await demo.endOpenChat();
    await panel.find('[data-write="done"]');
    const popup = await harness.newPage(POPUP_URL);
    await popup.waitForSelector('.queue li[data-state="done"]');
    // The popup names the visitor and the record, not ids.
    expect(await popup.$eval('.queue li[data-state="done"]', (el) => (el as HTMLElement).innerText)).toMatch(/Grace Hopper[\s\S]*Case/);
    await pageState(popup, 'popup');

    const options = await harness.newPage(OPTIONS_URL);
    await options.waitForSelector('#connection .status-box[data-state="connected"]');
    await pageState(options, 'options');
  });

  it('the theme setting turns the pages dark, whatever the system says', async () => {
    const { harness, consoleUrl } = e2e;
    await harness.useSettings({ general: { theme: 'dark' } });
    await harness.useSalesforceSession(null);
    const page = await harness.newPage(consoleUrl);
    const { PanelPage } = await import('../pages/panel');
    const panel = new PanelPage(page);
    await panel.waitForState('not_connected');
    const frame = await panel.frame();
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    // Dark: the panel's background is dark and its text light.
    const colours = await frame.$eval('.panel', (el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(colours).toEqual(['rgb(31, 34, 38)', 'rgb(236, 236, 236)']);
    await harness.screenshot(page, 'a11y-theme-setting-dark');
    await harness.useSettings({});
  });
});

describe('layout: the panel at 200% zoom and in a 260-px column stays whole and usable', () => {
  for (const [name, viewport, column] of [
    ['zoom-200', { width: 683, height: 384, deviceScaleFactor: 2 }, null],
    ['column-260', { width: 1366, height: 768 }, 260],
  ] as const) {
    it(name, async () => {
      const { harness, emulator } = e2e;
      await emulator.reset({ data: 'scenarios' });
      const { page, panel, demo } = await e2e.openConnectedConsole();
      await page.setViewport(viewport);
      if (column) await page.evaluate((w) => void (document.getElementById('sf-panel-slot')!.style.width = `${w}px`), column);
      const grace = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
      await demo.openChat(grace);
    await panel.waitForVisitor(grace);
      await panel.find('[data-identity="found"] [data-fields="Contact"]');
      await panel.settled(await panel.find('.panel'));
      const frame = await panel.frame();
      // Nothing is wider than the panel (no sideways scroll, nothing cut), and the title is never broken inside a word.
      const layout = await frame.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        name: (() => { const el = document.querySelector('.visitor__name')!; const range = document.createRange(); range.selectNodeContents(el); return range.getClientRects().length; })(),
        buttons: [...document.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().width > 0 && b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent),
      }));
      expect(layout).toEqual({ overflow: 0, name: 1, buttons: [] });
      // And the panel is on screen: its frame ends inside the console's window.
      const edge = await page.evaluate(() => document.querySelector('sf-chat-panel')!.getBoundingClientRect().right - innerWidth);
      expect(edge).toBeLessThanOrEqual(0);
      expect(await axeViolations(frame)).toEqual([]);
      await harness.screenshot(page, `a11y-${name}`);
    });
  }
});
