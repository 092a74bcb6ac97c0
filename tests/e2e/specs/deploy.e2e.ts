import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { packageExtension, type Packaged } from '../../../.ci/package';
import { EmulatorControl } from '../../salesforce-emulator/control';
import { ExtensionHarness } from '../harness/extension';
import { launchManaged } from '../harness/managed';
import { startUpdateServer } from '../harness/update-server';
import { DemoConsolePage, demoVisitor } from '../pages/demo-console';
import { PanelPage } from '../pages/panel';

/** What the admin configures by policy: a contact and a case at each chat's end. */
const CONFIGURATION = { automation: { ended: { action: 'contactCase', strategy: 'none' } } };

type Item = { state: string; chatId: string; lastError?: string };

/**
 * The way an enterprise deploys: a signed package (a throwaway key made for this run), force-
 * installed by policy from a local update server, then updated to the next version while writes
 * wait for Salesforce. Chromium runs with the policy in a private mount namespace (harness/managed.ts).
 */
describe('deploy: a signed package force-installed by policy, then updated with writes waiting', () => {
  const emulator = new EmulatorControl(inject('emulatorUrl'));
  const consoleUrl = inject('consoleUrl');
  const dir = mkdtempSync(join(tmpdir(), 'sf-panel-deploy-'));
  let server: Awaited<ReturnType<typeof startUpdateServer>>;
  let browser: Browser;
  let harness: ExtensionHarness;
  let v1: Packaged;
  let v2: Packaged;
  let page: Page;
  let panel: PanelPage;
  let demo: DemoConsolePage;

  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    server = await startUpdateServer();
    // The suite's loopback build (host access to the local emulator and demo console), packaged twice.
    const common = { keyPem: privateKey, mode: 'loopback' as const, build: false, updateBase: server.base };
    v1 = packageExtension({ ...common, version: '1.0.0', out: join(dir, 'v1') });
    v2 = packageExtension({ ...common, version: '1.0.1', out: join(dir, 'v2') });
    server.offer(v1);
    const updates = `${server.base}/updates.xml`;
    browser = await launchManaged({
      dir,
      policy: {
        ExtensionInstallForcelist: [`${v1.id};${updates}`],
        ExtensionSettings: { [v1.id]: { installation_mode: 'force_installed', update_url: updates, override_update_url: true } },
        // Lets the test attach to a policy-installed extension's worker.
        DeveloperToolsAvailability: 1,
        '3rdparty': { extensions: { [v1.id]: CONFIGURATION } },
      },
    });
    harness = new ExtensionHarness(browser, v1.id);
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
    await emulator.clearFaults();
    rmSync(dir, { recursive: true, force: true });
  });

  const outbox = async (chatId: string) => (await panel.send<{ data: Item[] }>({ command: 'outbox.list', payload: { chatId } })).data ?? [];
  /** Checks until true; a check that hangs (a handle on a worker that is gone) counts as not yet. */
  const until = async <T>(what: string, check: () => Promise<T | undefined | false>, timeout = 20_000): Promise<T> => {
    for (const end = Date.now() + timeout; ; await new Promise((r) => setTimeout(r, 100))) {
      const value = await Promise.race([check().catch(() => undefined), new Promise<undefined>((r) => setTimeout(r, 2_000))]);
      if (value) return value;
      if (Date.now() > end) throw new Error(`${what}: not within ${timeout / 1000} s`);
    }
  };
  const casesOf = async (email: string) => (await emulator.records('Case')).filter((c) => c.SuppliedEmail === email);

  it('installs from the update URL, cannot be removed by the agent, takes its configuration from policy and works on the console', async () => {
    await harness.consoleScriptReady();
    expect(server.requests).toContain('/updates.xml');
    const self = await harness.inWorker(async () => {
      const info = await chrome.management.getSelf();
      return { installType: info.installType, mayDisable: info.mayDisable, version: info.version };
    });
    expect(self).toEqual({ installType: 'admin', mayDisable: false, version: '1.0.0' });
    // The policy's configuration arrives after the worker's first start: the worker follows it.
    await until('the configuration policy', () => harness.inWorker(async () => Object.keys(await chrome.storage.managed.get(null)).includes('automation')));

    // Connected as an admin's first agent would be: a refresh token kept in storage.local.
    await emulator.reset({ data: 'scenarios' });
    await harness.inWorker(async (grant) => chrome.storage.local.set({ 'salesforce-grant': grant }), await emulator.grant());
    page = await harness.newPage(consoleUrl);
    panel = new PanelPage(page, v1.id);
    demo = new DemoConsolePage(page);
    await panel.waitForState('connected');
    const chat = await demo.startChat(demoVisitor('Mary Jackson', 'mary.jackson@nasa.example'));
    expect(await panel.waitForVisitor(chat)).toContain('Mary Jackson');
    await harness.screenshot(page, 'deploy-force-installed');
    await demo.endChat(chat);
    expect(await until('the write at chat end', async () => (await outbox(chat)).find((e) => e.state === 'done'))).toBeTruthy();
    expect(await casesOf('mary.jackson@nasa.example')).toHaveLength(1);
  });

  it('updates to the next version while writes wait: they are sent once, the connection and settings carry over, the open console keeps its panel', async () => {
    // One write Salesforce refused waits for the agent (needs attention)…
    await emulator.validationRule({ object: 'Case', field: 'SuppliedCompany', pattern: '^[^<>]*$', message: 'Company names cannot contain < or >.' });
    const refused = await demo.startChat(demoVisitor('Ida Rhodes', 'ida@census.example', { preChat: { Company: '<b>Census</b>' } }));
    await panel.waitForVisitor(refused);
    await demo.endChat(refused);
    await until("Ida's write refused", async () => (await outbox(refused)).find((e) => e.state === 'needs_attention'));
    // …and Salesforce is down as two chats end: their writes wait in the outbox.
    await emulator.fault({ kind: '503', count: 100_000 });
    const waiting: string[] = [];
    for (const [name, email] of [['Katherine Johnson', 'katherine.johnson@nasa.example'], ['Dorothy Vaughan', 'dorothy.vaughan@nasa.example']] as const) {
      const chat = await demo.startChat(demoVisitor(name, email));
      await panel.waitForVisitor(chat);
      await demo.endChat(chat);
      await until(`${name}'s write waiting`, async () => (await outbox(chat)).find((e) => e.state === 'pending' && e.lastError));
      waiting.push(chat);
    }
    // A setting of the agent's own, beside the policy's.
    await harness.inWorker(async () => chrome.storage.local.set({ settings: { records: { description: 'Chat {chat.id}\n\n{chat.transcript}' } } }));
    const settingsBefore = await harness.inWorker(async () => (await chrome.storage.local.get('settings')).settings ?? null);

    // The admin publishes 1.0.1; Chromium finds it at its next update check.
    server.offer(v2);
    const check = await harness.inWorker(async () => (await chrome.runtime.requestUpdateCheck()).status);
    expect(check).toBe('update_available');
    const updated = await until('the new version running', async () => {
      const fresh = new ExtensionHarness(browser, v1.id);
      return (await fresh.inWorker(() => chrome.runtime.getManifest().version)) === '1.0.1' && fresh;
    }, 30_000);
    harness = updated;
    expect(await harness.inWorker(async () => (await chrome.management.getSelf()).installType)).toBe('admin');

    // The console tab that was open keeps a panel (one), connected without asking the agent.
    await until('one panel frame from the new version', async () => (await page.$$('sf-chat-panel')).length === 1 && (await panel.frame(1_000)) && true);
    // The new version's panel reads the open chat; it must log in again (the access token lived in
    // storage.session, which an update clears) and Salesforce is still down: it says so.
    expect(await panel.waitForVisitor(waiting[1]!)).toContain('Dorothy Vaughan');
    expect(await panel.text()).toContain('Salesforce cannot be reached');
    expect(await harness.inWorker(async () => (await chrome.storage.local.get('settings')).settings ?? null)).toEqual(settingsBefore);
    for (const chat of waiting) expect((await outbox(chat)).map((e) => e.state)).toEqual(['pending']);
    await harness.screenshot(page, 'deploy-updated');

    // Salesforce answers again; the agent goes on with the next chat: every write goes out once.
    await emulator.clearFaults();
    const next = await demo.startChat(demoVisitor('Christine Darden', 'christine.darden@nasa.example'));
    await panel.waitForVisitor(next);
    // Connected again with the refresh token of the version before: no login asked of the agent.
    await panel.waitForState('connected');
    await demo.endChat(next);
    for (const chat of [...waiting, next]) await until(`the write of ${chat}`, async () => (await outbox(chat)).every((e) => e.state === 'done') && (await outbox(chat)).length > 0, 30_000);
    for (const email of ['katherine.johnson@nasa.example', 'dorothy.vaughan@nasa.example', 'christine.darden@nasa.example']) expect(await casesOf(email), email).toHaveLength(1);
    expect(await casesOf('mary.jackson@nasa.example')).toHaveLength(1);
    // The refused one still waits for the agent, with Salesforce's words: not sent again on its own.
    expect(await outbox(refused)).toMatchObject([{ state: 'needs_attention' }]);
    expect(await panel.send<{ data: { errors: { message: string }[] }[] }>({ command: 'outbox.list', payload: { chatId: refused } }).then((r) => r.data[0]!.errors[0]!.message)).toContain('Company names cannot contain');
    expect(await casesOf('ida@census.example')).toHaveLength(0);
  });
});
