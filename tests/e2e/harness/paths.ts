import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The local build (`npm run build:loopback`): production plus host access to 127.0.0.1. */
export const EXTENSION_DIR = `${ROOT}.output/chrome-mv3-loopback`;
/** The same for Firefox (`npx wxt build -b firefox --mv3 --mode loopback`; npm test builds both). */
export const FIREFOX_EXTENSION_DIR = `${ROOT}.output/firefox-mv3-loopback`;
export const SCREENSHOT_DIR = `${ROOT}tests/artifacts/screenshots`;
/** Firefox's id for the extension (browser_specific_settings.gecko.id in wxt.config.ts). */
export const GECKO_ID = 'salesforce-chat-consoles@sf-chat-panel';
/** Pinned by the manifest key in wxt.config.ts. */
export const EXTENSION_ID = 'lpkkncfodlaoljpfckchlfhibhmopokg';
