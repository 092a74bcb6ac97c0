import { browser } from 'wxt/browser';

/** The record a chat is about, as the agent chose it in the panel (a match, a search, one created). */
export type ChatRecord = { type: 'Contact' | 'Lead'; id: string; name: string; at: number };

const PREFIX = 'chat-record:';
/** A chat's choice is kept a week: longer than any chat and its offline follow-up. */
export const KEEP_MS = 7 * 86_400_000;

/**
 * The chats' records, kept where the worker stopping or the browser restarting cannot lose them
 * (storage.local, one key per chat so two tabs never overwrite each other's), so every write of
 * the chat, automatic or by hand, goes to the record the agent chose.
 */
export function chatRecords(storage = browser.storage.local) {
  return {
    async get(chatKey: string): Promise<ChatRecord | null> {
      const key = PREFIX + chatKey;
      return ((await storage.get(key))[key] as ChatRecord | undefined) ?? null;
    },
    async set(chatKey: string, record: Omit<ChatRecord, 'at'> | null, now = Date.now()): Promise<void> {
      if (record) await storage.set({ [PREFIX + chatKey]: { ...record, at: now } });
      else await storage.remove(PREFIX + chatKey);
    },
    /** Forgets the choices of chats older than a week (once per worker start). */
    async prune(now = Date.now()): Promise<void> {
      const all = await storage.get(null);
      const old = Object.entries(all).filter(([k, v]) => k.startsWith(PREFIX) && now - ((v as ChatRecord).at ?? 0) > KEEP_MS).map(([k]) => k);
      if (old.length) await storage.remove(old);
    },
  };
}
