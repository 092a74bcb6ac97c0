import { browser } from 'wxt/browser';
import type { FieldValue } from '../mapping/display';

/** The record a chat is about, as the agent chose it in the panel (a match, a search, one created). */
export type ChatRecord = { type: 'Contact' | 'Lead'; id: string; name: string; at: number };
/** The agent's corrections of values the chat's write would leave out, by record of the plan (person, record) then field. */
export type ChatFixes = { fixes: Record<string, Record<string, FieldValue>>; at: number };

/** A chat's choice is kept a week: longer than any chat and its offline follow-up. */
export const KEEP_MS = 7 * 86_400_000;

/**
 * What the agent decided for a chat, kept where the worker stopping or the browser restarting
 * cannot lose it (storage.local, one key per chat so two tabs never overwrite each other's).
 */
function perChat<T extends { at: number }>(prefix: string, storage: typeof browser.storage.local) {
  return {
    async get(chatKey: string): Promise<T | null> {
      const key = prefix + chatKey;
      return ((await storage.get(key))[key] as T | undefined) ?? null;
    },
    async set(chatKey: string, value: Omit<T, 'at'> | null, now = Date.now()): Promise<void> {
      if (value) await storage.set({ [prefix + chatKey]: { ...value, at: now } });
      else await storage.remove(prefix + chatKey);
    },
    /** Forgets what was kept for chats older than a week (once per worker start). */
    async prune(now = Date.now()): Promise<void> {
      const all = await storage.get(null);
      const old = Object.entries(all).filter(([k, v]) => k.startsWith(prefix) && now - ((v as T).at ?? 0) > KEEP_MS).map(([k]) => k);
      if (old.length) await storage.remove(old);
    },
  };
}

/** The record the agent chose per chat: every write of the chat, automatic or by hand, goes to it. */
export const chatRecords = (storage = browser.storage.local) => perChat<ChatRecord>('chat-record:', storage);
/** The values the agent corrected before the chat's write: every write of the chat takes them. */
export const chatFixes = (storage = browser.storage.local) => perChat<ChatFixes>('chat-fixes:', storage);
