import * as z from 'zod/mini';
import type { Adapter } from './schema';
import type { ConsoleSeen } from '../messages/console-protocol';


/**
 * How well an adapter sees its console now. recognised: every part it read before still matches;
 * partly: the open chat is read, but a part around it stopped matching (the chat list: a chat that
 * leaves it is not taken as ended; the chat's messages); not_recognised: the console's list says a
 * chat is open and its pane matches nothing, so nothing of it can be written. waiting: no chat
 * seen yet on this page. With no chat open, what is missing proves nothing (an idle console).
 */
export const ConsoleHealth = z.object({
  state: z.enum(['waiting', 'recognised', 'partly', 'not_recognised']),
  /** The adapter's parts that match nothing now, as "chats.item (.chat-list .chat-tab)". */
  failing: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(10)),
  /** The console's name (its adapter's label). */
  console: z.string().check(z.maxLength(100)),
});
export type ConsoleHealth = z.infer<typeof ConsoleHealth>;

type Seen = { list: boolean; pane: boolean; items: boolean };
/** A tracker's memory: which parts it has seen match, and what it last said. */
export type TrackerState = { ever: Seen; withMessages: string | null; last: string };

const part = (name: string, selector: string | undefined) => `${name} (${(selector ?? '').slice(0, 200)})`;

/**
 * Follows what one watcher reads, batch by batch: a part that matched once and matches nothing now
 * is failing. Parts never seen yet prove nothing (a console with no chat open shows no pane).
 */
export function healthTracker(adapter: Adapter, from?: TrackerState) {
  const ever: Seen = { list: false, pane: false, items: false, ...from?.ever };
  /** The chat whose messages were read last: the same chat showing none now has lost them. */
  let withMessages: string | null = from?.withMessages ?? null;
  let last = from?.last ?? '';
  return {
    /** What it learnt so far, to carry on after the worker restarts (storage.session). */
    state: (): TrackerState => ({ ever: { ...ever }, withMessages, last }),
    /** The health after a batch; changed: false when it is what it was after the last one. */
    update(now: ConsoleSeen): { health: ConsoleHealth; changed: boolean } {
      const seen: Seen = { list: !!adapter.chats && now.list, pane: now.pane, items: now.activeListed };
      const failing: string[] = [];
      // A chat open in the pane that the list does not show: the list no longer matches.
      if (adapter.chats && ever.list && !seen.list && now.active) failing.push(part('chats.item', adapter.chats.item));
      // The list is there, but the chat open in the pane is not among its items any more.
      else if (adapter.chats && ever.items && now.active && !seen.items) failing.push(part('chats.item', adapter.chats.item));
      // The list marks a chat open, yet no pane: the pane no longer matches.
      const paneLost = ever.pane && !now.active && now.listedActive;
      if (paneLost) failing.push(part('pane.root', adapter.pane.root));
      if (now.active && !now.messages && withMessages === now.active) failing.push(part('transcript.message', adapter.transcript.message));
      if (now.active && now.messages) withMessages = now.active;
      ever.list ||= seen.list;
      ever.pane ||= seen.pane;
      ever.items ||= seen.items;
      const state: ConsoleHealth['state'] = !ever.list && !ever.pane ? 'waiting' : !failing.length ? 'recognised' : paneLost ? 'not_recognised' : 'partly';
      const health = { state, failing, console: adapter.label ?? adapter.name };
      const key = JSON.stringify(health);
      const changed = key !== last;
      last = key;
      return { health, changed };
    },
  };
}
