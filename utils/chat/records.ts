import { browser } from 'wxt/browser';
import type { FieldValue } from '../mapping/display';

/** The record a chat is about, as the agent chose it in the panel (a match, a search, one created). */
export type ChatRecord = { type: 'Contact' | 'Lead' | 'Account'; id: string; name: string; at: number };
/** The open case the agent attached the chat to: the chat's writes go on it instead of opening another. */
export type ChatCase = { id: string; number: string; at: number };
/** More contacts on a chat than its person (seed 003: the installer and the homeowner). */
export type ChatPeople = { people: { id: string; name: string }[]; at: number };
/** The account the agent related the chat to (when its person has none). */
export type ChatAccount = { id: string; name: string; at: number };
/** The chat was transferred to another agent or department through the panel: its end is theirs to write. */
export type ChatTransfer = { to: string; kind: 'agent' | 'department'; at: number };
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
  };
}

const RECORD = 'chat-record:';
const FIXES = 'chat-fixes:';
const CASE = 'chat-case:';
const ACCOUNT = 'chat-account:';
const PEOPLE = 'chat-people:';
const TRANSFER = 'chat-transfer:';
const KEPT = [RECORD, FIXES, CASE, ACCOUNT, PEOPLE, TRANSFER];

/** The record the agent chose per chat: every write of the chat, automatic or by hand, goes to it. */
export const chatRecords = (storage = browser.storage.local) => perChat<ChatRecord>(RECORD, storage);
/** The values the agent corrected before the chat's write: every write of the chat takes them. */
export const chatFixes = (storage = browser.storage.local) => perChat<ChatFixes>(FIXES, storage);

/** The case the agent attached each chat to. */
export const chatCases = (storage = browser.storage.local) => perChat<ChatCase>(CASE, storage);

/** More contacts the agent put on each chat: its task names them too (Shared Activities). */
export const chatPeople = (storage = browser.storage.local) => perChat<ChatPeople>(PEOPLE, storage);

/** The account the agent related each chat to. */
export const chatAccounts = (storage = browser.storage.local) => perChat<ChatAccount>(ACCOUNT, storage);

/** The chats the agent transferred away through the panel. */
export const chatTransfers = (storage = browser.storage.local) => perChat<ChatTransfer>(TRANSFER, storage);

/** Forgets what was kept for chats older than a week, records, corrections and cases alike, in one read of storage (once per worker start). */
export async function pruneChats(storage = browser.storage.local, now = Date.now()): Promise<void> {
  const all = await storage.get(null);
  const old = Object.entries(all).filter(([k, v]) => KEPT.some((prefix) => k.startsWith(prefix)) && now - ((v as { at?: number }).at ?? 0) > KEEP_MS).map(([k]) => k);
  if (old.length) await storage.remove(old);
}
