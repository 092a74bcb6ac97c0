import { RECORD_ID } from '../salesforce/record-id';

/** A tab's own ids are kept to this many; the oldest go first (a day of chats is far below it). */
const PER_TAB = 5_000;

/** Where each tab's ids are kept across worker restarts (storage.session in the worker: gone with the browser). */
export type HandedStore = { get: (key: string) => Promise<string[] | undefined>; set: (key: string, ids: string[]) => Promise<void>; remove: (key: string) => Promise<void> };

export function memoryHandedStore(): HandedStore {
  const kept = new Map<string, string[]>();
  return { get: async (key) => kept.get(key), set: async (key, ids) => void kept.set(key, ids), remove: async (key) => void kept.delete(key) };
}

/** The Salesforce record ids anywhere in an answer (a record, its related lists, search results, duplicates, a write's ids). */
export function idsIn(value: unknown, found: Set<string> = new Set(), depth = 0): Set<string> {
  if (typeof value === 'string') {
    if (RECORD_ID.test(value)) found.add(value);
  } else if (value && typeof value === 'object' && depth < 12) {
    for (const item of Array.isArray(value) ? value : Object.values(value)) idsIn(item, found, depth + 1);
  }
  return found;
}

/**
 * The record ids the background handed to each tab's panel (what it showed, found, created or
 * was told of), so a command from that tab can name only those: a frame that something got into
 * cannot edit, attach to or write on a record the agent never saw. Pages without a tab (the
 * popup, the options page) share one set.
 */
export class HandedIds {
  private readonly tabs = new Map<string, Set<string>>();
  private readonly loading = new Map<string, Promise<Set<string>>>();

  constructor(private readonly store: HandedStore = memoryHandedStore()) {}

  private key = (tabId: number | undefined) => `handed:${tabId ?? 'pages'}`;

  private ids(tabId: number | undefined): Promise<Set<string>> {
    const key = this.key(tabId);
    const known = this.tabs.get(key);
    if (known) return Promise.resolve(known);
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.store.get(key).catch(() => undefined).then((kept) => {
        const ids = this.tabs.get(key) ?? new Set(kept ?? []);
        this.tabs.set(key, ids);
        this.loading.delete(key);
        return ids;
      });
      this.loading.set(key, loading);
    }
    return loading;
  }

  /** Notes every id in what the tab is answered or told; stored only when one is new. */
  async hand(tabId: number | undefined, answer: unknown): Promise<void> {
    const found = idsIn(answer);
    if (!found.size) return;
    const ids = await this.ids(tabId);
    const added = [...found].filter((id) => !ids.has(id));
    if (!added.length) return;
    for (const id of added) ids.add(id);
    while (ids.size > PER_TAB) ids.delete(ids.values().next().value!); // the oldest first
    await this.store.set(this.key(tabId), [...ids]).catch(() => undefined);
  }

  /** The ids among these the tab was never handed (15- and 18-character forms of one record are one). */
  async unknown(tabId: number | undefined, wanted: string[]): Promise<string[]> {
    if (!wanted.length) return [];
    const ids = await this.ids(tabId);
    const short = new Set([...ids].map((id) => id.slice(0, 15)));
    return wanted.filter((id) => !ids.has(id) && !short.has(id.slice(0, 15)));
  }

  forget(tabId: number): void {
    const key = this.key(tabId);
    this.tabs.delete(key);
    void this.store.remove(key).catch(() => undefined);
  }
}
