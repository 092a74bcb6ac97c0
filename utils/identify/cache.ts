import { storage } from 'wxt/utils/storage';
import type { Identification } from './rank';
import { CACHE_MS, type CacheStore } from './service';

type Entry = { at: number; result: Identification };
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
  const sweep = async (now: number) => {
    const all = (await storage.snapshot('session')) as Record<string, unknown>;
    const stale = Object.entries(all).filter(([k, v]) => k.startsWith(PREFIX) && now - ((v as Entry | null)?.at ?? 0) >= CACHE_MS).map(([k]) => `session:${k}` as const);
    if (stale.length) await storage.removeItems(stale);
  };
  return {
    get: async (key) => (await storage.getItem<Entry>(`session:${keyName(key)}`)) ?? undefined,
    set: async (key, value) => {
      await storage.setItem(`session:${keyName(key)}`, value);
      if (++writes % 50 === 0) await sweep(value.at);
    },
    clear: () => sweep(Number.POSITIVE_INFINITY),
  };
}
