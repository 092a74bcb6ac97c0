import { TRANSCRIPT_MAX, type ChatSnapshot } from './snapshot';
import { healthTracker, type ConsoleHealth, type TrackerState } from '../adapters/health';
import type { ConsoleSeen } from '../messages/console-protocol';
import type { Adapter } from '../adapters/schema';

const CHATS_PER_TAB = 100;

/**
 * What each console tab reported, kept by the background: the latest snapshot of each of its
 * chats and the one it shows now. The panel frame of a tab reads only its own tab's; a content
 * script can only report into its own tab (the router gives the sender's tab).
 */
export class ConsoleTabs {
  private readonly tabs = new Map<number, { active: string | null; told?: boolean; chats: Map<string, ChatSnapshot>; health?: ConsoleHealth; tracker?: { console: string } & ReturnType<typeof healthTracker> }>();

  /** Where each tab's console health is kept across worker restarts (storage.session in the worker). */
  constructor(private readonly healthStore?: HealthStore) {}

  private tab(tabId: number) {
    let tab = this.tabs.get(tabId);
    if (!tab) this.tabs.set(tabId, (tab = { active: null, chats: new Map() }));
    return tab;
  }

  /** A chat's latest snapshot (from any of its events). */
  record(tabId: number, snapshot: ChatSnapshot): void {
    const { chats } = this.tab(tabId);
    chats.delete(snapshot.chatId); // newest last: the oldest goes first when the tab holds too many
    chats.set(snapshot.chatId, snapshot);
    if (chats.size > CHATS_PER_TAB) chats.delete(chats.keys().next().value!);
  }

  /**
   * An update that carries only the messages after the first `appendTo`: the whole chat, with the
   * messages this tab reported before, or null when they are not here as the update expects
   * (a worker that restarted, an update out of step): the content script then sends it whole.
   */
  extend(tabId: number, update: ChatSnapshot, appendTo: number): ChatSnapshot | null {
    const before = this.tabs.get(tabId)?.chats.get(update.chatId);
    if (!before || before.transcript.length !== appendTo) return null;
    const whole = { ...update, transcript: [...before.transcript, ...update.transcript].slice(-TRANSCRIPT_MAX) };
    this.record(tabId, whole);
    return whole;
  }

  /**
   * The chat the tab's console shows now. Without a snapshot it must be known from an event;
   * `known: false` asks the content script for it (a worker that restarted forgot the tab).
   */
  activate(tabId: number, chatId: string | null, snapshot?: ChatSnapshot): { known: boolean; snapshot: ChatSnapshot | null } {
    const tab = this.tab(tabId);
    if (snapshot && snapshot.chatId === chatId) this.record(tabId, snapshot);
    const shown = chatId === null ? null : (tab.chats.get(chatId) ?? null);
    if (chatId !== null && !shown) return { known: false, snapshot: null };
    tab.active = chatId;
    tab.told = true;
    return { known: true, snapshot: shown };
  }

  /** Whether the tab said which chat its console shows (a worker that restarted does not know until it does). */
  toldActive(tabId: number): boolean {
    return !!this.tabs.get(tabId)?.told;
  }

  /** A chat of the tab as last reported (its messages put together here). */
  chat(tabId: number, chatId: string): ChatSnapshot | undefined {
    return this.tabs.get(tabId)?.chats.get(chatId);
  }

  /** The chat the tab shows now, as last reported. */
  active(tabId: number): ChatSnapshot | null {
    const tab = this.tabs.get(tabId);
    return (tab?.active && tab.chats.get(tab.active)) || null;
  }

  /**
   * What the tab's console script saw of its console → the console's health, when it changed
   * (null: unchanged, or an adapter this extension does not run).
   */
  async see(tabId: number, seen: ConsoleSeen, adapterOf: (name: string) => Promise<Adapter | undefined>): Promise<ConsoleHealth | null> {
    const tab = this.tab(tabId);
    if (tab.tracker?.console !== seen.console) {
      const adapter = await adapterOf(seen.console);
      if (!adapter) return null;
      // A worker that restarted goes on from what the last one learnt (a list lost stays lost).
      const kept = await this.healthStore?.get(tabId);
      tab.tracker = { console: seen.console, ...healthTracker(adapter, kept?.console === seen.console ? kept.state : undefined) };
    }
    const { health, changed } = tab.tracker.update(seen);
    tab.health = health;
    await this.healthStore?.set(tabId, { console: seen.console, state: tab.tracker.state(), health });
    return changed ? health : null;
  }

  /** A health judged without a watcher (the console never appeared on the page): kept as a watcher's is. */
  async judged(tabId: number, health: ConsoleHealth): Promise<void> {
    const tab = this.tab(tabId);
    tab.tracker = undefined;
    tab.health = health;
    await this.healthStore?.set(tabId, { console: '', state: { ever: { list: false, pane: false, items: false }, withMessages: null, last: JSON.stringify(health) }, health });
  }

  /** The tab's console health, as this worker or the one before it last judged it. */
  async healthOf(tabId: number): Promise<ConsoleHealth | undefined> {
    return this.tabs.get(tabId)?.health ?? (await this.healthStore?.get(tabId))?.health;
  }

  /** Every tab whose console is not (or only partly) recognised now (as this worker or the one before it judged). */
  async problems(): Promise<{ tabId: number; health: ConsoleHealth }[]> {
    const judged = new Map((await this.healthStore?.all()) ?? []);
    for (const [tabId, tab] of this.tabs) if (tab.health) judged.set(tabId, tab.health);
    return [...judged].flatMap(([tabId, health]) => (health.state === 'partly' || health.state === 'not_recognised' ? [{ tabId, health }] : []));
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
    void this.healthStore?.remove(tabId);
  }
}

/** A tab's console health with what its tracker learnt, kept where a restarted worker finds it. */
export type KeptHealth = { console: string; state: TrackerState; health: ConsoleHealth };
export type HealthStore = {
  get: (tabId: number) => Promise<KeptHealth | undefined>;
  set: (tabId: number, kept: KeptHealth) => Promise<void>;
  remove: (tabId: number) => Promise<void>;
  /** Every tab's last health. */
  all: () => Promise<[number, ConsoleHealth][]>;
};
