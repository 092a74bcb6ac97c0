import type { Page } from 'puppeteer';

/** The demo console as a person uses it, and its scripting hooks (window.demoConsole). */
export class DemoConsolePage {
  constructor(readonly page: Page) {}

  startChat(visitor?: unknown): Promise<string> {
    return this.page.evaluate((v) => (window as never as { demoConsole: { startChat: (v?: unknown) => string } }).demoConsole.startChat(v ?? undefined), visitor ?? null);
  }
  async endChat(chatId: string): Promise<void> {
    await this.page.evaluate((id) => (window as never as { demoConsole: { endChat: (id: string) => void } }).demoConsole.endChat(id), chatId);
  }
}
