import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { startDemoConsole } from '../consoles/demo/server';
import { launchChromium } from '../e2e/harness/chromium';
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

/** The page's main-thread time so far, in ms (CDP TaskDuration, the extension's isolated world included). */
const taskMs = async (page: Page) => ((await page.metrics()).TaskDuration ?? 0) * 1000;

/**
 * The extra main-thread time per message of `ours` over `theirs` in one round of SAMPLES new
 * messages, one every 100 ms, the two consoles taking turns message by message: whatever slows
 * the machine down during the round slows both.
 */
async function extraMsPerMessage(ours: Console, theirs: Console): Promise<number> {
  const before = await Promise.all([taskMs(ours.page), taskMs(theirs.page)]);
  for (let i = 0; i < SAMPLES; i++) {
    for (const c of [ours, theirs]) {
      await c.page.evaluate((id: string, n: number) => (window as never as DemoWindow).demoConsole.sendMessage(id, 'visitor', `message ${n}: one more question`), c.chat, c.count++);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // The last messages' work (a held update goes within a second) is part of the round.
  await new Promise((r) => setTimeout(r, 1_200));
  const after = await Promise.all([taskMs(ours.page), taskMs(theirs.page)]);
  return (after[0] - before[0] - (after[1] - before[1])) / SAMPLES;
}

/** Rounds at each length: the median leaves out a round that a collection or another process spoilt. */
const ROUNDS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A console page with one open chat, and how many messages it holds. */
type Console = { page: Page; chat: string; count: number };

async function openChat(page: Page): Promise<Console> {
  const chat = await page.evaluate(() => (window as never as DemoWindow).demoConsole.startChat());
  return { page, chat, count: 2 };
}

/**
 * `events.bytes_per_message.N`: bytes the console script sends the background per new message
 * when the chat already has N messages; `page.cpu_ms_per_message.N`: the page's extra main-
 * thread time per new message, against the same console in the same Chromium (flags, window)
 * without the extension: the median of ROUNDS differences, each round's pair taken together.
 */
export async function measureEvents(): Promise<Record<string, number>> {
  const demo = await startDemoConsole();
  const figures: Record<string, number> = {};
  const dirs = [mkdtempSync(join(tmpdir(), 'sf-panel-bench-')), mkdtempSync(join(tmpdir(), 'sf-panel-bench-'))];
  const withExtension = await launchChromium({ extensionDir: EXTENSION_DIR, userDataDir: dirs[0]! });
  const plain = await launchChromium({ userDataDir: dirs[1]! });
  try {
    const harness = new ExtensionHarness(withExtension);
    await harness.consoleScriptReady();
    const page = await harness.newPage(demo.url);
    await new PanelPage(page).frame();
    const ours = await openChat(page);
    const plainPage = await plain.newPage();
    await plainPage.goto(demo.url);
    const theirs = await openChat(plainPage);
    // Count what the console script hands to the messaging layer (its isolated world).
    const realm = page.extensionRealms()[0]!;
    await realm.evaluate(() => {
      const counter = globalThis as unknown as { sentBytes: number };
      counter.sentBytes = 0;
      const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (m: unknown) => Promise<unknown>;
      (chrome.runtime as { sendMessage: unknown }).sendMessage = (message: unknown) => ((counter.sentBytes += JSON.stringify(message).length), send(message));
    });
    for (const length of LENGTHS) {
      for (const c of [ours, theirs]) {
        await fillTo(c.page, c.chat, c.count, length);
        c.count = length;
      }
      const differences: number[] = [];
      let bytes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        await realm.evaluate(() => void ((globalThis as unknown as { sentBytes: number }).sentBytes = 0));
        differences.push(await extraMsPerMessage(ours, theirs));
        bytes += await realm.evaluate(() => (globalThis as unknown as { sentBytes: number }).sentBytes);
      }
      figures[`events.bytes_per_message.${length}`] = Math.round(bytes / SAMPLES / ROUNDS);
      figures[`page.cpu_ms_per_message.${length}`] = Math.round(median(differences) * 100) / 100;
    }
  } finally {
    await withExtension.close();
    await plain.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await demo.close();
  }
  return figures;
}
