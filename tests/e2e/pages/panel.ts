import type { Browser, ElementHandle, Frame, Page } from 'puppeteer';
import type { OutboxItem } from '@/utils/messages/protocol';
import { EXTENSION_ID } from '../harness/paths';

const HOST = 'sf-chat-panel';

/** Is this the panel's frame (an extension page, loaded through its dynamic URL)? */
export const isPanelFrame = (frame: Frame) => frame.url().startsWith('chrome-extension://') && new URL(frame.url()).pathname === '/panel.html';

/** The Salesforce panel in its frame on the console page, read the way the agent reads it. */
export class PanelPage {
  /** `id`: the extension's (a package signed with another key has another). */
  constructor(readonly page: Page, readonly id = EXTENSION_ID) {}

  /** The panel's frame, once the console script has placed it and it has loaded. */
  async frame(timeout = 15_000): Promise<Frame> {
    const until = Date.now() + timeout;
    for (;;) {
      const frame = this.page.frames().find(isPanelFrame);
      if (frame && !frame.detached && (await frame.evaluate(() => document.readyState !== 'loading').catch(() => false))) return frame;
      if (Date.now() > until) throw new Error('the panel frame never appeared on the console page');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Waits for an element inside the panel's frame. Polls, asking for the frame each time: a
   * frame found before it settled (its dynamic URL leads to the extension's own origin) may be
   * replaced, and a wait on the old one would never end.
   */
  async find(selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
    const until = Date.now() + timeout;
    for (;;) {
      const frame = this.page.frames().find((f) => isPanelFrame(f) && !f.detached);
      const handle = frame ? await frame.$(selector).catch(() => null) : null;
      if (handle) return handle;
      if (Date.now() > until) throw new Error(`the panel never showed ${selector}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits until no element of the panel matches (what the agent fixed is no longer listed). */
  async gone(selector: string, timeout = 15_000): Promise<void> {
    const until = Date.now() + timeout;
    for (;;) {
      const frame = this.page.frames().find((f) => isPanelFrame(f) && !f.detached);
      if (frame && !(await frame.$(selector).catch(() => 'detached'))) return;
      if (Date.now() > until) throw new Error(`the panel still shows ${selector}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Clicks an element of the panel as the agent does: once it sits still. The frame grows as the
   * panel's content loads (it takes its content's height); a click aimed while it grows lands
   * where the element was.
   */
  async click(selector: string, timeout = 15_000): Promise<void> {
    const element = await this.find(selector, timeout);
    await this.settled(element);
    await element.click();
  }

  /**
   * Waits until the element can be used (not disabled: a form still loading) and its place, and
   * the frame's size, stay the same for about 150 ms (what loads above it, such as a record just
   * created, moves it down).
   */
  async settled(element: ElementHandle<Element>): Promise<void> {
    await element.evaluate(async (el) => {
      const where = () => JSON.stringify([el.getBoundingClientRect().toJSON(), innerHeight, document.documentElement.scrollHeight]);
      for (let last = '', same = 0, i = 0; i < 150 && same < 3; i++) {
        const now = where();
        same = now === last && !(el as HTMLButtonElement).disabled ? same + 1 : 0;
        last = now;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
  }

  /** Waits for the panel's status dot to show a state (data-state) and returns what it says (its label). */
  async waitForState(state: string, timeout = 15_000): Promise<string> {
    const handle = await this.find(`.status-dot[data-state="${state}"]`, timeout);
    return (await handle.evaluate((el) => el.getAttribute('aria-label') ?? '')).trim();
  }

  async text(): Promise<string> {
    const handle = await this.find('.panel');
    return (await handle.evaluate((el) => (el as HTMLElement).innerText)).trim();
  }

  /** Clicks the status dot (it checks the connection again) and waits until the answer is shown. */
  async clickCheckConnection(): Promise<void> {
    await this.click('.status-dot');
    await this.find('.panel[aria-busy="false"]');
  }

  /** Clicks the banner's Connect or Reconnect, then "Allow" on Salesforce's login page (its own window). */
  async connect(browser: Browser): Promise<void> {
    const earlier = new Set(browser.targets());
    const login = browser.waitForTarget((t) => !earlier.has(t) && t.type() === 'page' && t.url().includes('/services/oauth2/authorize'), { timeout: 15_000 });
    await this.page.bringToFront();
    await this.click('[data-action="connect"]');
    const page = (await (await login).page())!;
    await page.waitForSelector('#oaapprove');
    await page.click('#oaapprove');
  }

  /** Waits until the panel shows the visitor of this chat, and returns the card's text. */
  async waitForVisitor(chatId: string, timeout = 10_000): Promise<string> {
    const handle = await this.find(`.visitor[data-chat-id="${chatId}"]`, timeout);
    return (await handle.evaluate((el) => (el as HTMLElement).innerText)).trim();
  }

  /**
   * Sends a raw message from the panel's frame (an extension page), as the panel would; once the
   * console has taken the panel away (its chat closed), from the extension's popup page instead.
   */
  async send<T = unknown>(message: unknown): Promise<T> {
    const frame = this.page.frames().find((f) => isPanelFrame(f) && !f.detached);
    if (frame) {
      const answer = await frame.evaluate((m) => chrome.runtime.sendMessage(m), message).catch(() => undefined);
      if (answer !== undefined) return answer as T;
    }
    this.extensionPage ??= this.page.browser().newPage().then(async (page) => {
      await page.goto(`chrome-extension://${this.id}/popup.html`);
      await this.page.bringToFront();
      return page;
    });
    return (await this.extensionPage).evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
  }
  private extensionPage?: Promise<Page>;

  /** Sends a raw message from the content script's isolated world on the console page. */
  async sendFromConsole<T = unknown>(message: unknown): Promise<T> {
    const realm = this.page.extensionRealms()[0];
    if (!realm) throw new Error('the content script is not running on this page');
    return realm.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
  }

  /**
   * Types into a control as the agent does: click into it, select what it holds (Ctrl+A), delete
   * it, type. (A triple click is not used: the frame grows as the panel's content loads, and a
   * click that moved with it is counted as a new single click.)
   */
  async retype(selector: string, text: string): Promise<void> {
    const input = await this.find(selector);
    await this.settled(input);
    await input.click();
    await input.evaluate((el) => (el as HTMLInputElement).select?.());
    await input.press('Backspace');
    await input.type(text);
  }

  /** Waits until the background has settled a chat's write (done or needs attention) and returns it. */
  async settledWrite(chatId: string, timeout = 15_000): Promise<OutboxItem> {
    const until = Date.now() + timeout;
    for (;;) {
      const reply = await this.send<{ ok: boolean; data: OutboxItem[] }>({ command: 'outbox.list', payload: { chatId } });
      const entry = reply.data?.find((e) => e.state === 'done' || e.state === 'needs_attention');
      if (entry) return entry;
      if (Date.now() > until) throw new Error(`the write of ${chatId} never settled: ${JSON.stringify(reply.data)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The chat events the background received (a diagnostics command of the extension's pages). */
  async backgroundEvents(): Promise<{ type: string; chatId: string; messages: number; snapshot: { state: string; transcript: unknown[]; visitor: Record<string, string> } }[]> {
    const reply = await this.send<{ ok: boolean; data: never[] }>({ command: 'chat.recent', payload: { limit: 500 } });
    return reply.data;
  }

  /**
   * The background's chat events once `done` holds for them (a busy chat's new messages reach it
   * within about a second, together); the last ones read if it never does.
   */
  async backgroundEventsWhen(done: (events: Awaited<ReturnType<PanelPage['backgroundEvents']>>) => boolean, timeout = 3_000): ReturnType<PanelPage['backgroundEvents']> {
    const until = Date.now() + timeout;
    for (;;) {
      const events = await this.backgroundEvents();
      if (done(events) || Date.now() > until) return events;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** How many panels are mounted (there must never be two). */
  count(): Promise<number> {
    return this.page.evaluate((host) => document.querySelectorAll(host).length, HOST);
  }
}
