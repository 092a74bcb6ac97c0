import { browser } from 'wxt/browser';
import { DEFAULT_CONSOLES, type ConsoleTarget } from './defaults';

const SCRIPT_ID = 'console';
const SCRIPT_FILE = 'content-scripts/console.js';

/** The match patterns of the enabled consoles, deduplicated, in a stable order. */
export function wantedMatches(consoles: ConsoleTarget[]): string[] {
  return [...new Set(consoles.filter((c) => c.enabled).flatMap((c) => c.matches))].sort();
}

/**
 * Registers the console content script for exactly the console URLs that are enabled and whose
 * host permission was granted (a registration without the permission would do nothing).
 */
export async function syncConsoleScripts(consoles: ConsoleTarget[] = DEFAULT_CONSOLES): Promise<string[]> {
  const granted: string[] = [];
  for (const pattern of wantedMatches(consoles)) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, js: [SCRIPT_FILE], matches: granted, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return granted;
}
