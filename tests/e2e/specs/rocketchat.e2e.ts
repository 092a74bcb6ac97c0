import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import type { PanelPage } from '../pages/panel';

/**
 * The built-in Rocket.Chat adapter in the real extension, on Rocket.Chat's agent room as 7.x
 * renders it and as the 2026 line does (7.x without the QA attributes Rocket.Chat removed), pages
 * rebuilt from its source (tests/consoles/rocketchat/). The admin points the adapter at this host.
 */
const e2e = useExtension();
const ROOM = 'ROOM_ID_abc123';
const SETTINGS = {
  consoles: { builtIn: { rocketchat: { enabled: true, matches: ['http://127.0.0.1/*'] }, demo: { enabled: false, matches: ['http://localhost/*'] } }, custom: [] },
  automation: { ended: { action: 'contactCase', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } },
};
const CLOSE = /<div role="listitem"[^>]*"livechat-close"[\s\S]*?rcx-message-system__time[^>]*>[^<]*<\/span>\s*<\/div>\s*<\/div>\s*<\/div>/;

/** The room page: still open (its close message and closed notice left out) unless `?closed`; `?v=2026` strips the QA attributes. */
function roomPage(url: URL): string {
  let html = readFileSync('tests/consoles/rocketchat/v7.html', 'utf8');
  if (!url.searchParams.has('closed')) html = html.replace(CLOSE, '').replace('This conversation is already closed.', '');
  if (url.searchParams.get('v') === '2026') html = html.replace(/\sdata-qa(?!-rc-room)[\w-]*="[^"]*"/g, '');
  return html;
}

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/live/')) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(roomPage(url));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  // The demo console is switched off here: the specs after this one need it back.
  await e2e.harness.useSettings({});
  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections(); // the browser keeps its connections alive
  });
});

async function openRoom(query: string) {
  await e2e.emulator.reset({ data: 'scenarios' });
  await e2e.harness.clearOutbox();
  const { page, panel } = await e2e.openConnectedConsole({ settings: SETTINGS, url: `${base}/live/${ROOM}${query}` });
  await panel.waitForVisitor(ROOM);
  return { page, panel };
}

const outbox = (panel: PanelPage) => panel.send<{ data: { state: string }[] }>({ command: 'outbox.list', payload: { chatId: ROOM } }).then((r) => r.data);

describe.each(['7.x', '2026'])('Rocket.Chat %s, its agent room', (version) => {
  const query = version === '2026' ? '?v=2026' : '';

  it('the panel reads the contact, and Rocket.Chat\'s own close message writes the chat once, with every message', async () => {
    const { harness, emulator } = e2e;
    const { page, panel } = await openRoom(query);
    const card = await (await panel.find('.visitor')).evaluate((el) => (el as HTMLElement).innerText);
    expect(card).toContain('Jane Visitor');
    expect(card).toContain('jane@example.com');
    await panel.find('[data-identity]:not([data-identity="identifying"])');
    await harness.screenshot(page, `rocketchat-${version}-room`);
    expect(await outbox(panel)).toEqual([]);
    // The agent closes the chat: Rocket.Chat adds its livechat-close system message.
    await page.evaluate(() => {
      const list = document.querySelector('.messages-list')!;
      list.insertAdjacentHTML('beforeend', '<div class="rcx-message-system" data-system-message-type="livechat-close" data-mid="MSG_close"><div class="rcx-message-system__block"><span class="rcx-message-system__name">Agent Smith</span><div class="rcx-message-system__body">Conversation closed: solved.</div></div></div>');
    });
    const done = await panel.settledWrite(ROOM, 20_000);
    expect(done.state).toBe('done');
    const cases = (await emulator.records('Case')).filter((c) => c.SuppliedEmail === 'jane@example.com');
    expect(cases).toHaveLength(1);
    expect(String(cases[0]!.Description)).toMatch(/Hello, I need help with my order\.[\s\S]*Order #4411\.[\s\S]*Sure, let me check\./);
  });

  it('a room opened already closed (from the history) writes nothing', async () => {
    const { panel } = await openRoom(`${query}${query ? '&' : '?'}closed`);
    await panel.find('[data-identity]:not([data-identity="identifying"])');
    await new Promise((r) => setTimeout(r, 1_000)); // time for a wrong write to be queued
    expect(await outbox(panel)).toEqual([]);
  });
});
