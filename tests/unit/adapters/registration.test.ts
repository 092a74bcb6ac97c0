import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { registrationSync, wantedMatches } from '@/utils/adapters/registration';
import { activeAdapters } from '@/utils/adapters/defaults';
import { BUILT_IN_ADAPTERS } from '@/utils/adapters/registry';
import { DEFAULT_SETTINGS } from '@/utils/settings/schema';

const adapter = (name: string, matches: string[]) => ({ ...BUILT_IN_ADAPTERS[0]!, name, matches });

describe('wantedMatches', () => {
  it('takes the patterns of the active adapters, once each, sorted', () => {
    expect(wantedMatches([adapter('b', ['https://b.example/*', 'https://a.example/*']), adapter('a', ['https://a.example/*'])])).toEqual(['https://a.example/*', 'https://b.example/*']);
  });
});

describe('activeAdapters', () => {
  const defaults = DEFAULT_SETTINGS.consoles;

  it('has every built-in by default, and leaves out one that is switched off', () => {
    expect(activeAdapters(defaults).map((a) => a.name)).toEqual(BUILT_IN_ADAPTERS.map((a) => a.name));
    const off = { ...defaults, builtIn: { ...defaults.builtIn, chatwoot: { enabled: false, matches: ['https://app.chatwoot.com/*'] } } };
    expect(activeAdapters(off).map((a) => a.name)).not.toContain('chatwoot');
  });

  it('runs a built-in on the URLs settings give it (a self-hosted console), and adds custom adapters', () => {
    const selfHosted = { enabled: true, matches: ['https://chat.acme.example/*'] };
    const custom = adapter('acme-desk', ['https://desk.acme.example/*']);
    const active = activeAdapters({ builtIn: { ...defaults.builtIn, chatwoot: selfHosted }, custom: [custom] });
    expect(active.find((a) => a.name === 'chatwoot')!.matches).toEqual(['https://chat.acme.example/*']);
    expect(active.at(-1)).toEqual(custom);
  });

  it('lets a custom adapter with a built-in name replace the built-in', () => {
    const mine = adapter('chatwoot', ['https://chat.acme.example/*']);
    expect(activeAdapters({ ...defaults, custom: [mine] }).filter((a) => a.name === 'chatwoot')).toEqual([mine]);
  });
});

type Registered = { id: string; js?: string[]; matches?: string[]; runAt?: string; persistAcrossSessions?: boolean };

/**
 * Chrome's registered scripts and granted hosts, in memory (WXT's fake browser has neither). Each
 * call answers after a turn of the event loop, as an extension API does; `writes` counts the calls
 * that change the registration.
 */
function fakeScripting() {
  const registered = new Map<string, Registered>();
  const log = { writes: 0 };
  const later = <T>(value: () => T) => new Promise<T>((resolve, reject) => setTimeout(() => {
    try {
      resolve(value());
    } catch (error) {
      reject(error);
    }
  }, 0));
  const scripting = {
    getRegisteredContentScripts: ({ ids }: { ids: string[] }) => later(() => ids.flatMap((id) => (registered.has(id) ? [structuredClone(registered.get(id)!)] : []))),
    registerContentScripts: (scripts: Registered[]) => later(() => scripts.forEach((s) => {
      if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      log.writes++;
      registered.set(s.id, structuredClone(s));
    })),
    updateContentScripts: (scripts: Registered[]) => later(() => scripts.forEach((s) => {
      if (!registered.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
      log.writes++;
      registered.set(s.id, { ...registered.get(s.id)!, ...structuredClone(s) });
    })),
    unregisterContentScripts: ({ ids }: { ids: string[] }) => later(() => ids.forEach((id) => (log.writes++, registered.delete(id)))),
  };
  /** Open tabs, each frozen: Chrome holds a script for a frozen tab until it wakes (never, here). */
  const frozenTabs: { id: number; url: string }[] = [];
  Object.assign(scripting, { executeScript: () => new Promise(() => undefined) });
  Object.assign(fakeBrowser, { scripting, permissions: { contains: () => later(() => true) } });
  Object.assign(fakeBrowser.tabs, { query: () => later(() => frozenTabs.map((t) => ({ ...t, status: 'complete' }))) });
  return { registered, log, frozenTabs };
}

/** Settings with one console switched on, on `url` (none without one). */
const settingsFor = (url?: string) => ({
  settings: {
    consoles: { builtIn: Object.fromEntries(Object.keys(DEFAULT_SETTINGS.consoles.builtIn).map((name) => [name, { enabled: !!url && name === 'livehelperchat', matches: url ? [url] : [] }])), custom: [] },
    presence: { enabled: false },
  },
});

beforeEach(() => fakeBrowser.reset());

describe('the registered scripts follow the settings', () => {
  it('registers the console script for the switched-on console, and leaves an unchanged registration unwritten', async () => {
    const { registered, log } = fakeScripting();
    const sync = registrationSync(async () => settingsFor('https://chat.acme.example/*'));
    expect(await sync()).toEqual(['https://chat.acme.example/*']);
    expect(registered.get('console')?.matches).toEqual(['https://chat.acme.example/*']);
    const writes = log.writes;
    await sync(); // a worker's start: checked, nothing written
    expect(log.writes).toBe(writes);
  });

  it('ends with the newest settings however the syncs overlap: an older read finishing last does not win', async () => {
    const { registered } = fakeScripting();
    // The first sync reads the settings before an admin's change, and is slow to get them.
    const reads = [
      new Promise<ReturnType<typeof settingsFor>>((r) => setTimeout(() => r(settingsFor('https://old.acme.example/*')), 20)),
      Promise.resolve(settingsFor('https://new.acme.example/*')),
    ];
    let n = 0;
    const sync = registrationSync(() => reads[Math.min(n++, 1)]!);
    await Promise.all([sync(), sync()]);
    expect(registered.get('console')?.matches).toEqual(['https://new.acme.example/*']);
  });

  it('goes on following the settings while an open console is frozen (its script waits for the tab, not the next sync)', async () => {
    const { registered, frozenTabs } = fakeScripting();
    frozenTabs.push({ id: 1, url: 'https://chat.acme.example/' });
    let current = settingsFor('https://chat.acme.example/*');
    const sync = registrationSync(async () => current);
    await sync(true); // installed: into the open tabs too
    current = settingsFor('https://new.acme.example/*');
    await sync();
    expect(registered.get('console')?.matches).toEqual(['https://new.acme.example/*']);
  });

  it('puts back a console script that went missing, at the next start, and removes it when no console is on', async () => {
    const { registered } = fakeScripting();
    let current = settingsFor('https://chat.acme.example/*');
    const sync = registrationSync(async () => current);
    await sync();
    registered.delete('console'); // lost between two starts
    await sync();
    expect(registered.get('console')?.matches).toEqual(['https://chat.acme.example/*']);
    current = settingsFor();
    await sync();
    expect(registered.has('console')).toBe(false);
  });
});
