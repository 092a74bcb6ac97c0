import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDemoConsole } from '../consoles/demo/server';
import { startEmulator } from '../salesforce-emulator/server';
import { findChromium, launchChromium } from './harness/chromium';
import { EXTENSION_DIR } from './harness/paths';

/**
 * Once per e2e run: the Salesforce emulator, the demo console and ONE Chromium with the built
 * extension, shared by the spec files (they run one after another).
 */
export default async function setup(project: TestProject) {
  findChromium(); // fails the run with the install command when Chromium is missing
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No extension build in ${EXTENSION_DIR}: run \`npm run build:loopback\` first (npm test does).`);
  }
  const emulator = await startEmulator({ data: 'full' });
  const demo = await startDemoConsole();
  const userDataDir = mkdtempSync(join(tmpdir(), 'sf-panel-e2e-'));
  const browser = await launchChromium({ extensionDir: EXTENSION_DIR, userDataDir });
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('emulatorUrl', emulator.url);
  project.provide('consoleUrl', demo.url);
  return async () => {
    await browser.close().catch(() => undefined);
    await Promise.all([emulator.close(), demo.close()]);
    rmSync(userDataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    wsEndpoint: string;
    emulatorUrl: string;
    consoleUrl: string;
  }
}
