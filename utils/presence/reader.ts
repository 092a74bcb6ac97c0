import type { SalesforceClient } from '../salesforce/connection';
import { failureKind, toSalesforceError } from '../salesforce/errors';
import { soqlString } from '../salesforce/escape';
import { API_VERSION } from '../salesforce/version';

/** A user's Omni-Channel presence now: signed in with a status (away or not), or not signed in. */
export type OmniPresence = { state: 'online'; status: string; label: string; away: boolean } | { state: 'offline' };

type Row = { UserId?: string; IsAway?: boolean; ServicePresenceStatus?: { DeveloperName?: string; MasterLabel?: string } | null };

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
  private readonly kept = new Map<string, { until: number; presence: OmniPresence }>();

  constructor(private readonly grantedUser: () => Promise<string | undefined>, private readonly now: () => number = Date.now) {}

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
    for (const id of new Set(userIds)) {
      const kept = this.kept.get(`${org} ${id}`);
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
    for (const id of ask) {
      // The newest current row (a user has one; a stale second one is older).
      const status = rows.find((r) => r.UserId === id)?.ServicePresenceStatus;
      const presence: OmniPresence = status?.DeveloperName
        ? { state: 'online', status: status.DeveloperName, label: status.MasterLabel ?? status.DeveloperName, away: !!rows.find((r) => r.UserId === id)?.IsAway }
        : { state: 'offline' };
      this.kept.set(`${org} ${id}`, { until: now + PRESENCE_KEEP_MS, presence });
      answer[id] = presence;
    }
    return answer;
  }
}
