import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { startDemoConsole } from '../consoles/demo/server';
import { startEmulator, type Emulator, type EmulatorOptions } from '../salesforce-emulator/server';
import { launchChromium } from '../e2e/harness/chromium';
import { EXTENSION_DIR } from '../e2e/harness/paths';
import { ExtensionHarness } from '../e2e/harness/extension';
import { PanelPage } from '../e2e/pages/panel';
import { DemoConsolePage } from '../e2e/pages/demo-console';
import { startFaultProxy } from '../salesforce-emulator/fault-proxy';
import type { OutboxItem } from '@/utils/messages/protocol';

export type BenchEnvironment = { emulator: Emulator; demoUrl: string; browser: Browser };

/**
 * What a browser figure runs in: the emulator (with `data`), the demo console, and a Chromium
 * with the loopback build in a profile of its own; all of it closed and removed afterwards.
 */
export async function inBenchBrowser<T>(data: EmulatorOptions['data'], measure: (env: BenchEnvironment) => Promise<T>, org?: EmulatorOptions['org']): Promise<T> {
  const emulator = await startEmulator({ data, org });
  const demo = await startDemoConsole();
  const userDataDir = mkdtempSync(join(tmpdir(), 'sf-panel-bench-'));
  const browser = await launchChromium({ extensionDir: EXTENSION_DIR, userDataDir });
  try {
    return await measure({ emulator, demoUrl: demo.url, browser });
  } finally {
    await browser.close();
    await Promise.all([emulator.close(), demo.close()]);
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * The demo console open with the panel connected to the org through a fault proxy (so a test can
 * take Salesforce away), chats ending with a contact and a case; the outbox as the popup lists it.
 */
export async function consoleThroughProxy({ emulator, demoUrl, browser }: BenchEnvironment) {
  const proxy = await startFaultProxy(emulator.url);
  const token = emulator.issueToken('ana.agent@example.com');
  const harness = new ExtensionHarness(browser);
  await harness.consoleScriptReady();
  await harness.useSettings({ automation: { ended: { action: 'contactCase', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } });
  await harness.useSalesforceSession({ instanceUrl: proxy.url, accessToken: token.accessToken });
  const page = await harness.newPage(demoUrl);
  const panel = new PanelPage(page);
  await panel.waitForState('connected');
  const list = async () => (await panel.send<{ data: OutboxItem[] }>({ command: 'outbox.list', payload: {} })).data;
  return { proxy, harness, panel, demo: new DemoConsolePage(page), list };
}
