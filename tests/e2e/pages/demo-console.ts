import type { Page } from 'puppeteer';

type DemoApi = {
  startChat: (visitor?: unknown) => string;
  sendMessage: (id: string, author: string, text: string) => void;
  endChat: (id: string) => void;
  receiveOffline: (message: unknown) => string;
  rerender: () => void;
  makeVisitor: (n: number, seed?: number) => Record<string, unknown>;
};

/**
 * A visitor as the demo console takes one: a first-time visitor from the US with a name, an
 * e-mail, the pre-chat form (Name, Email, and what else is given) and a first message.
 */
export function demoVisitor(name: string, email: string, { preChat = {}, phone = '', firstMessage = 'Hello' }: { preChat?: Record<string, string>; phone?: string; firstMessage?: string } = {}) {
  return { name, email, phone, visits: 1, chats: 0, session: { country: 'US' }, preChat: { Name: name, Email: email, ...preChat }, custom: {}, firstMessage };
}

/** The demo console as a person uses it (clicks), plus its scripting hooks (window.demoConsole). */
export class DemoConsolePage {
  constructor(readonly page: Page) {}

  private call<T>(fn: (api: DemoApi, ...args: never[]) => T, ...args: unknown[]): Promise<T> {
    return this.page.evaluate(
      (source, ...rest) => new Function('api', '...args', `return (${source})(api, ...args)`)((window as never as { demoConsole: DemoApi }).demoConsole, ...rest),
      fn.toString(),
      ...(args as never[]),
    ) as Promise<T>;
  }

  /** Starts a chat; `visitor` is a number (the deterministic generator) or a visitor object. */
  startChat(visitor?: number | Record<string, unknown>): Promise<string> {
    return this.call((api, v: number | Record<string, unknown> | null) => api.startChat(typeof v === 'number' ? api.makeVisitor(v) : v ?? undefined), visitor ?? null);
  }
  visitor(n: number): Promise<Record<string, unknown>> {
    return this.call((api, k: number) => api.makeVisitor(k), n);
  }
  sendMessage(chatId: string, author: 'visitor' | 'agent', text: string): Promise<void> {
    return this.call((api, id: string, who: string, t: string) => api.sendMessage(id, who, t), chatId, author, text);
  }
  receiveOffline(message: Record<string, unknown> = {}): Promise<string> {
    return this.call((api, m: unknown) => api.receiveOffline(m), message);
  }
  /** Ends a chat through the console's own hook (no click: the panel's layout may be moving). */
  endChat(chatId: string): Promise<void> {
    return this.call((api, id: string) => api.endChat(id), chatId);
  }
  rerender(): Promise<void> {
    return this.call((api) => api.rerender());
  }

  /** Clicks the chat's tab in the list, as the agent does to switch chats. */
  async openChat(chatId: string): Promise<void> {
    await this.page.click(`.chat-tab[data-chat-id="${chatId}"]`);
  }
  /** Clicks "End chat" on the open chat. */
  async endOpenChat(): Promise<void> {
    await this.page.click('.chat-pane .end-chat');
  }
}

/** A demo chat's key as the background names it: the console with the page's host, then the chat id. */
export const demoChatKey = (consoleUrl: string, chatId: string) => `demo@${new URL(consoleUrl).host}:${chatId}`;
