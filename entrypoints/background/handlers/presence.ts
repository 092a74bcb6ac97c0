import type { Handlers } from '@/utils/messages/router';
import { isOrgLightning } from '@/utils/presence/lightning';
import type { Services } from '../services';

/** Presence sync (seed 004): the agent's state from the console tabs, Omni-Channel's from the Lightning relay; the panel's read-only Omni status. */
export function presenceHandlers(s: Services): Pick<Handlers, 'presence.console' | 'presence.omni' | 'presence.statuses' | 'omni.status'> {
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
      // One query a minute at most (utils/presence/reader.ts); an org without Omni-Channel is asked once.
      const me = await s.omni.userId(client).catch(() => null);
      const now = me ? (await s.omni.presence(client, [me]))?.[me] : undefined;
      // Not in Omni-Channel now (or never): nothing to show an agent who may not use it.
      return now?.state === 'online' ? { state: 'online', status: now.status, label: now.label, synced: false } : { state: 'none' };
    },
  };
}
