import type { Handlers } from '@/utils/messages/router';
import { isLightningUrl } from '@/utils/presence/lightning';
import type { Services } from '../services';

/** Presence sync (seed 004): the agent's state from the console tabs, Omni-Channel's from the Lightning relay. */
export function presenceHandlers(s: Services): Pick<Handlers, 'presence.console' | 'presence.omni' | 'presence.statuses'> {
  return {
    'presence.statuses': async () => s.presence.knownStatuses(),
    'presence.console': async ({ state }, sender) => {
      if (sender.tab?.id !== undefined) await s.presence.consoleState(sender.tab.id, state);
      return {};
    },
    'presence.omni': async (event, sender) => {
      // Only the relay on a Lightning page speaks for Omni-Channel: a console tab cannot.
      if (sender.tab?.id === undefined || !isLightningUrl(sender.url ?? '')) throw Object.assign(new Error('presence.omni comes from a Lightning console only'), { code: 'forbidden' });
      await s.presence.omni(sender.tab.id, event);
      return {};
    },
  };
}
