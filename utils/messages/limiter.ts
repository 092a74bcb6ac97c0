/**
 * A token bucket per tab: a burst the agent's own clicking never reaches (a search, a lookup, a
 * save, "Look again" each take one), refilled steadily. Keeps a runaway or abused panel from
 * spending the org's daily API allowance in seconds.
 */
export type TabLimiter = { take: (tabId: number) => boolean; forget: (tabId: number) => void };

export function tabLimiter({ burst = 60, perSecond = 2, now = Date.now }: { burst?: number; perSecond?: number; now?: () => number } = {}): TabLimiter {
  const buckets = new Map<number, { tokens: number; at: number }>();
  return {
    take(tabId) {
      const t = now();
      const bucket = buckets.get(tabId) ?? { tokens: burst, at: t };
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      buckets.set(tabId, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    forget: (tabId) => void buckets.delete(tabId),
  };
}
