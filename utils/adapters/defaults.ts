import { BUILT_IN_ADAPTERS } from './registry';
import type { Adapter } from './schema';

/**
 * The consoles the extension runs on until settings carry them (the same shape settings and
 * policy will use): name, URL match patterns, and whether it is switched on.
 */
export type ConsoleTarget = { name: string; matches: string[]; enabled: boolean };

export const DEFAULT_CONSOLES: ConsoleTarget[] = BUILT_IN_ADAPTERS.map((a) => ({ name: a.name, matches: a.matches, enabled: true }));

/** The adapters that are switched on (a console can be switched off without a release). */
export function enabledAdapters(consoles: ConsoleTarget[] = DEFAULT_CONSOLES, adapters: Adapter[] = BUILT_IN_ADAPTERS): Adapter[] {
  const on = new Set(consoles.filter((c) => c.enabled).map((c) => c.name));
  return adapters.filter((a) => on.has(a.name));
}
