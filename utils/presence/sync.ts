import type { PresenceSettings } from './settings';

/**
 * Presence kept the same in the chat console and in Salesforce Omni-Channel (seed 004), as a
 * state machine: each event from either side gives the new model and what to set on the other.
 * Pure, so the whole table of events → actions is tested without a browser.
 *
 * The loop guard: what the sync sets is remembered until its echo comes back (the console reads
 * the state it was given; Omni reports `OmniToolkitStatusChange`), and an echo is absorbed, never
 * sent back. When a side changes while the sync's set to it is still in flight (both sides changed
 * at once), the admin's master side wins; otherwise the last change wins.
 */

/** A console state as the adapter reads it, lower-cased: a major state ("away") or a minor one ("away/lunch"). */
export type ConsoleState = string;
/** An Omni-Channel presence status by its API name; null: logged out of Omni. */
export type OmniStatus = string | null;

export type PresenceEvent =
  | { type: 'console.state'; state: ConsoleState; at: number }
  | { type: 'console.gone'; at: number }
  | { type: 'omni.status'; status: string; reason?: string; at: number }
  | { type: 'omni.logout'; at: number }
  | { type: 'omni.workAccepted'; at: number }
  /** The work accepted is closed: the console leaves the busy state work put it in. */
  | { type: 'omni.workClosed'; at: number }
  /** A set the sync asked for could not be done (no such state, Omni refused, no bridge): its echo will not come. */
  | { type: 'set.failed'; side: 'console' | 'omni'; at: number };

export type PresenceAction = { to: 'console'; state: ConsoleState } | { to: 'omni'; status: OmniStatus };

type Expected<T> = { value: T; until: number };

export type PresenceModel = {
  /** The console's state as last read; null: no console tab has the agent signed in. */
  console: ConsoleState | null;
  /** Omni's status as last reported; undefined: not heard from Omni yet. */
  omni: OmniStatus | undefined;
  /** What the sync set and waits to see echoed, oldest first (a stale echo of an earlier set is one too). */
  expect: { console: Expected<ConsoleState>[]; omni: Expected<OmniStatus>[] };
  /** The console is Busy because the agent accepted Omni work: it stays so whatever Omni's status says. */
  working?: boolean;
};

/** How long an echo of the sync's own change is waited for. */
export const ECHO_MS = 10_000;

export const initialModel = (): PresenceModel => ({ console: null, omni: undefined, expect: { console: [], omni: [] } });

/** The Omni status a console state maps to: the minor state's own row, else its major state's; undefined: none. */
export function omniFor(settings: PresenceSettings, state: ConsoleState): OmniStatus | undefined {
  if (state === settings.offlineState) return null;
  const rows = new Map(settings.toOmni.map((r) => [r.state, r.status]));
  return rows.get(state) ?? rows.get(state.split('/')[0]!);
}

/** The console state an Omni status maps to: its "maps to", else busy or ready; undefined: a status the admin did not map. */
export function consoleFor(settings: PresenceSettings, status: OmniStatus): ConsoleState | undefined {
  if (status === null) return settings.omniOfflineLogsOut ? settings.offlineState : undefined;
  const row = settings.fromOmni.find((r) => r.status === status);
  if (!row) return undefined;
  return row.mapsTo ?? (row.busy ? settings.busyState : settings.readyState);
}

/** Whether the two sides say the same: the console's state maps to Omni's status, or Omni's status maps to it. */
export function agree(settings: PresenceSettings, model: PresenceModel): boolean {
  if (model.console === null || model.omni === undefined) return true;
  if (model.working && model.console === settings.busyState) return true;
  const omni = omniFor(settings, model.console);
  const console = consoleFor(settings, model.omni);
  // A side the admin did not map is left alone: unsure, nothing is set.
  if (omni === undefined || console === undefined) return true;
  return omni === model.omni || console === model.console;
}

