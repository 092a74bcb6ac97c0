import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The local build (`npm run build:loopback`): production plus host access to 127.0.0.1. */
export const EXTENSION_DIR = `${ROOT}.output/chrome-mv3-loopback`;
export const SCREENSHOT_DIR = `${ROOT}tests/artifacts/screenshots`;
/** Pinned by the manifest key in wxt.config.ts. */
export const EXTENSION_ID = 'lpkkncfodlaoljpfckchlfhibhmopokg';
