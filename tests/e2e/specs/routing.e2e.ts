import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { useExtension } from '../setup';
import { demoVisitor } from '../pages/demo-console';
import type { PanelPage } from '../pages/panel';
import { OptionsPage, OPTIONS_URL } from '../pages/options';
import { axeViolations } from '../harness/axe';

const e2e = useExtension();

/**
 * Seed 000's "route a visitor to his/her account manager", as an admin sets it: a direct
 * customer's chats to its account owner, a prospect's to the console's Sales department. (The
 * seeded org: Grace Hopper's contact is Ben Backup's, her account Acme Corp is a direct
 * customer owned by Carla Chen; José Núñez's Globex is a prospect.)
 */
const ROUTING = {
  automation: { ended: { action: 'contactTask', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } },
  routing: {
    rules: [
      { object: 'Account', field: 'Type', values: ['Customer - Direct'], to: 'owner' },
      { object: 'Account', field: 'Type', values: ['Prospect'], to: 'department', department: 'Sales' },
    ],
  },
};

type Transfers = { chatId: string; to: string; kind: string }[];
const transfers = (page: Page) => page.evaluate(() => (window as unknown as { demoConsole: { state: { transfers: Transfers } } }).demoConsole.state.transfers);
const dialogOpen = (page: Page) => page.$eval('.transfer-dialog', (el) => !(el as HTMLElement).hidden);
const routingText = async (panel: PanelPage) => (await (await panel.find('.routing')).evaluate((el) => (el as HTMLElement).innerText)).replace(/\s+/g, ' ');
const presenceQueries = async () => (await e2e.emulator.apiCalls()).filter((c) => c.path.includes('UserServicePresence')).length;

async function transferFromPanel(page: Page, panel: PanelPage, name: string) {
  await panel.click(`.routing [data-action="transfer"][data-target="${name}"]`);
  await panel.find('.routing [data-action="transfer-confirm"]');
}

