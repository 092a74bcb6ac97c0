import { i18n } from '#i18n';
import * as z from 'zod/mini';
import { ChatSnapshot } from '../chat/snapshot';
import type { OutboxEntry } from './store';

/**
 * The outbox entry as stored, versioned: `v` says which shape wrote it. A version that changes the
 * shape adds a migration here (from the version before, one step each), never edits an old one,
 * and captures its own data (tests/unit/outbox/fixtures/capture.ts) for every later version to read.
 */
export const OUTBOX_VERSION = 1;

/** Each step takes an entry of version n − 1 to version n. Version 0: entries written before versions were kept (0.1.0), the same shape as 1. */
const MIGRATIONS: Record<number, (entry: Record<string, unknown>) => Record<string, unknown>> = {
  1: (entry) => entry,
};

const Id = z.string().check(z.minLength(1), z.maxLength(300));
const Step = z.looseObject({ ref: z.string(), object: z.string(), method: z.enum(['POST', 'PATCH']), values: z.record(z.string(), z.unknown()) });

/**
 * What an entry must hold to be planned, sent and shown. Loose: a field this version does not
 * read is kept as it is, not stripped.
 */
const StoredEntry = z.looseObject({
  v: z.literal(OUTBOX_VERSION),
  id: Id,
  chatKey: Id,
  trigger: z.enum(['ended', 'offline', 'started', 'manual']),
  snapshot: ChatSnapshot,
  choice: z.optional(z.object({ type: z.enum(['Contact', 'Lead', 'Account']), id: z.string() })),
  manual: z.optional(z.looseObject({ action: z.string(), overrides: z.record(z.string(), z.unknown()) })),
  fixes: z.optional(z.record(z.string(), z.record(z.string(), z.unknown()))),
  wrapUp: z.optional(z.looseObject({ until: z.number() })),
  tabId: z.optional(z.number()),
  orgId: z.optional(z.string()),
  plan: z.optional(z.looseObject({ id: z.string(), chatKey: z.string(), chatId: z.string(), steps: z.array(Step) })),
  state: z.enum(['waiting', 'pending', 'done', 'needs_attention']),
  attempts: z.number(),
  lastError: z.optional(z.string()),
  nextAttemptAt: z.optional(z.number()),
  unknownOutcome: z.optional(z.boolean()),
  errors: z.optional(z.array(z.looseObject({ ref: z.string(), code: z.string(), message: z.string() }))),
  duplicates: z.optional(z.array(z.looseObject({ ref: z.string(), id: z.string() }))),
  ids: z.optional(z.record(z.string(), z.string())),
  trimmed: z.optional(z.boolean()),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** An entry this version cannot read, set aside with why (never dropped, never sent). */
export type Quarantined = { raw: unknown; reason: string; at: number };

/** The id of a stored row, whatever its shape (null when it has none). */
export const storedIdOf = (raw: unknown): string | number | null => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
};

/** The entry as this version stores it. */
export const toStored = (entry: OutboxEntry): OutboxEntry & { v: number } => ({ ...entry, v: OUTBOX_VERSION });

/** Reads a stored entry, migrating it step by step from the version that wrote it; or says why it cannot. */
export function readStored(raw: unknown): { entry: OutboxEntry } | { reason: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { reason: i18n.t('outbox.unread.notEntry') };
  let entry = raw as Record<string, unknown>;
  const from = entry.v === undefined ? 0 : entry.v;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return { reason: i18n.t('outbox.unread.unknownVersion', { version: JSON.stringify(entry.v).slice(0, 40) }) };
  if (from > OUTBOX_VERSION) return { reason: i18n.t('outbox.unread.newer', { version: from, known: OUTBOX_VERSION }) };
  for (let version = from + 1; version <= OUTBOX_VERSION; version++) entry = { ...MIGRATIONS[version]!(entry), v: version };
  const parsed = StoredEntry.safeParse({ ...entry, v: OUTBOX_VERSION });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { reason: i18n.t('outbox.unread.invalid', { path: issue.path.join('.') || '-', detail: issue.message }) };
  }
  const { v: _v, ...rest } = parsed.data;
  return { entry: rest as unknown as OutboxEntry };
}
