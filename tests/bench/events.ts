import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer';
import { startDemoConsole } from '../consoles/demo/server';
import { findChromium, launchChromium } from '../e2e/harness/chromium';
import { ExtensionHarness } from '../e2e/harness/extension';
import { EXTENSION_DIR } from '../e2e/harness/paths';
import { PanelPage } from '../e2e/pages/panel';

/** New messages timed at each length, one at a time, each given time to reach the background. */
const SAMPLES = 20;
const LENGTHS = [200, 2000] as const;

type DemoWindow = { demoConsole: { startChat: () => string; sendMessage: (id: string, author: string, text: string) => void } };

/** Fills the open chat to `length` messages, then lets the extension catch up. */
async function fillTo(page: Page, chat: string, from: number, length: number): Promise<void> {
  await page.evaluate((id: string, start: number, end: number) => {
    const api = (window as never as DemoWindow).demoConsole;
    for (let i = start; i < end; i++) api.sendMessage(id, i % 2 ? 'agent' : 'visitor', `message ${i}: where is my order #${1000 + i}?`);
  }, chat, from, length);
  await new Promise((r) => setTimeout(r, 1_500));
}

/** The page's main-thread time (CDP TaskDuration, the extension's isolated world included) for SAMPLES new messages, one every 100 ms. */
async function taskMsPerMessage(page: Page, chat: string, from: number): Promise<number> {
  const before = (await page.metrics()).TaskDuration ?? 0;
  for (let i = 0; i < SAMPLES; i++) {
    await page.evaluate((id: string, n: number) => (window as never as DemoWindow).demoConsole.sendMessage(id, 'visitor', `message ${n}: one more question`), chat, from + i);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300));
  return (((await page.metrics()).TaskDuration ?? 0) - before) * 1000 / SAMPLES;
}

/**
 * `events.bytes_per_message.N`: bytes the console script sends the background per new message
 * when the chat already has N messages; `page.cpu_ms_per_message.N`: the page's extra main-
 * thread time per new message, against the same console in a Chromium without the extension.
 */
export async function measureEvents(): Promise<Record<string, number>> {
  const demo = await startDemoConsole();
  const figures: Record<string, number> = {};
  const cpu: Record<number, { with: number; without: number }> = {};
  const withDir = mkdtempSync(join(tmpdir(), 'sf-panel-bench-'));
  const withExtension = await launchChromium({ extensionDir: EXTENSION_DIR, userDataDir: withDir });
  try {
    const harness = new ExtensionHarness(withExtension);
    await harness.consoleScriptReady();
    const page = await harness.newPage(demo.url);
    await new PanelPage(page).frame();
    const chat = await page.evaluate(() => (window as never as DemoWindow).demoConsole.startChat());
    // Count what the console script hands to the messaging layer (its isolated world).
    const realm = page.extensionRealms()[0]!;
    await realm.evaluate(() => {
      const counter = globalThis as unknown as { sentBytes: number };
      counter.sentBytes = 0;
      const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (m: unknown) => Promise<unknown>;
      (chrome.runtime as { sendMessage: unknown }).sendMessage = (message: unknown) => ((counter.sentBytes += JSON.stringify(message).length), send(message));
    });
    let count = 2;
    for (const length of LENGTHS) {
      await fillTo(page, chat, count, length);
      count = length;
      await realm.evaluate(() => void ((globalThis as unknown as { sentBytes: number }).sentBytes = 0));
      const ms = await taskMsPerMessage(page, chat, count);
      count += SAMPLES;
      const bytes = await realm.evaluate(() => (globalThis as unknown as { sentBytes: number }).sentBytes);
      figures[`events.bytes_per_message.${length}`] = Math.round(bytes / SAMPLES);
      cpu[length] = { with: ms, without: 0 };
    }
  } finally {
    await withExtension.close();
    rmSync(withDir, { recursive: true, force: true });
  }
  const plain = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await plain.newPage();
    await page.goto(demo.url);
    const chat = await page.evaluate(() => (window as never as DemoWindow).demoConsole.startChat());
    let count = 2;
    for (const length of LENGTHS) {
      await fillTo(page, chat, count, length);
      count = length;
      cpu[length]!.without = await taskMsPerMessage(page, chat, count);
      count += SAMPLES;
    }
  } finally {
    await plain.close();
    await demo.close();
  }
  for (const length of LENGTHS) figures[`page.cpu_ms_per_message.${length}`] = Math.round((cpu[length]!.with - cpu[length]!.without) * 100) / 100;
  return figures;
}
