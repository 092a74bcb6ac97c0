import { storage } from 'wxt/utils/storage';
import { meets } from './overlap';
import { CACHE_MS, type CachedIdentification, type CacheStore } from './service';

type Entry = CachedIdentification;
const PREFIX = 'identify:';

/** A short, stable name for a cache key (the key is the request itself: long URLs). FNV-1a, 2 × 32 bits. */
function keyName(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `${PREFIX}${a.toString(36)}${b.toString(36)}`;
}

/**
 * The identification cache: one storage.session item per visitor, so a lookup reads one small
 * entry whatever the number of chats (one shared object grew with every visitor of the last ten
 * minutes, and every chat read and rewrote it whole). Survives the worker stopping, not the
 * browser. Expired entries are dropped when met, and swept now and then.
 */
export function sessionCache(): CacheStore {
  let writes = 0;
  /** Removes the entries that `drop` names (read all at once: only on a sweep or a new person). */
  const remove = async (drop: (entry: Entry | null) => boolean) => {
    const all = (await storage.snapshot('session')) as Record<string, unknown>;
    const gone = Object.entries(all).filter(([k, v]) => k.startsWith(PREFIX) && drop(v as Entry | null)).map(([k]) => `session:${k}` as const);
    if (gone.length) await storage.removeItems(gone);
  };
  const sweep = (now: number) => remove((entry) => now - (entry?.at ?? 0) >= CACHE_MS);
  return {
    get: async (key) => (await storage.getItem<Entry>(`session:${keyName(key)}`)) ?? undefined,
    set: async (key, value) => {
      await storage.setItem(`session:${keyName(key)}`, value);
      if (++writes % 50 === 0) await sweep(value.at);
    },
    clear: () => sweep(Number.POSITIVE_INFINITY),
    forget: (written) => remove((entry) => meets(entry?.searched, written)),
  };
}
