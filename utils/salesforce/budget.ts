import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';

/** This extension's own API requests today (UTC), per org, and the org's daily allowance as last seen. */
const Today = z.object({ day: z.string(), orgs: z.record(z.string(), z.object({ calls: z.number(), max: z.optional(z.number()) })) });
type Today = z.infer<typeof Today>;
const todayItem = storage.defineItem<unknown>('local:api-budget', { fallback: { day: '', orgs: {} } });
/** A count that does not parse starts again at zero (the org's own count, read from Salesforce, still limits). */
const readToday = async (): Promise<Today> => Today.safeParse(await todayItem.getValue()).data ?? { day: '', orgs: {} };

const dayOf = (now: number) => new Date(now).toISOString().slice(0, 10);

/**
 * Today's counts live in the worker's memory (read once from storage.local when it starts) and
 * are written back at most once per second: counting must not add a storage round trip to every
 * request, and a worker stopped before the write loses a second of counts at most.
 */
let memory: Today | null = null;
let loading: Promise<Today> | null = null;
let flush: ReturnType<typeof setTimeout> | null = null;

async function today(now: number): Promise<Today> {
  if (!memory) {
    const loaded = await (loading ??= readToday());
    memory ??= loaded; // concurrent first callers: the first one's wins
  }
  if (memory.day !== dayOf(now)) memory = { day: dayOf(now), orgs: {} };
  return memory;
}

function persistSoon(): void {
  flush ??= setTimeout(() => {
    flush = null;
    if (memory) void todayItem.setValue(memory).catch(() => undefined);
  }, 1_000);
}

/**
 * Counts the API requests this extension makes, so it can keep to the share of the org's daily
 * limit an admin allows (settings `general.apiBudgetPercent`): above it, calls that can wait (the
 * automatic lookup at chat start) stop until tomorrow; writes and the agent's own actions go on.
 */
export const apiMeter = {
  async count(org: string, now = Date.now()): Promise<void> {
    const entry = ((await today(now)).orgs[org] ??= { calls: 0 });
    entry.calls++;
    persistSoon();
  },
  /** The org's daily allowance, read from Sforce-Limit-Info on an answer. */
  async limit(org: string, max: number, now = Date.now()): Promise<void> {
    const entry = ((await today(now)).orgs[org] ??= { calls: 0 });
    if (entry.max === max) return;
    entry.max = max;
    persistSoon();
  },
  async today(org: string, now = Date.now()): Promise<{ calls: number; max?: number }> {
    return { ...((await today(now)).orgs[org] ?? { calls: 0 }) };
  },
  /**
   * Forgets the count in memory and its pending write: the local data was removed (the write would
   * bring it back within a second), or, in tests, a new worker that reads storage again.
   */
  forget(): void {
    if (flush) clearTimeout(flush);
    flush = null;
    memory = null;
    loading = null;
  },
};

/** The requests the share allows today, or null while the org's allowance is unknown. */
export function allowedCalls(max: number | undefined, percent: number): number | null {
  return max ? Math.floor((max * percent) / 100) : null;
}

/** Whether this extension has used its share of the org's daily requests. */
export async function overBudget(org: string, percent: number, now = Date.now()): Promise<boolean> {
  const { calls, max } = await apiMeter.today(org, now);
  const allowed = allowedCalls(max, percent);
  return allowed !== null && calls >= allowed;
}
