// Code passed to page/worker evaluate() runs in Chromium, where `chrome` is the extension API.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
export {};
