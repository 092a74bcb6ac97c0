import type { ElementHandle, Page } from 'puppeteer';
import type { OutboxItem } from '@/utils/messages/protocol';

const HOST = 'sf-chat-panel';

/** The Salesforce panel inside its shadow root, read the way the agent reads it. */
export class PanelPage {
  constructor(readonly page: Page) {}

  /**
   * Waits for an element inside the panel's shadow root. (puppeteer's waitForSelector watches
   * the document's mutations, which do not include changes inside a shadow root: poll instead.)
   */
  async find(selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
    const handle = await this.page.waitForFunction(
      (host, sel) => document.querySelector(host)?.shadowRoot?.querySelector(sel) ?? null,
      { polling: 50, timeout },
      HOST,
      selector,
    );
    return handle as ElementHandle<Element>;
  }

  /** Waits for the panel to show a status (data-state) and returns the status text. */
  async waitForState(state: string, timeout = 15_000): Promise<string> {
    const handle = await this.find(`.status[data-state="${state}"]`, timeout);
    return (await handle.evaluate((el) => el.textContent ?? '')).trim();
  }

  async text(): Promise<string> {
    const handle = await this.find('.panel');
    return (await handle.evaluate((el) => (el as HTMLElement).innerText)).trim();
  }

  /** Clicks "Check connection" and waits until the answer is shown. */
  async clickCheckConnection(): Promise<void> {
    const button = await this.find('.panel__header button');
    await button.click();
    await this.find('.panel[aria-busy="false"]');
  }

  /** Waits until the panel shows the visitor of this chat, and returns the card's text. */
  async waitForVisitor(chatId: string, timeout = 10_000): Promise<string> {
    const handle = await this.find(`.visitor[data-chat-id="${chatId}"]`, timeout);
    return (await handle.evaluate((el) => (el as HTMLElement).innerText)).trim();
  }

  /** Sends a raw message from the content script's isolated world, as the panel would. */
  async send<T = unknown>(message: unknown): Promise<T> {
    const realm = this.page.extensionRealms()[0];
    if (!realm) throw new Error('the content script is not running on this page');
    return realm.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
  }

  /** Types into a control as the agent does: select what it holds, delete it, type. */
  async retype(selector: string, text: string): Promise<void> {
    const input = await this.find(selector);
    await input.click({ clickCount: 3 });
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

  /** The chat events the background received, via the content script's own channel. */
  async backgroundEvents(): Promise<{ type: string; chatId: string; snapshot: { state: string; transcript: unknown[]; visitor: Record<string, string> } }[]> {
    const reply = await this.send<{ ok: boolean; data: never[] }>({ command: 'chat.recent', payload: { limit: 500 } });
    return reply.data;
  }

  /** How many panels are mounted (there must never be two). */
  count(): Promise<number> {
    return this.page.evaluate((host) => document.querySelectorAll(host).length, HOST);
  }
}
