import { storage } from 'wxt/utils/storage';

/** This extension's own API requests today (UTC), per org, and the org's daily allowance as last seen. */
type Today = { day: string; orgs: Record<string, { calls: number; max?: number }> };
const todayItem = storage.defineItem<Today>('local:api-budget', { fallback: { day: '', orgs: {} } });

const dayOf = (now: number) => new Date(now).toISOString().slice(0, 10);
let queue: Promise<unknown> = Promise.resolve();

/** Changes today's record in order (requests finish concurrently; no count may be lost). */
function change(now: number, apply: (today: Today) => void): Promise<void> {
  const next = queue.then(async () => {
    const stored = await todayItem.getValue();
    const today = stored.day === dayOf(now) ? stored : { day: dayOf(now), orgs: {} };
    apply(today);
    await todayItem.setValue(today);
  });
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Counts the API requests this extension makes, so it can keep to the share of the org's daily
 * limit an admin allows (Settings → Records → API budget): above it, calls that can wait (the
 * automatic lookup at chat start) stop until tomorrow; writes and the agent's own actions go on.
 */
export const apiMeter = {
  count(org: string, now = Date.now()): Promise<void> {
    return change(now, (today) => {
      const entry = (today.orgs[org] ??= { calls: 0 });
      entry.calls++;
    });
  },
  /** The org's daily allowance, read from Sforce-Limit-Info on an answer. */
  limit(org: string, max: number, now = Date.now()): Promise<void> {
    return change(now, (today) => {
      (today.orgs[org] ??= { calls: 0 }).max = max;
    });
  },
  async today(org: string, now = Date.now()): Promise<{ calls: number; max?: number }> {
    await queue;
    const stored = await todayItem.getValue();
    return stored.day === dayOf(now) ? (stored.orgs[org] ?? { calls: 0 }) : { calls: 0 };
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
