import { BUILT_IN_ADAPTERS } from './registry';

/**
 * The consoles the extension runs on until settings carry them (same shape settings and policy
 * will use): name, URL match patterns, and whether it is switched on.
 */
export type ConsoleTarget = { name: string; matches: string[]; enabled: boolean };

export const DEFAULT_CONSOLES: ConsoleTarget[] = BUILT_IN_ADAPTERS.map((a) => ({ name: a.name, matches: a.matches, enabled: true }));
