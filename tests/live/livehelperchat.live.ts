import { describe, expect, it } from 'vitest';
import { useExtension } from '../e2e/setup';
import { PanelPage } from '../e2e/pages/panel';
import { openLightningStandIn } from '../e2e/pages/lightning';
import { agentSays, BASE, closeAllChats, ensureOperator, login, LOGINS, openFromDashboard, operatorOnline, putOnline, transfersOf, visitorChat } from '../consoles/livehelperchat/capture';

const e2e = useExtension();

/**
 * Seed 004's mapping for LHC, whose operators are on or off (its switch): Omni's Available is
 * on, its break is off; LHC on is Omni Available.
 */
const PRESENCE = {
  enabled: true,
  fromOmni: [{ status: 'Available', busy: false, mapsTo: 'on' }, { status: 'Break', busy: false, mapsTo: 'off' }, { status: 'Busy', busy: true, mapsTo: null }],
  toOmni: [{ state: 'on', status: 'Available' }],
  readyState: 'on', busyState: 'on', offlineState: 'off', loginStatus: 'Available',
  consoleLogoutOffline: true, omniOfflineLogsOut: true, workAcceptedBusy: false, master: 'console',
};

/** The admin points the built-in adapter at this LHC (a self-hosted console has its own host). */
const SETTINGS = {
  consoles: { builtIn: { livehelperchat: { enabled: true, matches: ['http://127.0.0.1/*'] } }, custom: [] },
  automation: { ended: { action: 'contactTask', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } },
};

/** A fresh seeded org, connected, no write left waiting, the admin's settings stored. */
async function freshOrg() {
  const { harness, emulator } = e2e;
  await emulator.reset({ data: 'scenarios' });
  await harness.clearOutbox();
  const token = await emulator.token();
  await harness.useSettings(SETTINGS);
  await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
}

