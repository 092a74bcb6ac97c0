/**
 * `npm run demo`: builds the extension, starts the Salesforce emulator and the demo console on
 * 127.0.0.1, and opens Chromium with the extension loaded. With a display it stays open for
 * you to use; without one (CI, SSH) it runs a short scripted tour headless, saves screenshots
 * and says what happened.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoConsole } from '../consoles/demo/server';
import { startEmulator } from '../salesforce-emulator/server';
import { launchChromium } from '../e2e/harness/chromium';
import { ExtensionHarness } from '../e2e/harness/extension';
import { EXTENSION_DIR } from '../e2e/harness/paths';
import { DemoConsolePage } from '../e2e/pages/demo-console';
import { PanelPage } from '../e2e/pages/panel';

const interactive = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
const say = (line: string) => console.log(`demo: ${line}`);

say('building the extension (loopback build: host access to 127.0.0.1 only)…');
const build = spawnSync('npx', ['wxt', 'build', '--mode', 'loopback'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const emulator = await startEmulator({ port: 0, data: 'full' });
const demo = await startDemoConsole();
say(`Salesforce emulator on ${emulator.url} (${emulator.records('Contact').length} contacts, ${emulator.records('Lead').length} leads)`);
say(`demo console on ${demo.url}`);

const browser = await launchChromium({ extensionDir: EXTENSION_DIR, userDataDir: mkdtempSync(join(tmpdir(), 'sf-panel-demo-')), headless: !interactive });
const harness = new ExtensionHarness(browser);
await harness.consoleScriptReady();
// Until "Connect with Salesforce" (OAuth) lands, the demo hands the worker a session directly.
const token = emulator.issueToken('ana.agent@example.com');
await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });

const page = await harness.newPage(demo.url);
const panel = new PanelPage(page);
const consolePage = new DemoConsolePage(page);

if (interactive) {
  say('Chromium is open with the extension loaded. Use "Simulate a visitor" in the console. Ctrl+C to stop.');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
} else {
  const shots: string[] = [];
  say(`panel: ${await panel.waitForState('connected')}`);
  const first = await consolePage.startChat(1);
  const second = await consolePage.startChat(6);
  say(`two visitors started chatting; the panel reads the open one: ${(await panel.waitForVisitor(first)).replace(/\s+/g, ' ')}`);
  await consolePage.sendMessage(first, 'agent', 'Hello! How can I help?');
  shots.push(await harness.screenshot(page, 'demo-1-connected'));
  await consolePage.openChat(second);
  say(`the agent switched chats; the panel follows: ${(await panel.waitForVisitor(second)).replace(/\s+/g, ' ')}`);
  shots.push(await harness.screenshot(page, 'demo-2-hostile-visitor'));
  await consolePage.endOpenChat();
  await consolePage.receiveOffline();
  await new Promise((r) => setTimeout(r, 300));
  const events = await panel.backgroundEvents();
  say(`the background received: ${events.map((e) => `${e.type} ${e.chatId}`).join(', ')}`);
  await harness.stopWorker();
  say('service worker stopped (as Chrome does when idle)');
  await panel.clickCheckConnection();
  say(`after "Check connection" the worker woke up: ${await panel.waitForState('connected')}`);
  await emulator.addFault({ kind: '503', count: 1 });
  await panel.clickCheckConnection();
  say(`Salesforce answering 503: ${await panel.waitForState('unreachable')}`);
  shots.push(await harness.screenshot(page, 'demo-3-unreachable'));
  say(`Salesforce API calls made: ${emulator.apiCalls().length} (${emulator.apiCalls().map((c) => `${c.method} ${c.path} → ${c.status}`).join('; ')})`);
  const errors = harness.takeErrors();
  say(errors.length ? `errors: ${errors.join(' | ')}` : 'no errors in the worker or the page');
  say(`screenshots:\n  ${shots.join('\n  ')}`);
}
await browser.close();
await Promise.all([emulator.close(), demo.close()]);
