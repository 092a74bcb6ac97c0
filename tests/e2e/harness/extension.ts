import { mkdirSync } from 'node:fs';
import type { Browser, Page, Target, WebWorker } from 'puppeteer';
import { EXTENSION_ID, SCREENSHOT_DIR } from './paths';


/**
 * One browser with the extension, as the tests see it: the service worker (reach, stop,
 * restart), pages on 127.0.0.1, screenshots, and every uncaught error the worker or a page
 * throws, so the test that caused it fails.
 */
export class ExtensionHarness {
  readonly errors: string[] = [];
  private readonly pages: Page[] = [];
  private readonly watched = new WeakSet<object>();
  /** Runtime.enable replays exceptions thrown before we attached: those are not ours. */
  private readonly since = Date.now();

  /** `id`: the extension's (a package signed with another key has another). */
  constructor(readonly browser: Browser, readonly id = EXTENSION_ID) {
    browser.on('targetcreated', (target: Target) => {
      // A worker that starts as the browser disconnects (a spec's end) is no one's to watch.
      if (this.isOurWorker(target)) void this.watchWorker(target).catch(() => undefined);
    });
  }

  private readonly isOurWorker = (t: Target) => t.type() === 'service_worker' && t.url() === `chrome-extension://${this.id}/background.js`;

  /** The running service worker, started if needed, once its script has run. */
  async worker(): Promise<WebWorker> {
    // The newest: after an update the old version's target may linger a while, and never answers.
    let target = this.browser.targets().filter(this.isOurWorker).at(-1);
    if (!target) {
      await this.wakeWorker();
      target = await this.browser.waitForTarget(this.isOurWorker, { timeout: 15_000 });
    }
    const worker = await this.watchWorker(target);
    // The target appears before the script ran: wait for the extension APIs to be there.
    for (let i = 0; i < 100; i++) {
      if (await worker.evaluate(() => typeof chrome !== 'undefined' && !!chrome.runtime?.id).catch(() => false)) return worker;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the service worker never became ready');
  }

  /** Starts a stopped worker, as an event for the extension would (DevTools' "start"). */
  async wakeWorker(): Promise<void> {
    const page = (await this.browser.pages())[0] ?? (await this.browser.newPage());
    const session = await page.createCDPSession();
    try {
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${this.id}/` });
    } finally {
      await session.detach().catch(() => undefined);
    }
  }

  private async watchWorker(target: Target): Promise<WebWorker> {
    const worker = (await target.worker())!;
    if (!this.watched.has(worker)) {
      this.watched.add(worker);
      worker.client.on('Runtime.exceptionThrown', (event) => {
        if (event.timestamp < this.since) return;
        const details = event.exceptionDetails;
        this.errors.push(`service worker: ${details.exception?.description ?? details.text}`);
      });
    }
    return worker;
  }

  /** Waits until the worker has registered the console script (it does so on install). */
  async consoleScriptReady(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const ids = await this.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
      if (ids.includes('console')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the console script was never registered');
  }

  /** Stops the worker the way Chrome does when it is idle. Resolves when it is gone. */
  async stopWorker(): Promise<void> {
    const target = this.browser.targets().find(this.isOurWorker);
    if (!target) return;
    const worker = await target.worker();
    const gone = new Promise<void>((resolve) => {
      const onDestroyed = (t: Target) => {
        if (t === target) {
          this.browser.off('targetdestroyed', onDestroyed);
          resolve();
        }
      };
      this.browser.on('targetdestroyed', onDestroyed);
    });
    await worker?.close();
    await gone;
  }

  /** Runs a function in the service worker (where chrome.* and storage are). */
  async inWorker<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    const worker = await this.worker();
    return worker.evaluate(fn as never, ...args) as Promise<T>;
  }

  /**
   * Stores a Salesforce session for the background (what OAuth will store once connected). A new
   * session starts with an empty identification cache, as after a real reconnect.
   */
  async useSalesforceSession(session: { instanceUrl: string; accessToken: string } | null): Promise<void> {
    await this.inWorker(async (value) => {
const cached = Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('identify:'));
      await chrome.storage.session.remove(cached);
      // A session stored by hand has no OAuth grant behind it (no refresh): forget any earlier one.
      await chrome.storage.local.remove('salesforce-grant');
      if (value) await chrome.storage.session.set({ salesforce: value });
      else await chrome.storage.session.remove('salesforce');
    }, session);
  }

  /**
   * Stores settings as the options page will (nothing stored = the defaults), and forgets what
   * the worker kept of the org (identifications, Omni-Channel presence): a test counting requests
   * starts from a fresh emulator org, which an earlier test's answers would stand for.
   */
  async useSettings(settings: Record<string, unknown>): Promise<void> {
    await this.inWorker(async (value) => {
      await chrome.storage.local.set({ settings: value });
      const cached = Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('identify:') || k.startsWith('presence:'));
      await chrome.storage.session.remove(cached);
    }, settings);
  }

  /**
   * Empties the outbox and cancels its retry alarm: a test that counts requests starts without
   * writes an earlier spec left waiting in this shared browser.
   */
  async clearOutbox(): Promise<void> {
    await this.inWorker(async () => {
      await chrome.alarms.clear('outbox-retry');
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sf-panel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('outbox')) return (db.close(), resolve());
          const tx = db.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').clear();
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      });
    });
  }

  /** Forgets every org's describe/layout metadata, in storage and (by stopping it) in the worker. */
  async forgetMetadata(): Promise<void> {
    await this.inWorker(async () => {
      const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('metadata:'));
      await chrome.storage.local.remove(keys);
    });
    await this.stopWorker();
  }

  async newPage(url?: string): Promise<Page> {
    const page = await this.browser.newPage();
    this.pages.push(page);
    page.on('pageerror', (error) => this.errors.push(`page ${page.url()}: ${error instanceof Error ? error.message : String(error)}`));
    if (url) await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  async screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = `${SCREENSHOT_DIR}/${name}.png`;
    await page.screenshot({ path });
    return path;
  }

  /** Returns and forgets the errors collected so far. */
  takeErrors(): string[] {
    return this.errors.splice(0);
  }

  /** Pictures of every page still open (after a failed test: what the agent would have seen). */
  async screenshotAll(prefix: string): Promise<void> {
    await Promise.all(this.pages.map((p, i) => this.screenshot(p, `${prefix}-${i}`).catch(() => undefined)));
  }

  async closePages(): Promise<void> {
    await Promise.all(this.pages.splice(0).map((p) => p.close().catch(() => undefined)));
  }
}
