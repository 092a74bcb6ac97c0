import type { Handlers } from '@/utils/messages/router';
import { isOrgLightning } from '@/utils/presence/lightning';
import { API_VERSION } from '@/utils/salesforce/version';
import { soqlString } from '@/utils/salesforce/escape';
import type { Services } from '../services';

type Current = { records: { ServicePresenceStatus?: { DeveloperName?: string; MasterLabel?: string } | null }[] };

/** Presence sync (seed 004): the agent's state from the console tabs, Omni-Channel's from the Lightning relay; the panel's read-only Omni status. */
export function presenceHandlers(s: Services): Pick<Handlers, 'presence.console' | 'presence.omni' | 'presence.statuses' | 'omni.status'> {
  /** The last answer per user: tabs switched back and forth cost one request a minute at most; nobody in Omni, one in ten. */
  const answered = new Map<string, { until: number; answer: { state: 'online'; status: string; label: string; synced: false } | { state: 'none' } }>();
  return {
    'presence.statuses': () => s.presence.knownStatuses(),
    'presence.console': async ({ state }, sender) => {
      if (sender.tab?.id !== undefined) await s.presence.consoleState(sender.tab.id, state);
      return {};
    },
    'presence.omni': async (event, sender) => {
      // Only the relay on the connected org's Lightning console speaks for Omni-Channel: not a console tab, not another org's.
      const org = (await s.client())?.session.instanceUrl;
      if (sender.tab?.id === undefined || !org || !isOrgLightning(sender.url ?? '', org)) throw Object.assign(new Error('presence.omni comes from the connected org\'s Lightning console only'), { code: 'forbidden' });
      await s.presence.omni(sender.tab.id, event);
      return {};
    },
    'omni.status': async () => {
      // The bridge said it: no request.
      const bridged = await s.presence.omniStatus();
      if (bridged) return bridged.status === null ? { state: 'offline', synced: true } : { state: 'online', status: bridged.status, label: bridged.label ?? bridged.status, synced: true };
      const client = await s.client();
      if (!client) return { state: 'none' };
      const org = client.session.instanceUrl;
      if (s.omni.lacksOmni(org)) return { state: 'none' };
      try {
        const userId = await s.omni.userId(client);
        const who = `${org} ${userId}`;
        const kept = answered.get(who);
        if (kept && kept.until > Date.now()) return kept.answer;
        const soql = `SELECT ServicePresenceStatus.DeveloperName, ServicePresenceStatus.MasterLabel FROM UserServicePresence WHERE UserId = ${soqlString(userId)} AND IsCurrentState = true ORDER BY StatusStartDate DESC LIMIT 1`;
        const current = (await client.get<Current>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`)).records[0]?.ServicePresenceStatus;
        // Not in Omni-Channel now (or never): nothing to show an agent who may not use it.
        const answer = current?.DeveloperName ? { state: 'online' as const, status: current.DeveloperName, label: current.MasterLabel ?? current.DeveloperName, synced: false as const } : { state: 'none' as const };
        answered.set(who, { until: Date.now() + (answer.state === 'online' ? 60_000 : 600_000), answer });
        return answer;
      } catch (error) {
        // An org without Omni-Channel has no such object: not asked again (the panel shows nothing).
        s.omni.failed(org, error);
        return { state: 'none' };
      }
    },
  };
}
