/**
 * Captures a real LiveHelperChat operator console's DOM in the states the adapter must read, as
 * markup only (scripts, styles and inline handlers stripped): `npx tsx
 * tests/consoles/livehelperchat/capture.ts [LHC_DIR]`, against an installation made and started
 * by ../shared/tools/livehelperchat (setup.sh, start.sh; default DIR /work/lhc). Rerun it against
 * a newer LHC and the adapter tests (tests/unit/adapters/livehelperchat.test.ts) say what broke.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Page } from 'puppeteer';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'captures');
const DIR = process.argv[2] ?? process.env.LHC_DIR ?? '/work/lhc';
if (!existsSync(join(DIR, 'kit.env'))) throw new Error(`No LiveHelperChat at ${DIR}: set it up with ../shared/tools/livehelperchat/setup.sh and start it (or set LHC_DIR).`);
const env = Object.fromEntries(readFileSync(join(DIR, 'kit.env'), 'utf8').split('\n').filter((l) => /^\w+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).replace(/^'|'$/g, '')]));
export const BASE = `http://127.0.0.1:${env.WEB_PORT}`;
export const LOGINS = { admin: [env.ADMIN_USER!, env.ADMIN_PASS!], operator: [env.OP_USER!, env.OP_PASS!] } as const;
const source = readFileSync(join(DIR, 'kit', 'source.txt'), 'utf8').trim();
const commit = /[0-9a-f]{40}/.exec(source)?.[0] ?? source;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A visitor chat through LHC's own start form (the kit's script); its id. */
export function visitorChat(name: string, email: string, phone: string, message: string): number {
  const out = execFileSync(join(DIR, 'kit', 'visitor-chat.sh'), [DIR, name, email, phone, message], { env: { ...process.env, VISITOR_MODE: 'curl' }, encoding: 'utf8' });
  return Number(out.trim().split('\n').at(-1));
}

/** Closes every chat of the installation (a test one): the captures start from an empty dashboard. */
export function closeAllChats(): void {
  execFileSync('mariadb', [`--defaults-file=${join(DIR, 'mysql', 'my.cnf')}`, '-uroot', '-e', 'UPDATE lh_chat SET status = 2 WHERE status <> 2', env.DB_NAME ?? 'lhc']);
}

/** The visitor leaves (what LHC's widget sends when the visitor closes it). */
export function visitorLeaves(chatId: number): void {
  const hash = execFileSync('mariadb', [`--defaults-file=${join(DIR, 'mysql', 'my.cnf')}`, '-uroot', '-N', '-e', `SELECT hash FROM lh_chat WHERE id = ${chatId}`, env.DB_NAME ?? 'lhc'], { encoding: 'utf8' }).trim();
  execFileSync('curl', ['-s', '-o', '/dev/null', `${BASE}/index.php/chat/userclosechat/${chatId}/${hash}/(eclose)/t`]);
}

const sql = (query: string) => execFileSync('mariadb', [`--defaults-file=${join(DIR, 'mysql', 'my.cnf')}`, '-uroot', '-N', '-e', query, env.DB_NAME ?? 'lhc'], { encoding: 'utf8' }).trim();

/**
 * An operator of the kit's operators group (created when missing, as the back office does), set
 * "always online" (its own switch in LHC), so LHC's transfer dialog lists them. Their id.
 */
export function ensureOperator(username: string, name: string, surname: string, email: string): number {
  if (!/^\w+$/.test(username)) throw new Error(`not a plain username: ${username}`);
  const kit = (...args: string[]) => execFileSync('php', [join(DIR, 'kit', 'lhc-kit.php'), join(DIR, 'lhc_web'), ...args], { encoding: 'utf8' });
  kit('ensure-user', username, `Pw-${Math.random().toString(36).slice(2)}`, name, surname, email, (env.OP_GROUP ?? '').replace(/\\(.)/g, '$1'));
  kit('set-always-on', username, '1');
  return Number(sql(`SELECT id FROM lh_users WHERE username = '${username}'`));
}

