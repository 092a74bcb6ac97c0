import { browser } from 'wxt/browser';
import type { Adapter } from './schema';
import { isWatchableConsole } from '../salesforce/hosts';
import { LIGHTNING_MATCHES } from '../presence/lightning';
import { activeAdapters } from './defaults';

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
 * without it until the next change), and removes it when nothing matches. One already as wanted
 * is left alone: a worker checks at every start, and that check writes nothing.
 */
async function putScript(script: Script): Promise<void> {
  const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [script.id] });
  if (!script.matches.length) {
    if (existing) await browser.scripting.unregisterContentScripts({ ids: [script.id] });
  } else if (!existing) await browser.scripting.registerContentScripts([script]);
  else if (!sameScript(existing, script)) await browser.scripting.updateContentScripts([script]);
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]) => !!a && a.length === b.length && a.every((v, i) => v === b[i]);
const sameScript = (a: { js?: string[]; matches?: string[]; runAt?: string; persistAcrossSessions?: boolean }, b: Script) =>
  sameList(a.js, b.js) && sameList(a.matches, b.matches) && a.runAt === b.runAt && a.persistAcrossSessions === b.persistAcrossSessions;

/** What the registration follows: the consoles switched on, and the presence sync. */
type RegistrationSettings = { consoles: Parameters<typeof activeAdapters>[0]; presence: { enabled: boolean } };

/**
 * Keeps the console script and the Omni relay registered as the settings and the granted hosts
 * say. One sync at a time, each reading the settings when it starts: two at once could finish in
 * the wrong order and leave an older registration, or none. `inject` also puts the scripts into
 * the tabs already open (after an install or update); the relay also goes into the open Lightning
 * tabs when the presence sync is turned on. Returns the console URLs registered.
 */
export function registrationSync(read: () => Promise<{ settings: RegistrationSettings }>): (inject?: boolean) => Promise<string[]> {
  let presenceOn: boolean | undefined;
  let last: Promise<unknown> = Promise.resolve();
  const run = async (inject: boolean) => {
    const { settings } = await read();
    const on = settings.presence.enabled;
    const turnedOn = presenceOn === false && on;
    presenceOn ??= on; // this worker's first read: where it starts from
    const omni = await syncOmniScript(on, LIGHTNING_MATCHES);
    // Not awaited: Chrome holds a script for a frozen tab until the tab wakes, and the next sync must not wait for it.
    if (inject || turnedOn) void injectIntoOpenTabs(omni, OMNI_FILE).catch(() => undefined);
    presenceOn = on;
    const granted = await syncConsoleScripts(activeAdapters(settings.consoles));
    if (inject) void injectIntoOpenTabs(granted).catch(() => undefined);
    return granted;
  };
  return (inject = false) => {
    const next = last.then(() => run(inject), () => run(inject));
    last = next;
    return next;
  };
}
