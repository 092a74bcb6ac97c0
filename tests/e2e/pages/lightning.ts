import type { Page } from 'puppeteer';
import type { ExtensionHarness } from '../harness/extension';

/**
 * The page standing in for Salesforce's Lightning console (tests/consoles/lightning/), with the
 * package's bridge connected to the extension's relay. Call once the session and the presence
 * settings are stored: it waits for the relay to be registered for them, starts the sync afresh
 * (what an earlier test's tabs left is forgotten, in storage.session and in the worker), and opens the page.
 */
export async function openLightningStandIn(harness: ExtensionHarness, consoleUrl: string): Promise<Page> {
  await harness.inWorker(async () => {
    for (let i = 0; i < 100 && !(await chrome.scripting.getRegisteredContentScripts({ ids: ['omni'] })).length; i++) await new Promise((r) => setTimeout(r, 50));
  });
  await harness.consoleScriptReady();
  await harness.inWorker(() => chrome.storage.session.remove('presence-sync'));
  await harness.stopWorker();
  const lightning = await harness.newPage(new URL('/lightning/', consoleUrl).href);
  await lightning.waitForFunction(() => document.getElementById('bridge-state')?.textContent === 'connected to the extension', { timeout: 10_000 });
  return lightning;
}