/** The operators a chat was transferred to (LHC's lh_transfer: the transfer waits there for them to accept it). */
export function transfersOf(chatId: number): number[] {
  return sql(`SELECT transfer_to_user_id FROM lh_transfer WHERE chat_id = ${Number(chatId)}`).split('\n').filter(Boolean).map(Number);
}

/** Whether an operator shows as online (LHC's online switch: lh_users.hide_online). */
export function operatorOnline(username: string): boolean {
  return sql(`SELECT hide_online FROM lh_users WHERE username = '${username.replace(/\W/g, '')}'`) === '0';
}

/** Puts an operator online, as their switch does (both places LHC keeps it). */
export function putOnline(username: string): void {
  const user = username.replace(/\W/g, '');
  sql(`UPDATE lh_users SET hide_online = 0 WHERE username = '${user}'; UPDATE lh_userdep SET hide_online = 0 WHERE user_id = (SELECT id FROM lh_users WHERE username = '${user}')`);
}

/** Logs an operator in on this page, as LHC's login form is used. */
export async function login(page: Page, user: string, password: string): Promise<Page> {
  await page.goto(`${BASE}/index.php/site_admin/user/login`, { waitUntil: 'load' });
  await page.type('input[name=Username]', user);
  await page.type('input[name=Password]', password);
  await Promise.all([page.waitForNavigation(), page.click('input[name=Login]')]);
  return page;
}

/** Opens a chat from the dashboard as an operator does: a click on it in the pending list. */
export async function openFromDashboard(page: Page, chatId: number): Promise<void> {
  if (!page.url().startsWith(`${BASE}/index.php/site_admin/`) || page.url().includes('/front/') || page.url().includes('/chat/')) {
    await page.goto(`${BASE}/index.php/site_admin/`, { waitUntil: 'networkidle2' });
  }
  // Back to the dashboard tab (a chat tab covers it), as the home icon of the chat list does.
  await page.evaluate(() => (document.querySelector('#tabs a[href="#dashboard"]') as HTMLElement | null)?.click());
  // The row's info icon is titled "[id] time".
  const row = await page.waitForFunction((id) => [...document.querySelectorAll('tr.user-online-row')].find((r) => (r as HTMLElement).offsetParent && r.querySelector(`[title^="[${id}] "]`)), { timeout: 30_000 }, chatId);
  await (row.asElement() as import('puppeteer').ElementHandle<Element>).click();
  await page.waitForSelector(`#chat-id-${chatId} .msgBlock .message-row`, { timeout: 30_000 });
  await sleep(1500);
}

/** Shows an open chat as the agent does: a click on it in the list of open chats. */
export async function showChat(page: Page, chatId: number): Promise<void> {
  await page.click(`#tabs-dashboard .chat-tabs-row[title="${chatId}"]`);
  await page.waitForSelector(`#chat-id-${chatId}.active .msgBlock .message-row`, { timeout: 30_000 });
  await sleep(1000);
}

/** The agent types a reply into LHC's editor and sends it with Enter. */
export async function agentSays(page: Page, chatId: number, text: string): Promise<void> {
  await page.click(`#CSChatMessage-${chatId}`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The page's markup, without LHC's code: no scripts, styles or inline handlers. */
async function markup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    root.querySelectorAll('script, style, link, noscript, iframe, template').forEach((el) => el.remove());
    root.querySelectorAll('*').forEach((el) => {
      for (const { name, value } of [...el.attributes]) if (/^on|^ng-init$/i.test(name) || /^\s*javascript:/i.test(value)) el.removeAttribute(name);
    });
    return `<!doctype html>\n${root.outerHTML}`;
  });
}