describe('routing by Salesforce fields (seed 000)', () => {
  it("suggests the account's owner with the rule's reason and each owner's Omni-Channel presence; the transfer goes through the console's own dialog only after the agent confirms", async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: ROUTING });
    await emulator.clearLog();
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    const text = await routingText(panel);
    expect(text).toContain('Suggested: transfer to Carla Chen');
    expect(text).toContain('Account Type is Customer - Direct');
    // The seeded agents' current Omni-Channel statuses.
    expect(text).toContain('Contact owner: Ben Backup Busy in Omni-Channel');
    expect(text).toContain('Account owner: Carla Chen Available in Omni-Channel');
    expect(await presenceQueries()).toBe(1);
    await page.bringToFront();
    await harness.screenshot(page, 'routing-suggested');

    // Asked, not done: nothing moves in the console until the agent confirms.
    await transferFromPanel(page, panel, 'Carla Chen');
    expect(await dialogOpen(page)).toBe(false);
    expect(await transfers(page)).toEqual([]);
    await harness.screenshot(page, 'routing-confirm');
    await panel.click('.routing [data-action="transfer-confirm"]');
    await panel.find('.routing [data-outcome="done"]');
    expect(await routingText(panel)).toContain('Transferred to Carla Chen. At chat end, its write waits here for you');
    // The console's own dialog did it: its first agent (Ben Backup, checked first) was not taken.
    expect(await transfers(page)).toEqual([{ chatId: chat, to: 'Carla Chen', kind: 'agent' }]);
    expect(await page.$eval('.transcript', (el) => el.textContent)).toContain('Chat transferred to Carla Chen');
    expect(await dialogOpen(page)).toBe(false);
    await harness.screenshot(page, 'routing-done');
    // The panel shown again asks Salesforce nothing more within the minute.
    expect(await presenceQueries()).toBe(1);
    // The chat may be Carla's to write now: its end in this console is kept for the agent, not sent (the
    // automatic action is on), while a chat that stayed is written.
    await demo.endChat(chat);
    const stayed = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(stayed);
    await demo.endChat(stayed);
    expect(await panel.settledWrite(stayed)).toMatchObject({ state: 'done' });
    const held = (await panel.send<{ data: { state: string; lastError?: string; ids: object }[] }>({ command: 'outbox.list', payload: { chatId: chat } })).data;
    expect(held).toMatchObject([{ state: 'needs_attention', lastError: expect.stringContaining('transferred to Carla Chen'), ids: {} }]);
  });

  it("nobody by the owner's name in the console's list: nothing is transferred, the dialog is left for the agent, and the panel says why; cancel asks nothing", async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: ROUTING });
    await page.evaluate(() => (window as unknown as { demoConsole: { setTransferAgents: (n: string[]) => void } }).demoConsole.setTransferAgents(['Ben Backup', 'Dev Patel']));
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await transferFromPanel(page, panel, 'Carla Chen');
    await panel.click('.routing [data-action="transfer-cancel"]');
    await panel.find('.routing [data-action="transfer"]');
    expect(await dialogOpen(page)).toBe(false);

    await transferFromPanel(page, panel, 'Carla Chen');
    await panel.click('.routing [data-action="transfer-confirm"]');
    await panel.find('.routing [data-outcome="not-listed"]');
    expect(await routingText(panel)).toContain("Carla Chen is not in the console's transfer list");
    expect(await transfers(page)).toEqual([]);
    expect(await dialogOpen(page)).toBe(true);
    await page.bringToFront();
    await harness.screenshot(page, 'routing-not-listed');
    // The agent may try again once she is there.
    await panel.find('.routing [data-action="transfer"][data-target="Carla Chen"]');
  });

  it("a prospect's chat: the rule suggests the console's Sales department, transferred on its tab", async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: ROUTING });
    const chat = await demo.startChat(demoVisitor('José Núñez', 'jose.nunez@example.com'));
    await panel.waitForVisitor(chat);
    expect(await routingText(panel)).toContain('Suggested: transfer to Sales');
    await transferFromPanel(page, panel, 'Sales');
    await panel.click('.routing [data-action="transfer-confirm"]');
    await panel.find('.routing [data-outcome="done"]');
    expect(await transfers(page)).toEqual([{ chatId: chat, to: 'Sales', kind: 'department' }]);
    await page.bringToFront();
    await harness.screenshot(page, 'routing-department');
  });

  it('the console page cannot ask for a transfer or a suggestion: both are for the extension\'s own pages', async () => {
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: ROUTING });
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    const asked = await panel.sendFromConsole<{ ok: boolean; error?: { code: string } }>({ command: 'console.transfer', payload: { console: 'demo', chatId: chat, to: { kind: 'agent', name: 'Ben Backup' } } });
    expect(asked).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const suggested = await panel.sendFromConsole<{ ok: boolean; error?: { code: string } }>({ command: 'routing.suggest', payload: { console: 'demo', chatId: chat, record: { type: 'Contact', id: '003000000000001AAA', name: 'x', matched: [] } } });
    expect(suggested).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await transfers(page)).toEqual([]);
  });

  it('an admin writes a rule in the options page: record, field (the org\'s fields offered), values, a department; it is saved as the panel reads it', async () => {
    const { harness, emulator } = e2e;
    const token = await emulator.token();
    await harness.useSettings({});
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
    const page = await harness.newPage(OPTIONS_URL);
    const options = new OptionsPage(page);
    await options.ready();
    await page.waitForSelector('#routing-Account option[value="Type"]', { timeout: 15_000 });
    await page.click('#routing .add');
    const rule = '#routing .routing-rule[data-rule="0"]';
    await page.select(`${rule} .routing-object`, 'Account');
    await options.retype(`${rule} .routing-field`, 'Industry');
    await page.type(`${rule} .routing-values`, 'Banking, Technology');
    await page.keyboard.press('Tab'); // the values are taken when the field is left
    await page.select(`${rule} .routing-to`, 'department');
    await page.type(`${rule} .routing-department`, 'Enterprise');
    expect(await axeViolations(page)).toEqual([]);
    await page.bringToFront();
    await page.$eval('#routing', (el) => el.scrollIntoView({ block: 'start' }));
    await harness.screenshot(page, 'routing-options');
    await options.save();
    const saved = await harness.inWorker(async () => ((await chrome.storage.local.get('settings')).settings as { routing: unknown }).routing);
    expect(saved).toEqual({ rules: [{ object: 'Account', field: 'Industry', values: ['Banking', 'Technology'], to: 'department', department: 'Enterprise' }] });
  });
});
