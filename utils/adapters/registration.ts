import { browser } from 'wxt/browser';
import type { Adapter } from './schema';
import { isWatchableConsole } from '../salesforce/hosts';

const SCRIPT_ID = 'console';
const SCRIPT_FILE = 'content-scripts/console.js';

/** The match patterns of the active adapters, deduplicated, in a stable order: https consoles (plain http on this machine in the loopback build only). */
export function wantedMatches(adapters: Adapter[]): string[] {
  return [...new Set(adapters.flatMap((a) => a.matches))].filter((pattern) => isWatchableConsole(pattern)).sort();
}

/**
 * Registers the console content script for exactly the console URLs that are enabled and whose
 * host permission was granted (a registration without the permission would do nothing).
 */
export async function syncConsoleScripts(adapters: Adapter[]): Promise<string[]> {
  const granted: string[] = [];
  for (const pattern of wantedMatches(adapters)) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  await putScript({ id: SCRIPT_ID, js: [SCRIPT_FILE], matches: granted, runAt: 'document_idle', persistAcrossSessions: true });
  return granted;
}

/**
 * Runs a registered script (the console script, or the Omni relay) in the tabs already open that it
 * matches: a registered script runs only on the next page load, and after an install or an update
 * the old version's script is an orphan, so an agent in a chat would lose the panel until they
 * reloaded the console.
 */
export async function injectIntoOpenTabs(granted: string[], file = SCRIPT_FILE): Promise<number> {
  if (!granted.length) return 0;
  // Only pages already loaded: one still loading gets the registered script itself (twice would be two panels).
  const tabs = await browser.tabs.query({ url: granted, status: 'complete' });
  const results = await Promise.allSettled(tabs.filter((tab) => tab.id !== undefined).map((tab) => browser.scripting.executeScript({ target: { tabId: tab.id! }, files: [file] })));
  return results.filter((r) => r.status === 'fulfilled').length;
}

const OMNI_ID = 'omni';
export const OMNI_FILE = 'content-scripts/omni.js';

/**
 * Registers the Omni-Channel relay on the Lightning console's pages while presence sync is on and
 * their host is granted (the options page asks for it when the admin turns the sync on).
 */
export async function syncOmniScript(enabled: boolean, matches: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  if (enabled) for (const pattern of matches) if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  await putScript({ id: OMNI_ID, js: [OMNI_FILE], matches: granted, runAt: 'document_idle', persistAcrossSessions: true });
  return granted;
}

type Script = { id: string; js: string[]; matches: string[]; runAt: 'document_idle'; persistAcrossSessions: boolean };

/**
 * Registers a content script for `matches`, updates it in place when it is there (never gone in
 * between: a worker Chrome stops between an unregister and a register would leave the consoles
 * without it until the next change), and removes it when nothing matches.
 */
async function putScript(script: Script): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [script.id] });
  if (!script.matches.length) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [script.id] });
  } else if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}
