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
// Until the options page lands, the demo sets what an admin would: chats end as a case on the
// contact (filling its blank fields), offline messages as a lead with a task.
await harness.useSettings({ automation: { ended: { action: 'contactCase', strategy: 'fillBlank' }, offline: { action: 'leadTask', strategy: 'none' } } });

const page = await harness.newPage(demo.url);
const panel = new PanelPage(page);
const consolePage = new DemoConsolePage(page);

if (interactive) {
  say('Chromium is open with the extension loaded. Use "Simulate a visitor" in the console. Ctrl+C to stop.');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
} else {
  const shots: string[] = [];
  /** Clicks a panel element; when the panel re-rendered it between finding and clicking (a form that finished loading), finds it again. */
  const click = async (selector: string): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await (await panel.find(selector)).click();
      } catch (error) {
        if (attempt >= 3 || !String(error).includes('detached')) throw error;
      }
    }
  };
  /** Waits until the background says the chat's write settled, and names the records written. */
  const written = async (chatId: string) => {
    const entry = await panel.settledWrite(chatId, 10_000).catch(() => null);
    if (!entry) return 'not written yet';
    return entry.state === 'done' ? entry.steps.map((st) => `${st.method === 'POST' ? 'created' : 'updated'} ${st.object} ${entry.ids[st.ref]}`).join(', ') : `needs attention: ${entry.errors.map((e) => e.message).join('; ')}`;
  };
  say(`panel: ${await panel.waitForState('connected')}`);

  const grace = await consolePage.startChat({ name: 'Grace Hopper', email: 'grace.hopper@example.com', phone: '', visits: 3, chats: 1, session: { country: 'US' }, preChat: { Department: 'Engineering' }, custom: {}, firstMessage: 'Hi, I found a bug.' });
  await panel.waitForVisitor(grace);
  const found = await panel.find('[data-identity="found"]');
  say(`a known visitor: the panel found ${(await found.evaluate((el) => (el.querySelector('.identity__record') as HTMLElement).innerText)).replace(/\s+/g, ' ')} with her account, in one request`);
  await consolePage.sendMessage(grace, 'agent', 'Thanks, Grace. Which version?');
  shots.push(await harness.screenshot(page, 'demo-1-identified'));

  const hostile = await consolePage.startChat(6);
  await consolePage.openChat(hostile);
  say(`the agent switched chats; the panel follows (hostile text stays text): ${(await panel.waitForVisitor(hostile)).replace(/\s+/g, ' ').slice(0, 120)}`);
  shots.push(await harness.screenshot(page, 'demo-2-hostile-visitor'));

  const hedy = await consolePage.startChat({ name: 'Hedy Lamarr', email: 'hedy@spread.example', phone: '', visits: 1, chats: 0, session: { country: 'US' }, preChat: { Phone: '(310) 555-0142' }, custom: {}, firstMessage: 'Do you ship to Vienna?' });
  await consolePage.openChat(hedy);
  await panel.find('[data-actions="not_found"]');
  await click('[data-action="contactTask"]');
  await click('[data-form="Contact"] button[type="submit"]');
  await click('[data-form="Task"] button[type="submit"]');
  say(`a new visitor: the agent chose "Create Contact & Attach Task"; the contact exists now, and the panel says: ${await (await panel.find('[data-write="waiting"]')).evaluate((el) => (el as HTMLElement).innerText.split('\n')[0])}`);
  shots.push(await harness.screenshot(page, 'demo-3-waiting'));
  await consolePage.endOpenChat();
  say(`Hedy's chat ended: ${await written(hedy)}`);
  await consolePage.openChat(grace);
  await consolePage.endOpenChat();
  say(`Grace's chat ended (automatic "Create/Update Contact & Attach Case"): ${await written(grace)}`);
  const offline = await consolePage.receiveOffline({ name: 'Bea Offline', email: 'bea@later.example', message: 'Please call me back tomorrow.' });
  say(`an offline message arrived (automatic "Create/Update Lead & Attach Task"): ${await written(offline)}`);
  shots.push(await harness.screenshot(page, 'demo-4-written'));

  await harness.stopWorker();
  say('service worker stopped (as Chrome does when idle)');
  await panel.clickCheckConnection();
  say(`after "Check connection" the worker woke up: ${await panel.waitForState('connected')}`);
  await emulator.addFault({ kind: '503', count: 1 });
  await panel.clickCheckConnection();
  say(`Salesforce answering 503: ${await panel.waitForState('unreachable')}`);
  shots.push(await harness.screenshot(page, 'demo-5-unreachable'));
  say(`Salesforce API calls made: ${emulator.apiCalls().length} (${emulator.apiCalls().map((c) => `${c.method} ${c.path} → ${c.status}`).join('; ')})`);
  const errors = harness.takeErrors();
  say(errors.length ? `errors: ${errors.join(' | ')}` : 'no errors in the worker or the page');
  say(`screenshots:\n  ${shots.join('\n  ')}`);
}
await browser.close();
await Promise.all([emulator.close(), demo.close()]);
