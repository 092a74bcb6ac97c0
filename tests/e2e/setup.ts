import puppeteer from 'puppeteer';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { EmulatorControl } from '../salesforce-emulator/control';
import { ExtensionHarness } from './harness/extension';
import { DemoConsolePage } from './pages/demo-console';
import { PanelPage } from './pages/panel';

export type E2E = {
  harness: ExtensionHarness;
  emulator: EmulatorControl;
  consoleUrl: string;
  /** Connects the extension to the emulator and opens the demo console (or another console's `url`) with the panel ready. */
  openConnectedConsole: (options?: { settings?: Record<string, unknown>; url?: string }) => Promise<{ page: import('puppeteer').Page; panel: PanelPage; demo: DemoConsolePage }>;
};

/**
 * Call once at the top of a spec file: connects to the shared browser, and after every test
 * closes its pages and fails it if the worker or a page threw.
 */
export function useExtension(): E2E {
  const context = {} as E2E;
  beforeAll(async () => {
    const browser = await puppeteer.connect({ browserWSEndpoint: inject('wsEndpoint'), defaultViewport: { width: 1400, height: 900 } });
    context.harness = new ExtensionHarness(browser);
    context.emulator = new EmulatorControl(inject('emulatorUrl'));
    context.consoleUrl = inject('consoleUrl');
    context.openConnectedConsole = async ({ settings = {}, url = context.consoleUrl } = {}) => {
      const token = await context.emulator.token();
      await context.harness.useSettings(settings);
      await context.harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
      const page = await context.harness.newPage(url);
      const panel = new PanelPage(page);
      await panel.waitForState('connected');
      return { page, panel, demo: new DemoConsolePage(page) };
    };
    await context.harness.consoleScriptReady();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await context.harness.screenshotAll(`failed-${task.name.replace(/[^\w-]+/g, '-').slice(0, 60)}`);
    await context.harness.closePages();
    await context.emulator.clearFaults();
    await context.emulator.latency(0);
    expect(context.harness.takeErrors(), 'uncaught errors in the service worker or a page').toEqual([]);
  });
  afterAll(async () => {
    await context.harness?.browser.disconnect();
  });
  return context;
}
