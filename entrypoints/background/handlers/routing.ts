import type { Handlers } from '@/utils/messages/router';
import type { RoutePerson } from '@/utils/messages/protocol';
import { activeAdapters } from '@/utils/adapters/defaults';
import { ownerOf, suggestRoute, type Owner } from '@/utils/routing/suggest';
import type { OmniPresence } from '@/utils/presence/reader';
import { chatKeyOf } from '@/utils/plan/plan';
import { adapterNameOf } from '@/utils/chat/origin';
import { overBudget } from '@/utils/salesforce/budget';
import type { Services } from '../services';

/** A person as the panel shows them, with their Omni-Channel presence when the org has it. */
function personOf(owner: Owner, me: string | null, presence: Record<string, OmniPresence> | null): RoutePerson {
  const omni = presence?.[owner.userId];
  return {
    ...owner, me: owner.userId === me,
    ...(omni ? { omni: omni.state === 'online' ? { state: 'online' as const, label: omni.label, away: omni.away } : { state: 'offline' as const } } : {}),
  };
}

/** Routing by Salesforce fields (seed 000): whom to suggest for the shown record, and the transfer through the console's dialog. */
export function routingHandlers(s: Services): Pick<Handlers, 'routing.suggest' | 'console.transfer'> {
  /** A chat's console adapter (the background names a console by its adapter, then the host it was read on). */
  const adapterOf = async (consoleName: string) => activeAdapters((await s.settings()).settings.consoles).find((a) => a.name === adapterNameOf(consoleName));
  /** A chat as its tab's console script named it (the panel's copy says the same, from the same place): its decisions' key. */
  const chatOf = (tabId: number | undefined, consoleName: string, chatId: string) => (tabId === undefined ? undefined : s.tabs.chat(tabId, chatId)) ?? { console: consoleName, chatId };
  return {
    'routing.suggest': async ({ console: consoleName, chatId, record }, sender) => {
      const { settings } = await s.settings();
      const adapter = await adapterOf(consoleName);
      const transfer = { agent: !!adapter?.transfer?.agent, department: !!adapter?.transfer?.department };
      const owner = ownerOf(record);
      const suggestion = suggestRoute(record, settings.routing.rules);
      const people = [owner, suggestion?.to === 'owner' ? suggestion.owner : null].filter((o): o is Owner => !!o);
      const client = await s.client();
      // Who the agent is, and the others' presence, are a help: without them the owner and the
      // suggestion still show. Presence is asked on its own: never past the day's share.
      const me = client && people.length ? await s.omni.userId(client).catch(() => null) : null;
      const others = people.map((p) => p.userId).filter((id) => id !== me);
      // Asked only where it informs a choice (a suggestion, or a transfer the console can make).
      const useful = !!suggestion || transfer.agent;
      const spent = !client || !useful || (await overBudget(client.session.instanceUrl, settings.general.apiBudgetPercent));
      const presence = client && others.length && !spent ? await s.omni.presence(client, others) : null;
      const transferred = await s.decisions.transfers.get(chatKeyOf(chatOf(sender.tab?.id, consoleName, chatId)));
      return {
        ...(transferred ? { transferred: { to: transferred.to, kind: transferred.kind } } : {}),
        owner: owner && personOf(owner, me, presence),
        suggestion: suggestion?.to === 'owner' ? { ...suggestion, owner: personOf(suggestion.owner, me, presence) } : suggestion,
        transfer,
      };
    },
    'console.transfer': async ({ console: consoleName, chatId, to }, sender) => {
      const tabId = sender.tab?.id;
      const chat = chatOf(tabId, consoleName, chatId);
      const adapter = await adapterOf(chat.console);
      if (tabId === undefined || !s.transfer || !adapter?.transfer) return { outcome: 'no-control' };
      const outcome = await s.transfer(tabId, adapter, chatId, to);
      // The chat may be someone else's to write now: its end here is kept for the agent to decide.
      if (outcome === 'done') await s.decisions.transfers.set(chatKeyOf(chat), { to: to.name, kind: to.kind });
      return { outcome };
    },
  };
}
