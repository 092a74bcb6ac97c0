import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';

export const INSTALL_HINT = 'Chromium not found: install it with `sudo apt-get install -y chromium` (or set CHROME_PATH).';

/** The Chromium the e2e suite drives: CHROME_PATH, else Debian's /usr/bin/chromium. Never a download. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** Without `extensionDir`, the same Chromium with no extension (what a figure is measured against). */
export type LaunchOptions = { extensionDir?: string; userDataDir: string; headless?: boolean; args?: string[]; env?: Record<string, string> };

/** Chromium with the unpacked extension loaded, offline-friendly flags, one profile folder. */
export async function launchChromium({ extensionDir, userDataDir, headless = true, args = [], env }: LaunchOptions): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findChromium(),
    headless,
    enableExtensions: !!extensionDir,
    userDataDir,
    ...(env ? { env: { ...process.env, ...env } } : {}),
    defaultViewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...args,
    ],
  });
}
