import type { Browser, Page } from 'puppeteer';
import { EXTENSION_ID } from '../harness/paths';

export const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;
export const POPUP_URL = `chrome-extension://${EXTENSION_ID}/popup.html`;

/** The options page as an admin uses it: clicks and typing, and Salesforce's login page when it opens. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.waitForSelector('#connection .status-box:not([data-state=unknown])', { timeout: 15_000 });
  }

  async status(state: string, text?: string): Promise<string> {
    const box = await this.page.waitForFunction(
      (s, t) => {
        const el = document.querySelector<HTMLElement>(`.status-box[data-state="${s}"]`);
        return el && (!t || el.innerText.includes(t)) ? el.innerText : null;
      },
      { timeout: 15_000 },
      state,
      text ?? '',
    );
    return (await box.jsonValue()) as string;
  }

  /**
   * Clicks Connect, then "Allow" on Salesforce's login page, which Chrome opens in its own window
   * (launchWebAuthFlow) as a page target.
   */
  async connect(browser: Browser): Promise<void> {
    // A new window each time: an earlier login window's target may linger at the same URL.
    const earlier = new Set(browser.targets());
    const login = browser.waitForTarget((t) => !earlier.has(t) && t.type() === 'page' && t.url().includes('/services/oauth2/authorize'), { timeout: 15_000 });
    await this.page.bringToFront(); // a person clicks in the tab in front (Chrome asks nothing of a background tab)
    await this.page.click('#connect');
    const target = await login.catch(async () => {
      const notice = await this.page.$eval('.notice', (el) => el.textContent).catch(() => 'no notice');
      throw new Error(`Salesforce's login page never opened; the options page says: ${notice}`);
    });
    const page = (await target.page())!;
    await page.waitForSelector('#oaapprove');
    await page.click('#oaapprove');
  }

  async save(): Promise<void> {
    await this.page.click('#save');
    await this.page.waitForFunction(() => document.querySelector('.notice')?.textContent?.startsWith('Saved'), { timeout: 10_000 });
  }

  /** Clears an input and types into it, as a person does. */
  async retype(selector: string, text: string): Promise<void> {
    await this.page.click(selector, { count: 3 });
    await this.page.keyboard.press('Backspace');
    await this.page.type(selector, text);
  }

  text(selector: string): Promise<string> {
    return this.page.$eval(selector, (el) => (el as HTMLElement).innerText);
  }
}
