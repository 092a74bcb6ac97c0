import { storage } from 'wxt/utils/storage';
import type { Identification } from './rank';
import { CACHE_MS, type CacheStore } from './service';

type Entries = Record<string, { at: number; result: Identification }>;
const item = storage.defineItem<Entries>('session:identifyCache', { fallback: {} });

/** The identification cache in storage.session: it survives the worker stopping, not the browser. */
export function sessionCache(): CacheStore {
  return {
    get: async (key) => (await item.getValue())[key],
    set: async (key, value) => {
      const now = value.at;
      const entries = Object.fromEntries(Object.entries(await item.getValue()).filter(([, v]) => now - v.at < CACHE_MS));
      entries[key] = value;
      await item.setValue(entries);
    },
    clear: () => item.removeValue(),
  };
}
