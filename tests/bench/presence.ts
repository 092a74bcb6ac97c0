import type { Page } from 'puppeteer';
import { inBenchBrowser } from './environment';
import { ExtensionHarness } from '../e2e/harness/extension';
import { PanelPage } from '../e2e/pages/panel';
import { PRESENCE_MAPPING } from '../consoles/lightning/mapping';

const PRESENCE = { enabled: true, ...PRESENCE_MAPPING };
const STATES = ['online', 'away', 'busy'];
const STATUSES = ['Available', 'Break', 'Busy'];
const IDLE_MS = 30_000;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
type Omni = { pick: (s: string) => void };

/**
 * presence.sync_ms (p50, p95): a change on one side → seen on the other, over 60 changes
 * alternating sides, each timed by the clock both pages share (the console's select changed → the
 * Omni stand-in's status event; Omni's status picked → the console's select changed);
 * presence.calls_per_hour_idle: the Salesforce API requests of a connected panel and a running
 * sync over 30 s with nothing happening, per hour.
 */
export async function measurePresence(changes = 60): Promise<Record<string, number>> {
  return inBenchBrowser('full', async ({ emulator, demoUrl, browser }) => {
    const harness = new ExtensionHarness(browser);
    await harness.consoleScriptReady();
    const token = emulator.issueToken();
    await harness.useSettings({ presence: PRESENCE });
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
    await harness.inWorker(async () => {
      for (let i = 0; i < 100 && !(await chrome.scripting.getRegisteredContentScripts({ ids: ['omni'] })).length; i++) await new Promise((r) => setTimeout(r, 50));
    });
    const lightning = await harness.newPage(new URL('/lightning/', demoUrl).href);
    await lightning.waitForFunction(() => document.getElementById('bridge-state')?.textContent === 'connected to the extension', { polling: 50, timeout: 10_000 });
    const console: Page = await harness.newPage(demoUrl);
    await new PanelPage(console).waitForState('connected');
    await console.evaluate(() => {
      const w = window as unknown as { stateTimes: { state: string; at: number }[] };
      w.stateTimes = [];
      document.querySelector('.agent__state')!.addEventListener('change', (e) => w.stateTimes.push({ state: (e.target as HTMLSelectElement).value, at: Date.now() }));
    });
    await lightning.waitForFunction(() => (window as unknown as { statusTimes: unknown[] }).statusTimes.length > 0, { polling: 50 });

    const times: number[] = [];
    for (let i = 0; i < changes; i++) {
      // Each change moves to the next state, so every one has something to carry across.
      const current = await console.$eval('.agent__state', (el) => (el as HTMLSelectElement).value);
      const state = STATES[(STATES.indexOf(current) + 1) % STATES.length]!;
      const status = STATUSES[STATES.indexOf(state)]!;
      if (i % 2 === 0) {
        const before = await lightning.evaluate(() => (window as unknown as { statusTimes: unknown[] }).statusTimes.length);
        const at = await console.evaluate((s) => {
          const select = document.querySelector('.agent__state') as HTMLSelectElement;
          select.value = s;
          const now = Date.now();
          select.dispatchEvent(new Event('change', { bubbles: true }));
          return now;
        }, state);
        const seen = await lightning.waitForFunction((n, s) => (window as unknown as { statusTimes: { status: string; at: number }[] }).statusTimes.slice(n).find((t) => t.status === s)?.at, { polling: 5, timeout: 10_000 }, before, status);
        times.push((await seen.jsonValue()) as number - at);
      } else {
        const before = await console.evaluate(() => (window as unknown as { stateTimes: unknown[] }).stateTimes.length);
        const at = await lightning.evaluate((s) => {
          const now = Date.now();
          (window as unknown as { omni: Omni }).omni.pick(s);
          return now;
        }, status);
        const seen = await console.waitForFunction((n, s) => (window as unknown as { stateTimes: { state: string; at: number }[] }).stateTimes.slice(n).find((t) => t.state === s)?.at, { polling: 5, timeout: 10_000 }, before, state);
        times.push((await seen.jsonValue()) as number - at);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const before = emulator.apiCalls().length;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idle = emulator.apiCalls().length - before;
    return {
      'presence.sync_ms.p50': Math.round(percentile(times, 0.5)),
      'presence.sync_ms': Math.round(percentile(times, 0.95)),
      'presence.changes_timed': times.length,
      'presence.calls_per_hour_idle': Math.round((idle * 3_600_000) / IDLE_MS),
    };
  });
}
