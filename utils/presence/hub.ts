import type { OmniEvent } from '../messages/relay-protocol';
import type { PresenceSettings } from './settings';
import { initialModel, step, type PresenceAction, type PresenceEvent, type PresenceModel } from './sync';

export type OmniStatusInfo = { id: string; apiName: string; label: string };

/** What the hub keeps across worker restarts (storage.session: gone with the browser). */
export type HubState = { model: PresenceModel; consoles: [number, string][]; lightning: number[]; statuses: OmniStatusInfo[]; sets: number[] };

export type PresenceDeps = {
  settings: () => Promise<PresenceSettings>;
  /** Sets the console's state in one console tab (false: the tab could not). */
  setConsole: (tabId: number, state: string) => Promise<boolean>;
  /** Sets Omni's status through the bridge in one Lightning tab (null: log out). */
  setOmni: (tabId: number, status: string | null, statusId: string | undefined) => Promise<boolean>;
  now: () => number;
  /** Said to the worker's log when a set could not be done (no such state, no bridge, too many). */
  warn: (message: string) => void;
  load: () => Promise<HubState | undefined>;
  save: (state: HubState) => Promise<void>;
};

/** At most this many Omni sets a minute: a console page flipping its own state cannot churn Omni's routing. */
export const SETS_PER_MINUTE = 60;

const fresh = (): HubState => ({ model: initialModel(), consoles: [], lightning: [], statuses: [], sets: [] });

/**
 * The presence sync between every console tab and every Lightning tab of this browser: one model
 * (utils/presence/sync.ts), fed by both sides' reports, and its actions sent to the tabs. Several
 * console tabs share one agent state; Omni's status is one per user, set through the Lightning tab
 * heard from last. Everything is kept in storage.session, so a worker that stopped after 30 s idle
 * goes on where it was, and reads events one at a time, in order.
 */
export class PresenceHub {
  private state: HubState | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private deps: PresenceDeps) {}

  /** The Omni statuses the bridge said the user may set (for the options page's mapping). */
  knownStatuses(): Promise<OmniStatusInfo[]> {
    return this.serial(async (s) => s.statuses);
  }

  /** Omni's status as the bridge last said it (undefined: no bridge heard from; null: logged out), with its label. */
  omniStatus(): Promise<{ status: string | null; label?: string } | undefined> {
    return this.serial(async (s) => {
      const status = s.model.omni;
      if (status === undefined || !s.lightning.length || !(await this.deps.settings()).enabled) return undefined;
      return { status, label: s.statuses.find((x) => x.apiName === status)?.label };
    });
  }

  /** A console tab read the agent's state (a tab that shows none says nothing: not knowing is not signing out). */
  consoleState(tabId: number, state: string): Promise<void> {
    return this.event((s) => {
      s.consoles = [...s.consoles.filter(([t]) => t !== tabId), [tabId, state]];
      return { type: 'console.state', state, at: this.deps.now() };
    });
  }

  tabClosed(tabId: number): Promise<void> {
    return this.event((s) => {
      s.lightning = s.lightning.filter((t) => t !== tabId);
      const had = s.consoles.some(([t]) => t === tabId);
      s.consoles = s.consoles.filter(([t]) => t !== tabId);
      return had && !s.consoles.length ? { type: 'console.gone', at: this.deps.now() } : null;
    });
  }

  omni(tabId: number, event: OmniEvent): Promise<void> {
    return this.event((s) => {
      s.lightning = [...s.lightning.filter((t) => t !== tabId), tabId];
      const at = this.deps.now();
      switch (event.type) {
        case 'statuses': s.statuses = event.statuses; return null;
        case 'status': return { type: 'omni.status', status: event.status, ...(event.reason ? { reason: event.reason } : {}), at };
        case 'logout': return { type: 'omni.logout', at };
        case 'workAccepted': return { type: 'omni.workAccepted', at };
        case 'workClosed': return { type: 'omni.workClosed', at };
        case 'error':
          this.deps.warn(`presence sync: Omni-Channel refused: ${event.message}`);
          return { type: 'set.failed', side: 'omni', at };
      }
    });
  }

  /** Runs `use` on the kept state, after every event before it. */
  private serial<T>(use: (state: HubState) => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => use((this.state ??= (await this.deps.load().catch(() => undefined)) ?? fresh())));
    this.queue = result.then(() => undefined, () => undefined);
    return result;
  }

  private event(toEvent: (state: HubState) => PresenceEvent | null): Promise<void> {
    return this.serial(async (s) => {
      const settings = await this.deps.settings();
      const event = toEvent(s);
      if (!settings.enabled) {
        // Off: the tabs are still known, the sync's own memory is not (turned on again, it starts from what the tabs show).
        s.model = { ...initialModel(), console: s.consoles.at(-1)?.[1] ?? null };
      } else if (event) {
        let pending: PresenceEvent[] = [event];
        while (pending.length) {
          const result = step(s.model, pending.shift()!, settings);
          s.model = result.model;
          const failed = await Promise.all(result.actions.map((action) => this.apply(s, action)));
          // A set that could not be done is told to the machine: its echo is no longer waited for.
          pending = failed.filter((f): f is 'console' | 'omni' => !!f).map((side) => ({ type: 'set.failed', side, at: this.deps.now() }));
        }
      }
      await this.deps.save(s).catch((error: unknown) => this.deps.warn(`presence sync: not kept: ${String(error)}`));
    }).catch((error: unknown) => this.deps.warn(`presence sync: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Sends one action; the side it failed on, if it did. */
  private async apply(s: HubState, action: PresenceAction): Promise<'console' | 'omni' | null> {
    if (action.to === 'console') {
      const tabs = s.consoles.filter(([, state]) => state !== action.state).map(([tabId]) => tabId);
      const done = await Promise.all(tabs.map((tabId) => this.deps.setConsole(tabId, action.state).catch(() => false)));
      if (!done.includes(false)) return null;
      this.deps.warn(`presence sync: the console offers no state "${action.state}" to set`);
      return done.includes(true) ? null : 'console';
    }
    const now = this.deps.now();
    s.sets = s.sets.filter((at) => at > now - 60_000);
    if (s.sets.length >= SETS_PER_MINUTE) {
      this.deps.warn(`presence sync: more than ${SETS_PER_MINUTE} Omni-Channel changes a minute; this one is not passed on`);
      return 'omni';
    }
    s.sets.push(now);
    const id = action.status === null ? undefined : s.statuses.find((x) => x.apiName === action.status)?.id;
    // The most recent Lightning tab first; a closed one gives way to the next.
    for (const tabId of [...s.lightning].reverse()) {
      if (await this.deps.setOmni(tabId, action.status, id).catch(() => false)) return null;
    }
    this.deps.warn(`presence sync: no Lightning console with the bridge to set "${action.status ?? 'offline'}"`);
    return 'omni';
  }
}