const captured: { state: string; url: string; file: string }[] = [];
async function capture(page: Page, state: string, what: string): Promise<void> {
  const file = `${state}.html`;
  const html = await markup(page);
  writeFileSync(join(OUT, file), `<!-- LiveHelperChat ${commit}: ${what}. Captured by capture.ts from ${new URL(page.url()).pathname}${new URL(page.url()).hash}; markup only. -->\n${html}`);
  captured.push({ state, url: new URL(page.url()).pathname + new URL(page.url()).hash, file });
  console.log(`captured ${state} (${html.length} characters)`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'], defaultViewport: { width: 1400, height: 900 } });
  try {
    closeAllChats();
    const grace = visitorChat('Grace Hopper', 'grace.hopper@example.com', '+1 415 555 0100', 'Hello, I need help with my invoice');
    const ada = visitorChat('Ada Lovelace', 'ada@engine.example', '+44 20 7946 0958', 'Can you compute Bernoulli numbers?');
    const admin = await login(await browser.newPage(), env.ADMIN_USER!, env.ADMIN_PASS!);
    await admin.goto(`${BASE}/index.php/site_admin/`, { waitUntil: 'networkidle2' });
    await admin.waitForSelector('tr.user-online-row', { timeout: 30_000 });
    await sleep(1500);
    await capture(admin, 'dashboard-pending', 'the dashboard, two chats waiting');

    await openFromDashboard(admin, grace);
    await agentSays(admin, grace, 'Happy to help. What is the invoice number?');
    await admin.waitForFunction((id) => document.querySelectorAll(`#messagesBlock-${id} .message-row`).length >= 4, { timeout: 20_000 }, grace).catch(async (e) => {
      await admin.screenshot({ path: '/tmp/lhc-fail.png' });
      console.log(await admin.evaluate((id) => document.querySelector(`#CSChatMessage-${id}`)?.outerHTML.slice(0, 400), grace));
      throw e;
    });
    await sleep(1500);
    await capture(admin, 'dashboard-chat-open', 'a chat opened from the dashboard (loaded by AJAX), the agent has replied');

    await openFromDashboard(admin, ada);
    await capture(admin, 'dashboard-two-chats', 'two chats open, the second one shown');

    await admin.goto(`${BASE}/index.php/site_admin/chat/single/${grace}`, { waitUntil: 'networkidle2' });
    await admin.waitForSelector(`#messagesBlock-${grace} .message-row`);
    await sleep(1500);
    await capture(admin, 'single-chat', 'the single-chat window');

    await admin.goto(`${BASE}/index.php/site_admin/front/default/(cid)/${grace}`, { waitUntil: 'networkidle2' });
    await admin.waitForSelector(`#chat-id-${grace} .msgBlock .message-row`);
    await sleep(1500);
    await capture(admin, 'front-loaded', 'a chat link (front/default/(cid)/N) just loaded: the chats are open, the dashboard is shown');
    await showChat(admin, grace);
    await capture(admin, 'front-chat', 'a chat link (front/default/(cid)/N), the chat clicked in the list of open chats');

    const operator = await login(await browser.newPage(), env.OP_USER!, env.OP_PASS!);
    await operator.goto(`${BASE}/index.php/site_admin/front/default/(cid)/${ada}`, { waitUntil: 'networkidle2' });
    await operator.waitForSelector(`#chat-id-${ada} .msgBlock .message-row`);
    await showChat(operator, ada);
    await capture(operator, 'masked-operator', 'an operator without the right to see contact data: e-mail and phone masked');
    await operator.close();

    visitorLeaves(ada);
    await admin.goto(`${BASE}/index.php/site_admin/front/default/(cid)/${ada}`, { waitUntil: 'networkidle2' });
    await admin.waitForSelector(`#chat-id-${ada} .msgBlock .message-row`);
    await showChat(admin, ada);
    await admin.waitForFunction((id) => document.querySelector(`#chat-id-${id}`)!.textContent!.includes('has left the chat'), { timeout: 30_000 }, ada).catch(() => console.log('no "left the chat" seen'));
    await sleep(1500);
    await capture(admin, 'visitor-left', 'the visitor closed the chat window');

    await showChat(admin, grace);
    await admin.click(`#chat-id-${grace} #chat-close-action-${grace}`);
    await sleep(3000);
    await capture(admin, 'closed-by-operator', 'the operator clicked "Close chat" in the open chat');
    writeFileSync(join(OUT, 'captures.json'), `${JSON.stringify({ lhcCommit: commit, capturedAt: new Date().toISOString(), chats: { grace, ada }, captures: captured }, null, 2)}\n`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main().catch((error) => {
  console.error(error);
  process.exit(1);
});
