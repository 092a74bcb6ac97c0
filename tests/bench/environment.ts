import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { startDemoConsole } from '../consoles/demo/server';
import { startEmulator, type Emulator, type EmulatorOptions } from '../salesforce-emulator/server';
import { launchChromium } from '../e2e/harness/chromium';
import { EXTENSION_DIR } from '../e2e/harness/paths';

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
