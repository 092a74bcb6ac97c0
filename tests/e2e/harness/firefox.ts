import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer';
import { GECKO_ID } from './paths';
import { launcherWithPolicy } from './private-policy';

export const FIREFOX_INSTALL_HINT = 'Firefox ESR not found: install it with `sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH).';
/** The extension's origin in Firefox, fixed by a pref so a test can name it (Firefox picks a random one otherwise). */
export const FIREFOX_UUID = '0c7f9c3e-5b1a-4a4e-9f3e-1d2c3b4a5f60';

/** Debian's Firefox ESR (FIREFOX_PATH, else /usr/bin/firefox-esr). Never a download. */
export function findFirefox(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'].find((path) => path && existsSync(path));
  if (!found) throw new Error(FIREFOX_INSTALL_HINT);
  return found;
}

/** Where Debian's Firefox ESR reads its enterprise policy (policies.json). */
const DISTRIBUTION = '/usr/share/firefox-esr/distribution';

/**
 * Firefox ESR over WebDriver BiDi with the unpacked extension installed as a temporary add-on;
 * with `policy`, under that enterprise policy (written into a folder of `dir`).
 */
export async function launchFirefox(extensionDir: string, policy?: { policies: Record<string, unknown>; dir: string }): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: policy ? launcherWithPolicy({ dir: policy.dir, browser: findFirefox(), folder: DISTRIBUTION, into: `${DISTRIBUTION}/policies.json`, policy: { policies: policy.policies } }) : findFirefox(),
    headless: true,
    defaultViewport: { width: 1400, height: 900 },
    extraPrefsFirefox: { 'xpinstall.signatures.required': false, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }) },
  });
  await browser.installExtension(extensionDir);
  return browser;
}

/**
 * The panel's frame on a console page. Under BiDi its URL reads about:blank from outside, so each
 * frame is asked where it is.
 */
export async function firefoxPanelFrame(page: Page, timeout = 15_000): Promise<Frame> {
  for (const until = Date.now() + timeout; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    for (const frame of page.frames()) {
      const at = await frame.evaluate(() => `${location.protocol}//${location.pathname}`).catch(() => '');
      if (at === 'moz-extension:///panel.html' && (await frame.evaluate(() => document.readyState !== 'loading').catch(() => false))) return frame;
    }
  }
  throw new Error('the panel frame never appeared on the console page in Firefox');
}
