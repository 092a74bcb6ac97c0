import type { OmniEvent } from '../messages/console-protocol';
import type { PresenceSettings } from './settings';
import { initialModel, step, type PresenceAction, type PresenceEvent, type PresenceModel } from './sync';

export type OmniStatusInfo = { id: string; apiName: string; label: string };

export type PresenceDeps = {
  settings: () => Promise<PresenceSettings>;
  /** Sets the console's state in one console tab (false: the tab could not). */
  setConsole: (tabId: number, state: string) => Promise<boolean>;
  /** Sets Omni's status through the bridge in one Lightning tab (null: log out). */
  setOmni: (tabId: number, status: string | null, statusId: string | undefined) => Promise<boolean>;
  now: () => number;
  /** Said to the admin's log when a set could not be done (no such state, no bridge). */
  warn: (message: string) => void;
};

/**
 * The presence sync between every console tab and every Lightning tab of this browser: one model
 * (utils/presence/sync.ts), fed by both sides' reports, and its actions sent to the tabs. Several
 * console tabs share one agent state; Omni's status is one per user, set through the Lightning tab
 * heard from last.
 */
export class PresenceHub {
  private model: PresenceModel = initialModel();
  private consoles = new Map<number, string | null>();
  private lightning: number[] = [];
  private statuses: OmniStatusInfo[] = [];
  /** Events in order: a state machine fed out of order would misjudge echoes. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private deps: PresenceDeps) {}

  /** The Omni statuses the bridge said the user may set (for the options page's mapping). */
  knownStatuses(): OmniStatusInfo[] {
    return this.statuses;
  }

  consoleState(tabId: number, state: string | null): Promise<void> {
    return this.run(() => {
      this.consoles.set(tabId, state);
      const shown = [...this.consoles.values()].filter((s): s is string => s !== null);
      if (state !== null) return { type: 'console.state', state, at: this.deps.now() };
      return shown.length ? null : { type: 'console.gone', at: this.deps.now() };
    });
  }

  tabClosed(tabId: number): Promise<void> {
    this.lightning = this.lightning.filter((t) => t !== tabId);
    if (!this.consoles.has(tabId)) return Promise.resolve();
    return this.consoleState(tabId, null).then(() => void this.consoles.delete(tabId));
  }

  omni(tabId: number, event: OmniEvent): Promise<void> {
    this.lightning = [...this.lightning.filter((t) => t !== tabId), tabId];
    if (event.type === 'statuses') {
      this.statuses = event.statuses;
      return Promise.resolve();
    }
    return this.run(() => {
      const at = this.deps.now();
      if (event.type === 'status') return { type: 'omni.status', status: event.status, ...(event.reason ? { reason: event.reason } : {}), at };
      return event.type === 'logout' ? { type: 'omni.logout', at } : { type: 'omni.workAccepted', at };
    });
  }

  private run(toEvent: () => PresenceEvent | null): Promise<void> {
    this.queue = this.queue.then(async () => {
      const settings = await this.deps.settings();
      if (!settings.enabled) return;
      const event = toEvent();
      if (!event) return;
      const result = step(this.model, event, settings);
      this.model = result.model;
      await Promise.all(result.actions.map((action) => this.apply(action)));
    }).catch((error: unknown) => this.deps.warn(`presence sync: ${error instanceof Error ? error.message : String(error)}`));
    return this.queue;
  }

  private async apply(action: PresenceAction): Promise<void> {
    if (action.to === 'console') {
      const tabs = [...this.consoles].filter(([, state]) => state !== null && state !== action.state).map(([tabId]) => tabId);
      const done = await Promise.all(tabs.map((tabId) => this.deps.setConsole(tabId, action.state).catch(() => false)));
      if (done.includes(false)) this.deps.warn(`presence sync: the console offers no state "${action.state}" to set`);
      return;
    }
    const id = action.status === null ? undefined : this.statuses.find((s) => s.apiName === action.status)?.id;
    // The most recent Lightning tab first; a closed one gives way to the next.
    for (const tabId of [...this.lightning].reverse()) {
      if (await this.deps.setOmni(tabId, action.status, id).catch(() => false)) return;
    }
    this.deps.warn(`presence sync: no Lightning console with the bridge to set "${action.status ?? 'offline'}"`);
  }
}