describe('a real LiveHelperChat', () => {
  it('the agent opens a chat from the dashboard: the panel identifies the visitor; one write, after the operator closes the chat, with the whole chat', async () => {
    const { harness, emulator } = e2e;
    await freshOrg();
    closeAllChats();
    const chat = String(visitorChat('Grace Hopper', 'grace.hopper@example.com', '+1 415 555 0100', 'Hello, I need help with my invoice'));

    const page = await login(await harness.newPage(), ...LOGINS.admin);
    await page.goto(`${BASE}/index.php/site_admin/`, { waitUntil: 'networkidle2' });
    await openFromDashboard(page, Number(chat));
    const panel = new PanelPage(page);
    await panel.waitForVisitor(chat);
    const card = await panel.find('[data-identity="found"][data-record-type="Contact"]');
    expect(await card.evaluate((el) => (el.querySelector('.identity__name') as HTMLElement).innerText)).toBe('Grace Hopper');
    // Opening the chat wrote nothing.
    expect((await panel.send<{ data: unknown[] }>({ command: 'outbox.list', payload: { chatId: chat } })).data).toEqual([]);
    await agentSays(page, Number(chat), 'Happy to help. What is the invoice number?');
    await page.waitForFunction((id) => document.querySelectorAll(`#messagesBlock-${id} .message-row`).length >= 4, {}, chat);
    await harness.screenshot(page, 'lhc-live-chat');

    // As the agent does: once the column has settled (the panel above it grows when the match
    // arrives; a click aimed before that lands where the button was).
    const close = `#chat-id-${chat} #chat-close-action-${chat}`;
    await page.$eval(close, async (button) => {
      button.scrollIntoView({ block: 'center' });
      for (let last = '', i = 0; i < 50; i++) {
        const now = JSON.stringify(button.getBoundingClientRect());
        if (now === last) return;
        last = now;
        await new Promise((r) => setTimeout(r, 60));
      }
    });
    await page.click(close);
    const entry = await panel.settledWrite(chat, 30_000);
    expect(entry).toMatchObject({ state: 'done' });
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    const tasks = (await emulator.records('Task')).filter((t) => t.WhoId === grace.Id);
    expect(tasks).toHaveLength(1);
    const description = String(tasks[0]!.Description);
    expect(description).toMatch(/Grace Hopper: Hello, I need help with my invoice/);
    expect(description).toMatch(/Ana Agent: Happy to help\. What is the invoice number\?/);
    expect(description).not.toMatch(/thumb_up|done_all|\d\d:\d\d:\d\dHello/);
    await harness.screenshot(page, 'lhc-live-closed');
    console.log(`LHC chat ${chat}: one task on ${grace.Name} (${tasks[0]!.Id}), ${entry.steps.map((s) => `${s.method} ${s.object}`).join(', ')}\n${description}`);
  });

  it("transfers the chat to its contact's owner through LHC's own dialog, after the agent confirms; its end in this console then waits for the agent's word", async () => {
    const { harness, emulator } = e2e;
    await freshOrg();
    // Grace Hopper's contact belongs to Ben Backup in the seeded org: he is an LHC operator too, online.
    const ben = ensureOperator('ben', 'Ben', 'Backup', 'ben.backup@example.com');
    closeAllChats();
    const chat = visitorChat('Grace Hopper', 'grace.hopper@example.com', '+1 415 555 0100', 'Can my account manager call me?');
    const page = await login(await harness.newPage(), ...LOGINS.admin);
    await page.goto(`${BASE}/index.php/site_admin/`, { waitUntil: 'networkidle2' });
    await openFromDashboard(page, chat);
    const panel = new PanelPage(page);
    await panel.waitForVisitor(String(chat));
    await panel.find('.routing [data-owner-of="Contact"]');
    await panel.click('.routing [data-action="transfer"][data-target="Ben Backup"]');
    await panel.find('.routing [data-action="transfer-confirm"]');
    expect(transfersOf(chat)).toEqual([]);
    await harness.screenshot(page, 'lhc-live-transfer-confirm');
    await panel.click('.routing [data-action="transfer-confirm"]');
    // LHC's dialog lists the online operators, the first one checked: the extension picks Ben and confirms.
    await panel.find('.routing [data-outcome="done"]', 20_000);
    expect(transfersOf(chat)).toEqual([ben]);
    await page.waitForFunction((id) => document.querySelector(`#messagesBlock-${id}`)?.textContent?.includes('has transferred chat to Ben Backup'), { timeout: 10_000, polling: 100 }, chat);
    // The panel no longer promises a write at the chat's end: Ben may write it.
    expect(await (await panel.frame()).$('.chat-actions__target')).toBeNull();
    await harness.screenshot(page, 'lhc-live-transferred');
    // Ana closes the chat in her console: it was transferred away, so its write waits for her word.
    const close = `#chat-id-${chat} #chat-close-action-${chat}`;
    await page.$eval(close, (button) => button.scrollIntoView({ block: 'center' }));
    await page.click(close);
    for (let i = 0; i < 100 && !(await panel.backgroundEvents()).some((e) => e.type === 'ended' && e.chatId === String(chat)); i++) await new Promise((r) => setTimeout(r, 100));
    expect((await panel.backgroundEvents()).some((e) => e.type === 'ended' && e.chatId === String(chat))).toBe(true);
    // Its write is kept for her to decide (Ben may write it), not sent.
    let held: { state: string; lastError?: string }[] = [];
    for (let i = 0; i < 50 && !held.length; i++) {
      held = (await panel.send<{ data: typeof held }>({ command: 'outbox.list', payload: { chatId: String(chat) } })).data;
      if (!held.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(held).toMatchObject([{ state: 'needs_attention', lastError: expect.stringContaining('transferred to Ben Backup') }]);
  });

  it("keeps LHC's own online switch in step with Omni-Channel (the presence sync, through the Salesforce package's bridge on a Lightning stand-in)", async () => {
    const { harness, emulator, consoleUrl } = e2e;
    await emulator.reset({ data: 'scenarios' });
    putOnline(LOGINS.admin[0]);
    // LHC's admin is Ana Agent, a user of the org too: her session, and Omni's reports from her Lightning console.
    const token = await emulator.token('ana.agent@example.com');
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
    await harness.useSettings({ ...SETTINGS, presence: PRESENCE });
    const lightning = await openLightningStandIn(harness, consoleUrl);
    const omni = (script: string) => lightning.evaluate(script) as Promise<string | null>;
    const lhc = await login(await harness.newPage(), ...LOGINS.admin);
    await lhc.goto(`${BASE}/index.php/site_admin/`, { waitUntil: 'networkidle2' });
    const icon = () => lhc.$eval('#online-offline-user', (el) => el.textContent);
    const until = async (check: () => Promise<boolean>, what: string) => {
      for (let i = 0; i < 150; i++) if (await check()) return;
      else await new Promise((r) => setTimeout(r, 100));
      throw new Error(`never: ${what}`);
    };
    // LHC signs in online: Omni logs in with the login status.
    await until(async () => (await omni('window.omni.current()')) === 'Available', 'Omni Available at LHC sign-in');

    // Omni by hand to a break → the extension clicks LHC's own switch: LHC's server has her offline.
    await omni("window.omni.pick('Break')");
    await until(async () => (await icon()) === 'flash_off' && !operatorOnline(LOGINS.admin[0]), 'LHC offline');
    await lhc.bringToFront();
    await harness.screenshot(lhc, 'lhc-live-presence-offline');
    await omni("window.omni.pick('Available')");
    await until(async () => (await icon()) === 'flash_on' && operatorOnline(LOGINS.admin[0]), 'LHC online again');
    // Omni did not hear its own change echoed back.
    expect(await omni('window.omni.current()')).toBe('Available');

    // The operator switches LHC off by hand → Omni logged out.
    await lhc.click('#online-offline-user');
    await until(async () => (await omni('window.omni.current()')) === null, 'Omni logged out');
    expect(operatorOnline(LOGINS.admin[0])).toBe(false);
    putOnline(LOGINS.admin[0]);
  });
});