export function step(model: PresenceModel, event: PresenceEvent, settings: PresenceSettings): { model: PresenceModel; actions: PresenceAction[] } {
  const { at } = event;
  const fresh = <T>(list: Expected<T>[]) => list.filter((e) => e.until >= at);
  const next: PresenceModel = { ...model, expect: { console: fresh(model.expect.console), omni: fresh(model.expect.omni) } };
  const actions: PresenceAction[] = [];
  /** Whether `value` is the echo of a set of the sync's: taken off the list with the sets before it (one echo answers repeats of a value). */
  const echo = <T>(side: 'console' | 'omni', value: T) => {
    const list = next.expect[side] as Expected<T>[];
    const i = list.findLastIndex((e) => e.value === value);
    if (i < 0) return false;
    next.expect[side] = list.slice(i + 1) as never;
    return true;
  };
  /** Where a side is heading: the last set in flight to it, else as it was last reported. */
  const heading = <S extends 'console' | 'omni'>(side: S) => (next.expect[side].length ? next.expect[side].at(-1)!.value : next[side]) as PresenceModel[S];
  const toOmni = (status: OmniStatus | undefined) => {
    // Already so, or on its way there.
    if (status === undefined || heading('omni') === status) return;
    actions.push({ to: 'omni', status });
    next.expect.omni = [...next.expect.omni, { value: status, until: at + ECHO_MS }];
  };
  const toConsole = (state: ConsoleState | undefined) => {
    if (state === undefined || next.console === null || heading('console') === state) return;
    actions.push({ to: 'console', state });
    next.expect.console = [...next.expect.console, { value: state, until: at + ECHO_MS }];
  };
  /** The leader's value onto the other side, when they disagree (each side as it is heading: a set in flight counts). */
  const reconcile = (leader: 'console' | 'omni') => {
    const view = { ...next, console: heading('console'), omni: heading('omni') };
    if (agree(settings, view)) return;
    if (leader === 'console') toOmni(omniFor(settings, view.console!));
    else toConsole(consoleFor(settings, view.omni!));
  };
  /**
   * A person's change on `side`: it leads. When the sync's set to this side is still in flight
   * (both sides changed at once), the master decides: the other side as master, that set stands;
   * this side as master, the person's change wins, so it is set again over the one in flight.
   */
  const changed = (side: 'console' | 'omni') => {
    next.working = false;
    if (!next.expect[side].length) return reconcile(side);
    if (settings.master !== side) return reconcile(settings.master);
    if (side === 'omni') {
      toOmni(next.omni);
      if (next.omni !== undefined) toConsole(consoleFor(settings, next.omni));
    } else if (next.console !== null) {
      toConsole(next.console);
      toOmni(omniFor(settings, next.console));
    }
  };
  /** The echo of the sync's own change (or a side's first report): the sides meet on the master's once nothing is in flight. */
  const settled = () => {
    if (!next.expect.console.length && !next.expect.omni.length) reconcile(settings.master);
  };

  switch (event.type) {
    case 'console.state': {
      const was = next.console;
      next.console = event.state;
      if (echo('console', event.state)) {
        settled();
      } else if (was === null) {
        // The console signs in: the login rule's status when the admin set one, else the state's.
        // (Omni not heard from yet: the sides meet when it reports.)
        if (settings.loginStatus && event.state !== settings.offlineState) toOmni(settings.loginStatus);
        else if (next.omni !== undefined) changed('console');
      } else if (was !== event.state) changed('console');
      break;
    }
    case 'console.gone': {
      next.console = null;
      next.expect.console = [];
      next.working = false;
      if (settings.consoleLogoutOffline) toOmni(null);
      break;
    }
    case 'omni.status':
    case 'omni.logout': {
      const status = event.type === 'omni.status' ? event.status : null;
      const was = next.omni;
      next.omni = status;
      if (echo('omni', status)) {
        settled();
      } else if (was === undefined) settled();
      else if (was !== status) changed('omni');
      break;
    }
    case 'omni.workAccepted': {
      if (!settings.workAcceptedBusy || next.console === null) break;
      next.working = true;
      toConsole(settings.busyState);
      break;
    }
    case 'omni.workClosed': {
      if (!next.working) break;
      next.working = false;
      // Back to what Omni's status says (the agent's own state before the work, as Omni kept it).
      if (next.omni !== undefined && next.omni !== null) toConsole(consoleFor(settings, next.omni));
      break;
    }
    case 'set.failed': {
      // Nothing is on its way: a change the agent makes now is theirs, not a conflict with the sync.
      next.expect[event.side] = [];
      if (event.side === 'console') next.working = false;
      break;
    }
  }
  return { model: next, actions };
}
