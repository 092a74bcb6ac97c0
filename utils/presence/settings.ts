import * as z from 'zod';

/** A console state as the adapter reads it: "online", or a minor state under its major one, "away/lunch". */
export const ConsoleStateName = z.string().regex(/^[a-z0-9][a-z0-9 _-]{0,40}(\/[a-z0-9][a-z0-9 _-]{0,40})?$/);
/** A presence status's API name (ServicePresenceStatus.DeveloperName). */
export const StatusApiName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/);

/**
 * Seed 004's mapping: each Omni status → "busy" and a console state it maps to; each console
 * state → an Omni status; the login and logout rules; which side wins when both change at once.
 */
export const PresenceSettings = z.object({
  enabled: z.boolean(),
  /** Each Salesforce presence status: busy (→ busyState) or not (→ readyState), unless it maps to a console state of its own. */
  fromOmni: z.array(z.object({ status: StatusApiName, busy: z.boolean(), mapsTo: ConsoleStateName.nullable() })).max(100),
  /** Each console state (major states; a minor one falls back to its major) → the Omni status to set. */
  toOmni: z.array(z.object({ state: ConsoleStateName, status: StatusApiName })).max(100),
  readyState: ConsoleStateName,
  busyState: ConsoleStateName,
  /** The console's signed-out state: the console in it means logged out of Omni; Omni offline puts it there. */
  offlineState: ConsoleStateName,
  /** Console login → this Omni status (null: the mapping of the state it signs in with). */
  loginStatus: StatusApiName.nullable(),
  /** The console signed out (its last tab closed, or its offline state) → Omni offline. */
  consoleLogoutOffline: z.boolean(),
  /** Omni offline → the console to its offline state. */
  omniOfflineLogsOut: z.boolean(),
  /** Work accepted in Omni-Channel → the console Busy (no chats routed meanwhile). */
  workAcceptedBusy: z.boolean(),
  /** Which side wins when both change within a moment. */
  master: z.enum(['console', 'omni']),
});
export type PresenceSettings = z.infer<typeof PresenceSettings>;

/** Off until an admin maps the statuses: nothing moves on its own. */
export const DEFAULT_PRESENCE: PresenceSettings = {
  enabled: false,
  fromOmni: [],
  toOmni: [],
  readyState: 'online',
  busyState: 'busy',
  offlineState: 'offline',
  loginStatus: null,
  consoleLogoutOffline: true,
  omniOfflineLogsOut: true,
  workAcceptedBusy: true,
  master: 'console',
};
