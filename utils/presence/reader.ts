import type { SalesforceClient } from '../salesforce/connection';
import { failureKind, toSalesforceError } from '../salesforce/errors';
import { soqlString } from '../salesforce/escape';
import { API_VERSION } from '../salesforce/version';

/** A user's Omni-Channel presence now: signed in with a status (away or not), or not signed in. */
export type OmniPresence = { state: 'online'; status: string; label: string; away: boolean } | { state: 'offline' };

type Row = { UserId?: string; IsAway?: boolean; ServicePresenceStatus?: { DeveloperName?: string; MasterLabel?: string } | null };

type Kept = { until: number; presence: OmniPresence };
/** Answers by "org user", read and written several at a time. */
export type KeptPresence = { get: (keys: string[]) => Promise<Record<string, Kept>>; set: (items: Record<string, Kept>) => Promise<void> };

/** Answers kept in memory (tests). */
export function memoryKept(): KeptPresence {
  const map = new Map<string, Kept>();
  return {
    get: async (keys) => Object.fromEntries(keys.flatMap((k) => (map.has(k) ? [[k, map.get(k)!]] : []))),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => map.set(k, v)),
  };
}

/** Answers kept in storage.session (gone with the browser), under "presence:" keys. */
export function sessionKept(area: { get: (keys: string[]) => Promise<Record<string, unknown>>; set: (items: Record<string, unknown>) => Promise<void> }): KeptPresence {
  const key = (k: string) => `presence:${k}`;
  return {
    get: async (keys) => {
      const found = await area.get(keys.map(key));
      return Object.fromEntries(keys.flatMap((k) => (found[key(k)] ? [[k, found[key(k)] as Kept]] : [])));
    },
    set: (items) => area.set(Object.fromEntries(Object.entries(items).map(([k, v]) => [key(k), v]))),
  };
}

/** How long an answer stands: presence changes, but a panel shown again and again must not spend a request each time. */
export const PRESENCE_KEEP_MS = 60_000;

/**
 * Reads Omni-Channel presence, read-only (UserServicePresence cannot be written through the API):
 * who the connected agent is, and the current status of users, each asked once a minute at most;
 * an org without Omni-Channel (no such object, or no access) is asked once.
 */
export class OmniReader {
  private readonly users = new Map<string, string>();
  private readonly without = new Set<string>();
  constructor(
    private readonly grantedUser: () => Promise<string | undefined>,
    /** Where answers are kept: storage.session in the worker, so one stopped after 30 s idle does not ask again within the minute. */
    private readonly kept: KeptPresence = memoryKept(),
    private readonly now: () => number = Date.now,
  ) {}

  /** The connected user's id: from the grant, else asked once per session by its token. */
  async userId(client: SalesforceClient): Promise<string> {
    const token = client.session.accessToken;
    const known = (await this.grantedUser()) ?? this.users.get(token) ?? (await client.get<{ user_id: string }>('/services/oauth2/userinfo')).user_id;
    this.users.set(token, known);
    return known;
  }

  /** Whether the org is known to have no Omni-Channel (nothing is asked of it). */
  lacksOmni(org: string): boolean {
    return this.without.has(org);
  }

  /** A failed read: an org without Omni-Channel has no such object, and is not asked again. */
  failed(org: string, error: unknown): void {
    const failure = toSalesforceError(error);
    if (failureKind(failure) === 'salesforce' && /INVALID_TYPE|INSUFFICIENT_ACCESS/.test(failure.code)) this.without.add(org);
  }

  /** The users' presence now, in one query for those not asked within the minute; null: the org has no Omni-Channel, or it failed. */
  async presence(client: SalesforceClient, userIds: string[]): Promise<Record<string, OmniPresence> | null> {
    const org = client.session.instanceUrl;
    if (this.without.has(org)) return null;
    const now = this.now();
    const answer: Record<string, OmniPresence> = {};
    const ask: string[] = [];
    const ids = [...new Set(userIds)];
    const known = await this.kept.get(ids.map((id) => `${org} ${id}`)).catch(() => ({}) as Record<string, Kept>);
    for (const id of ids) {
      const kept = known[`${org} ${id}`];
      if (kept && kept.until > now) answer[id] = kept.presence;
      else ask.push(id);
    }
    if (!ask.length) return answer;
    const soql = `SELECT UserId, IsAway, ServicePresenceStatus.DeveloperName, ServicePresenceStatus.MasterLabel FROM UserServicePresence WHERE UserId IN (${ask.map(soqlString).join(', ')}) AND IsCurrentState = true ORDER BY StatusStartDate DESC`;
    let rows: Row[];
    try {
      rows = (await client.get<{ records: Row[] }>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`)).records;
    } catch (error) {
      this.failed(org, error);
      return null;
    }
    const fresh: Record<string, Kept> = {};
    for (const id of ask) {
      // The newest current row (a user has one; a stale second one is older).
      const row = rows.find((r) => r.UserId === id);
      const status = row?.ServicePresenceStatus;
      const presence: OmniPresence = status?.DeveloperName
        ? { state: 'online', status: status.DeveloperName, label: status.MasterLabel ?? status.DeveloperName, away: !!row?.IsAway }
        : { state: 'offline' };
      fresh[`${org} ${id}`] = { until: now + PRESENCE_KEEP_MS, presence };
      answer[id] = presence;
    }
    // Keeping is a saving, not the answer: a failure here costs a request later, nothing more.
    await this.kept.set(fresh).catch(() => undefined);
    return answer;
  }
}
