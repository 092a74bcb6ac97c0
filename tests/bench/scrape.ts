import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoConsole } from '../consoles/demo/server';
import { launchChromium } from '../e2e/harness/chromium';
import { PanelPage } from '../e2e/pages/panel';
import { ExtensionHarness } from '../e2e/harness/extension';
import { EXTENSION_DIR } from '../e2e/harness/paths';

/** A console in the bench: where it is, what the extension is told of it, and how a new message reaches it. */
type BenchConsole = { url: string; settings?: Record<string, unknown>; close: () => Promise<unknown> };

/**
 * `scrape.median_us` and `longtasks.count`: the real extension in Chromium on the demo console
 * with 20 open chats receiving 50 messages per second; the content script times each batch of
 * its work (User Timing), the page counts long tasks.
 */
export async function measureScrape(seconds = 5): Promise<Record<string, number>> {
  const demo = await startDemoConsole();
  const { median, longTasks } = await scrapeOn({ url: `${demo.url}?profile`, close: () => demo.close() }, 'demo', seconds);
  return { 'scrape.median_us': median, 'longtasks.count': longTasks };
}

/**
 * `scrape.lhc.median_us` and `longtasks.lhc.count`: the same on a real LiveHelperChat's markup
 * (the committed capture of its dashboard with two chats open, tests/consoles/livehelperchat/captures),
 * served as LHC serves it; 50 messages a second go into both chats' message lists as LHC writes
 * them (a copy of one of its own message rows, new id and text).
 */
export async function measureScrapeLhc(seconds = 5): Promise<Record<string, number>> {
  const html = readFileSync(LHC_CAPTURE, 'utf8').replace('<html ', '<html data-sf-panel-profile ');
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const lhc: BenchConsole = {
    url: `http://127.0.0.1:${port}/index.php/site_admin/#/chat-id-15`,
    settings: { consoles: { builtIn: { livehelperchat: { enabled: true, matches: ['http://127.0.0.1/*'] } }, custom: [] } },
    close: () => new Promise((r) => server.close(r)),
  };
  const { median, longTasks } = await scrapeOn(lhc, 'livehelperchat', seconds);
  return { 'scrape.lhc.median_us': median, 'longtasks.lhc.count': longTasks };
}

const LHC_CAPTURE = join(dirname(fileURLToPath(import.meta.url)), '../consoles/livehelperchat/captures/dashboard-two-chats.html');

async function scrapeOn(target: BenchConsole, kind: 'demo' | 'livehelperchat', seconds: number): Promise<{ median: number; longTasks: number }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sf-panel-bench-'));
  const browser = await launchChromium({ extensionDir: EXTENSION_DIR, userDataDir });
  try {
    const harness = new ExtensionHarness(browser);
    await harness.consoleScriptReady();
    if (target.settings) await harness.useSettings(target.settings);
    const page = await harness.newPage(target.url);
    const panel = new PanelPage(page);
    await panel.frame();
    const result = await page.evaluate(async (ms: number, kind: string) => {
      // (No named function in here: tsx would wrap it in a helper the page does not have.)
      const api = (window as never as { demoConsole?: { startChat: () => string; sendMessage: (id: string, a: string, t: string) => void } }).demoConsole;
      const chats = kind === 'demo' ? Array.from({ length: 20 }, () => api!.startChat()) : [];
      const lists = [...document.querySelectorAll('.chat-tab-pane .msgBlock')];
      const rows = lists.map((list) => list.querySelector('.message-row[data-op-id="0"]') ?? list.querySelector('.message-row[id^="msg-"]')!);
      await new Promise((r) => setTimeout(r, 500));
      performance.clearMeasures('sf-panel:scrape');
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
      observer.observe({ type: 'longtask' });
      let n = 0;
      // 50 messages per second, as the console itself shows them: the demo's own API; on LHC's markup a copy of one of its rows.
      const timer = setInterval(() => {
        const text = `message ${n} about order #${1000 + n}`;
        if (kind === 'demo') api!.sendMessage(chats[n % chats.length]!, n % 3 ? 'visitor' : 'agent', text);
        else {
          const row = rows[n % rows.length]!.cloneNode(true) as HTMLElement;
          row.id = `msg-${100_000 + n}`;
          row.querySelector('.msg-body')!.textContent = text;
          lists[n % lists.length]!.append(row);
        }
        n++;
      }, 20);
      await new Promise((r) => setTimeout(r, ms));
      clearInterval(timer);
      await new Promise((r) => setTimeout(r, 200));
      observer.disconnect();
      const durations = performance.getEntriesByName('sf-panel:scrape').map((e) => e.duration).sort((a, b) => a - b);
      return { durations, longTasks, sent: n };
    }, seconds * 1000, kind);
    // The watcher batches what changed (several messages a batch): fewer than one a second is no console being read.
    if (result.durations.length < seconds) throw new Error(`the content script recorded ${result.durations.length} batches of work for ${result.sent} messages: is the profile flag reaching it, is the console recognised?`);
    if (kind === 'livehelperchat') {
      // The open chat (one of the two) got half of them: the background must have them, or nothing was read.
      const shown = async () => Math.max(0, ...(await panel.send<{ data: { messages: number }[] }>({ command: 'chat.recent', payload: { limit: 50 } })).data.map((e) => e.messages));
      for (let t = Date.now(); (await shown()) < result.sent / 2; ) {
        if (Date.now() - t > 5_000) throw new Error(`the background has ${await shown()} messages of the ${Math.ceil(result.sent / 2)} sent to the open chat`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return { median: Math.round(result.durations[Math.floor(result.durations.length / 2)]! * 1000), longTasks: result.longTasks };
  } finally {
    await browser.close();
    await target.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
