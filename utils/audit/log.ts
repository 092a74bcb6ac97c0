import * as z from 'zod/mini';
import { openDB, type IDBPDatabase } from 'idb';

/** One write to Salesforce, as an admin audits it: when, which chat, what was sent, and what was there before. */
export type AuditEntry = {
  at: number;
  chatId?: string;
  object: string;
  id: string;
  /** DELETE: a second copy the browser's own resend made, removed. */
  method: 'POST' | 'PATCH' | 'DELETE';
  /** What was sent (for an update: the values after). */
  fields: Record<string, unknown>;
  /** For an update: the values the fields had before, as the extension read them. */
  before?: Record<string, unknown>;
  /** What the chat had for this record that was not written (or not whole), and why. */
  skipped?: { field: string; reason: string }[];
};

/** A row as read back: rows are never migrated (a later version that changes them adds a step here). */
const AuditRow = z.looseObject({
  at: z.number(), chatId: z.optional(z.string()), object: z.string(), id: z.string(), method: z.enum(['POST', 'PATCH', 'DELETE']),
  fields: z.record(z.string(), z.unknown()), before: z.optional(z.record(z.string(), z.unknown())),
  skipped: z.optional(z.array(z.object({ field: z.string(), reason: z.string() }))),
});

/** The rows that read as audit rows, and how many did not (kept in the log, left out of the export). */
export function readRows(raws: unknown[]): { rows: AuditEntry[]; unreadable: number } {
  const rows: AuditEntry[] = [];
  for (const raw of raws) {
    const parsed = AuditRow.safeParse(raw);
    if (parsed.success) rows.push(parsed.data as AuditEntry);
  }
  return { rows, unreadable: raws.length - rows.length };
}

export const AUDIT_DAYS = 30;
const DAY = 86_400_000;
/** Longer text (a transcript in a Description) is kept as its length and hash: the log proves what was sent without keeping the chat. */
export const AUDIT_TEXT_MAX = 255;

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function condensed(values: Record<string, unknown> | undefined): Promise<Record<string, unknown> | undefined> {
  if (!values) return values;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    out[field] = typeof value === 'string' && value.length > AUDIT_TEXT_MAX
      ? { length: value.length, sha256: hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value))) }
      : value;
  }
  return out;
}

/** The entry as the log keeps it: long text as its length and SHA-256 (the same text sent gives the same hash). */
export async function asLogged(entry: AuditEntry): Promise<AuditEntry> {
  const before = await condensed(entry.before);
  return { ...entry, fields: (await condensed(entry.fields))!, ...(before ? { before } : {}) };
}

export type AuditLog = {
  add: (entries: AuditEntry[], now?: number) => Promise<void>;
  all: () => Promise<AuditEntry[]>;
  /** The rows, and how many could not be read (a damaged row is kept, never exported as if whole). */
  read: () => Promise<{ rows: AuditEntry[]; unreadable: number }>;
  clear: () => Promise<void>;
};

export function memoryAuditLog(): AuditLog {
  let rows: AuditEntry[] = [];
  return {
    add: async (entries, now = Date.now()) => void (rows = [...rows, ...(await Promise.all(entries.map(asLogged)))].filter((e) => e.at >= now - AUDIT_DAYS * DAY)),
    all: async () => structuredClone(rows),
    read: async () => readRows(structuredClone(rows)),
    clear: async () => void (rows = []),
  };
}

const DB = 'sf-panel-audit';
const STORE = 'writes';

/**
 * The audit log in IndexedDB (the extension's origin: content scripts, which run in the console's
 * origin, cannot read it). Kept 30 days: each write drops what is older.
 */
export function idbAuditLog(): AuditLog {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (db ??= openDB(DB, 1, {
      upgrade(database) {
        database.createObjectStore(STORE, { autoIncrement: true }).createIndex('at', 'at');
      },
    }));
  const read = async () => readRows(await (await open()).getAllFromIndex(STORE, 'at'));
  return {
    async add(entries, now = Date.now()) {
      const logged = await Promise.all(entries.map(asLogged));
      const tx = (await open()).transaction(STORE, 'readwrite');
      for (const entry of logged) await tx.store.add(entry);
      let old = await tx.store.index('at').openCursor(IDBKeyRange.upperBound(now - AUDIT_DAYS * DAY, true));
      while (old) {
        await old.delete();
        old = await old.continue();
      }
      await tx.done;
    },
    all: async () => (await read()).rows,
    read,
    clear: async () => (await open()).clear(STORE),
  };
}
