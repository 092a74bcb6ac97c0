import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { DemoConsolePage, demoVisitor } from '../pages/demo-console';
import { PanelPage } from '../pages/panel';
import { OptionsPage, OPTIONS_URL, POPUP_URL } from '../pages/options';
import { EXTENSION_ID } from '../harness/paths';

const e2e = useExtension();

const visitor = (name: string, email: string, preChat: Record<string, string> = {}) => demoVisitor(name, email, { preChat });

async function openConsole() {
  const page = await e2e.harness.newPage(e2e.consoleUrl);
  return { page, panel: new PanelPage(page), demo: new DemoConsolePage(page) };
}

describe('connecting to Salesforce', () => {
  it('connects through the login page (launchWebAuthFlow, PKCE), refreshes an expired token mid-shift, asks to reconnect when refused without losing a chat, and revokes on disconnect', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await emulator.settings({ autoApprove: false });
    // Its end asks what is not sent yet: only this test's writes count (earlier specs leave theirs).
    await harness.clearOutbox();
    await harness.useSalesforceSession(null);
    await harness.useSettings({
      connection: { loginHost: 'myDomain', myDomain: new URL(await emulatorUrl()).origin, clientId: 'customer-app' },
      automation: { ended: { action: 'case', strategy: 'none' } },
    });
    const options = new OptionsPage(await harness.newPage(OPTIONS_URL));
    await options.status('not_connected');
    expect(await options.text('#redirect-url')).toBe(`https://${EXTENSION_ID}.chromiumapp.org/salesforce`);
    await harness.screenshot(options.page, 'options-not-connected');

    await options.connect(harness.browser);
    const connected = await options.status('connected', ' as ');
    expect(connected).toMatch(/as .+\(.+@.+\)[\s\S]*Org Emulated Org 00D\w+/);
    expect(connected).toMatch(/API requests today: \d+ of [\d,]+/);
    await harness.screenshot(options.page, 'options-connected');
    // Tokens: the refresh token in local storage, the access token in session storage, nothing synced.
    const stored = await harness.inWorker(async () => ({
      sync: await chrome.storage.sync.get(null),
      grant: Object.keys(((await chrome.storage.local.get('salesforce-grant'))['salesforce-grant'] ?? {}) as object),
      session: Object.keys(((await chrome.storage.session.get('salesforce')).salesforce ?? {}) as object),
    }));
    expect(stored.sync).toEqual({});
    expect(stored.grant).toContain('refreshToken');
    expect(stored.session.sort()).toEqual(['accessToken', 'instanceUrl']);

    // The access token expires during a shift: one refresh, and the agent notices nothing.
    await emulator.expireTokens();
    await emulator.clearLog();
    const { page, panel, demo } = await openConsole();
    await panel.waitForState('connected');
    const grace = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(grace);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    expect((await emulator.log()).filter((e) => e.path.startsWith('/services/oauth2/token'))).toHaveLength(1);

    // Salesforce refuses the refresh token (revoked by an admin): the agent is told to reconnect,
    // and a chat that ends meanwhile waits in the outbox.
    await emulator.revokeTokens();
    const ada = await demo.startChat(visitor('Ada Lovelace', 'ada@engine.example'));
    await demo.openChat(ada);
    await panel.waitForVisitor(ada);
    await panel.find('[data-identity="error"][data-kind="session_expired"]');
    // One message, with the one button that fixes it: the banner's Reconnect (the lookup's own error is not repeated).
    const banner = await panel.find('.banner[data-state="session_expired"]');
    expect(await banner.evaluate((el) => [...el.querySelectorAll('button')].map((b) => b.textContent))).toEqual(['Reconnect']);
    expect((await panel.text()).match(/session expired/g)).toHaveLength(1);
    await page.bringToFront();
    await demo.endOpenChat();
    const waiting = await panel.settledWrite(ada, 2_000).catch(() => null);
    expect(waiting).toBeNull(); // not settled: pending, not lost
    const queued = await panel.send<{ ok: true; data: { state: string }[] }>({ command: 'outbox.list', payload: { chatId: ada } });
    expect(queued.data.map((i) => i.state)).toEqual(['pending']);
    await harness.screenshot(page, 'panel-reconnect');
    const popup = await harness.newPage(POPUP_URL);
    await popup.waitForSelector('#popup-status[data-state="session_expired"]');
    expect(await popup.$eval('#popup-status', (el) => (el as HTMLElement).innerText)).toContain('Reconnect');
    await harness.screenshot(popup, 'popup-reconnect');

    // "Reconnect" in the panel opens Salesforce's login itself (no detour through the options page); reconnecting sends what waited.
    await panel.connect(harness.browser);
    await panel.waitForState('connected');
    await panel.gone('.banner');
    const entry = await panel.settledWrite(ada);
    expect(entry.state).toBe('done');
    expect((await emulator.records('Case')).filter((c) => c.SuppliedEmail === 'ada@engine.example')).toHaveLength(1);

    // The options page (open all along) shows the new connection once reloaded; Disconnect revokes the token at Salesforce.
    await options.page.bringToFront();
    await options.page.reload();
    await options.status('connected');
    await emulator.clearLog();
    await options.page.click('#disconnect');
    // Asked first, with what happens to writes still waiting.
    await options.page.waitForSelector('#disconnect-confirm');
    await harness.screenshot(options.page, 'options-disconnect-confirm');
    await options.page.click('#disconnect-yes');
    await options.status('not_connected');
    expect(await options.text('.notice')).toContain('Salesforce revoked the token');
    expect((await emulator.log()).map((e) => `${e.method} ${e.path} ${e.status}`)).toContain('POST /services/oauth2/revoke 200');
    expect(await harness.inWorker(async () => (await chrome.storage.local.get('salesforce-grant'))['salesforce-grant'] ?? null)).toBeNull();

    // Removing the local data says first what is not sent, then leaves only the settings.
    await options.page.click('#remove-data');
    await options.page.waitForSelector('#remove-data-confirm');
    expect(await options.text('#remove-data-confirm')).toContain('Every chat write was sent.');
    await harness.screenshot(options.page, 'options-remove-data-confirm');
    await options.page.click('#remove-data-yes');
    await options.page.waitForFunction(() => document.querySelector('.notice')?.textContent?.includes('removed'));
    expect(await options.text('.notice')).toMatch(/removed from this browser [1-9]\d* writes? \(0 of (them|it) not sent\), the audit log and the caches/);
    expect(await panel.send<{ data: unknown[] }>({ command: 'outbox.list', payload: {} }).then((r) => r.data)).toEqual([]);
    expect(await harness.inWorker(async () => Object.keys(await chrome.storage.local.get(null)))).toEqual(['settings']);
    await emulator.settings({ autoApprove: true });
  });
});

