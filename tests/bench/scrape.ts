import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoConsole } from '../consoles/demo/server';
import { launchChromium } from '../e2e/harness/chromium';
import { PanelPage } from '../e2e/pages/panel';
import { ExtensionHarness } from '../e2e/harness/extension';
import { EXTENSION_DIR } from '../e2e/harness/paths';

/**
 * `scrape.median_us` and `longtasks.count`: the real extension in Chromium on the demo console
 * with 20 open chats receiving 50 messages per second; the content script times each batch of
 * its work (User Timing), the page counts long tasks.
 */
export async function measureScrape(seconds = 5): Promise<Record<string, number>> {
  const demo = await startDemoConsole();
  const userDataDir = mkdtempSync(join(tmpdir(), 'sf-panel-bench-'));
  const browser = await launchChromium({ extensionDir: EXTENSION_DIR, userDataDir });
  try {
    const harness = new ExtensionHarness(browser);
    await harness.consoleScriptReady();
    const page = await harness.newPage(`${demo.url}?profile`);
    await new PanelPage(page).frame();
    const result = await page.evaluate(async (ms: number) => {
      const api = (window as never as { demoConsole: { startChat: () => string; sendMessage: (id: string, a: string, t: string) => void } }).demoConsole;
      const chats = Array.from({ length: 20 }, () => api.startChat());
      await new Promise((r) => setTimeout(r, 500));
      performance.clearMeasures('sf-panel:scrape');
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
      observer.observe({ type: 'longtask' });
      let n = 0;
      const timer = setInterval(() => {
        const id = chats[n % chats.length]!;
        api.sendMessage(id, n % 3 ? 'visitor' : 'agent', `message ${n} about order #${1000 + n}`);
        n++;
      }, 20); // 50 messages per second
      await new Promise((r) => setTimeout(r, ms));
      clearInterval(timer);
      await new Promise((r) => setTimeout(r, 200));
      observer.disconnect();
      const durations = performance.getEntriesByName('sf-panel:scrape').map((e) => e.duration).sort((a, b) => a - b);
      return { durations, longTasks, sent: n };
    }, seconds * 1000);
    if (!result.durations.length) throw new Error('the content script recorded no work: is the profile flag reaching it?');
    const median = result.durations[Math.floor(result.durations.length / 2)]!;
    return { 'scrape.median_us': Math.round(median * 1000), 'longtasks.count': result.longTasks };
  } finally {
    await browser.close();
    await demo.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
