import { describe, expect, it } from 'vitest';
import { useExtension } from '../e2e/setup';
import { PanelPage } from '../e2e/pages/panel';
import { agentSays, BASE, closeAllChats, login, LOGINS, openFromDashboard, visitorChat } from '../consoles/livehelperchat/capture';

const e2e = useExtension();

/** The admin points the built-in adapter at this LHC (a self-hosted console has its own host). */
const SETTINGS = {
  consoles: { builtIn: { livehelperchat: { enabled: true, matches: ['http://127.0.0.1/*'] } }, custom: [] },
  automation: { ended: { action: 'contactTask', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } },
};

describe('a real LiveHelperChat', () => {
  it('the agent opens a chat from the dashboard: the panel identifies the visitor; one write, after the operator closes the chat, with the whole chat', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await harness.clearOutbox();
    const token = await emulator.token();
    await harness.useSettings(SETTINGS);
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
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
});