describe('the options page', () => {
  it('edits identification rules and the field mapping, and the panel follows them', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const token = await emulator.token();
    await harness.useSettings({});
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
    const options = new OptionsPage(await harness.newPage(OPTIONS_URL));
    await options.status('connected');
    // Contacts are also found by phone: add a condition, chat field ↔ a field from describe.
    await options.page.click('.conditions[data-object="contacts"] .add');
    await options.retype('.conditions[data-object="contacts"] .condition:nth-of-type(2) .chat-field', 'preChat.phone');
    await options.retype('.conditions[data-object="contacts"] .condition:nth-of-type(2) .sf-field', 'Phone');
    // Mapping: every Contact field from describe is listed; show Assistant, stop showing Title.
    await options.page.waitForSelector('table.mapping[data-object="Contact"] tr[data-field="AssistantName"]');
    await options.page.click('tr[data-field="AssistantName"] input[type=checkbox]');
    await options.page.click('tr[data-field="Title"] input[type=checkbox]');
    // The mapping lists fields worth mapping: no system fields; the filter narrows it.
    expect(await options.page.$('table.mapping[data-object="Contact"] tr[data-field="IsDeleted"]')).toBeNull();
    await options.page.type('#mapping-filter', 'assist');
    await options.page.waitForFunction(() => !document.querySelector('table.mapping[data-object="Contact"] tr[data-field="LastName"]'));
    expect(await options.page.$('table.mapping[data-object="Contact"] tr[data-field="AssistantName"]')).not.toBeNull();
    await options.retype('#mapping-filter', '');
    // A task's status and a case's origin are chosen from the org's own picklists.
    await options.page.waitForSelector('select#task-status[data-picklist="Task.Status"]');
    const values = (selector: string) => options.page.$$eval(`${selector} option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await values('#task-status')).toEqual(expect.arrayContaining(['Not Started', 'Completed']));
    expect(await values('#case-origin')).toEqual(expect.arrayContaining(['', 'Web', 'Phone']));
    await harness.screenshot(options.page, 'options-edited');
    await options.save();
    const saved = await harness.inWorker(async () => (await chrome.storage.local.get('settings')).settings as { identification: { contacts: unknown[] }; mapping: { Contact: { sfField: string; display?: boolean }[] } });
    expect(saved.identification.contacts).toEqual([{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'preChat.phone', sfField: 'Phone' }]);

    const { panel, demo } = await openConsole();
    await panel.waitForState('connected');
    // No e-mail, only the phone Grace's record has in another format.
    const chat = await demo.startChat({ ...visitor('G. Hopper', ''), preChat: { Name: 'G. Hopper', Phone: '415.555.0100' } });
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    await panel.find('[data-fields="Contact"] [data-field="AssistantName"]');
    expect(await panel.page.$('pierce/[data-fields="Contact"] [data-field="Title"]')).toBeNull();
  });

  it('tells the admin whether the org has the chat key field, and gives its definition when not', async () => {
    const { harness, emulator } = e2e;
    const open = async () => {
      await harness.forgetMetadata();
      const token = await emulator.token();
      await harness.useSettings({});
      await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
      const options = new OptionsPage(await harness.newPage(OPTIONS_URL));
      await options.status('connected');
      return options;
    };
    await emulator.reset({ data: 'scenarios', org: { externalIdField: { name: 'Chat_Key__c', objects: ['Case', 'Task'] } } });
    const partly = await open();
    await partly.page.waitForSelector('.chat-key[data-chat-key="missing"]');
    const text = await partly.text('.chat-key');
    expect(text).toContain('Records created on Case and Task are upserts');
    expect(text).toMatch(/On Contact and Lead, add a custom field Chat Key: API name Chat_Key__c, Text\(255\), External ID and Unique/);
    const box = await (await partly.page.$('.chat-key'))!.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(partly.page.viewport()!.width);
    await (await partly.page.$('.chat-key'))!.scrollIntoView();
    await harness.screenshot(partly.page, 'options-chat-key-missing');
    await emulator.reset({ data: 'scenarios', org: { externalIdField: { name: 'Chat_Key__c', objects: ['Case', 'Task', 'Contact', 'Lead'] } } });
    const ready = await open();
    await ready.page.waitForSelector('.chat-key[data-chat-key="ready"]');
    await (await ready.page.$('.chat-key'))!.scrollIntoView();
    await harness.screenshot(ready.page, 'options-chat-key-ready');
    await harness.forgetMetadata();
  });

  it('refuses to save an invalid value, saying which and why, and keeps everything else', async () => {
    const { harness } = e2e;
    await harness.useSettings({ general: { phoneRegion: 'United States' } });
    const options = new OptionsPage(await harness.newPage(OPTIONS_URL));
    await options.ready();
    // The stored value was invalid: reported, default used.
    expect(await options.text('#problems')).toContain('general.phoneRegion');
    await options.retype('.conditions[data-object="contacts"] .sf-field', "Email' OR Name != '");
    await options.page.click('#save');
    await options.page.waitForFunction(() => document.querySelector('.notice')?.textContent?.startsWith('Nothing was saved'));
    expect(await options.text('[data-setting="identification.contacts"] .problem')).toContain('Salesforce field API name');
    await harness.screenshot(options.page, 'options-invalid');
  });
});

describe('the API budget', () => {
  it('stops the automatic lookup once this extension used its share of the org limit; the agent can still look up', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await emulator.limit(100, 0);
    // 4% of 100: four requests a day for this extension.
    const { panel, demo } = await e2e.openConnectedConsole({ settings: { general: { apiBudgetPercent: 4 } } });
    for (let i = 0; i < 6; i++) {
      const chat = await demo.startChat(visitor(`Visitor ${i}`, `budget-${i}@example.org`));
      await demo.openChat(chat);
      await panel.waitForVisitor(chat);
      const state = await (await panel.find('[data-identity]:not([data-identity="identifying"])')).evaluate((el) => el.getAttribute('data-kind') ?? el.getAttribute('data-identity'));
      if (state === 'over_budget') break;
    }
    await emulator.clearLog();
    const grace = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await demo.openChat(grace);
    await panel.waitForVisitor(grace);
    const card = await panel.find('[data-identity="error"][data-kind="over_budget"]');
    expect(await card.evaluate((el) => (el as HTMLElement).innerText)).toContain('used its share of the org\'s daily API requests');
    expect(await emulator.apiCalls()).toEqual([]); // over the share: the automatic lookup asked nothing
    await panel.click('[data-identity="error"] button');
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    expect((await emulator.apiCalls()).length).toBeGreaterThan(0); // the agent's own lookup went out
    await emulator.limit(15_000, 0);
  });
});

describe('the audit log', () => {
  it('keeps every write of a chat and exports it as CSV from the options page', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: { automation: { ended: { action: 'contactCase', strategy: 'none' } } } });
    const chat = await demo.startChat(visitor('Katherine Johnson', 'katherine@nasa.example', { Company: '=cmd|calc' }));
    await panel.waitForVisitor(chat);
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    expect(entry.state, JSON.stringify(entry)).toBe('done');
    const options = new OptionsPage(await harness.newPage(`${OPTIONS_URL}#audit`));
    await options.ready();
    // The CSV as the download gets it.
    await options.page.evaluate(() => {
      const original = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => (void blob.text().then((text) => ((window as never as { exported: string }).exported = text)), original(blob));
    });
    await options.page.click('#export-audit');
    const csv = (await (await options.page.waitForFunction(() => (window as never as { exported?: string }).exported)).jsonValue()) as string;
    const rows = csv.trimEnd().split('\r\n').filter((row) => row.includes(`"${chat}"`));
    expect(rows.map((row) => row.split('","').slice(2, 5).join(' '))).toEqual([`Contact ${entry.ids.person} create`, `Case ${entry.ids.record} create`]);
    expect(rows[1]).toContain('""SuppliedCompany"":""=cmd|calc""'); // inside the JSON cell, never a formula
    expect(await options.text('#audit-count')).toMatch(/(\d+ writes?|No write) kept/);
  });
});

async function emulatorUrl(): Promise<string> {
  return (await e2e.emulator.token()).instanceUrl;
}
