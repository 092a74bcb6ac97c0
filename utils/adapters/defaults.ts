import { BUILT_IN_ADAPTERS } from './registry';
import type { Adapter } from './schema';

/** The consoles part of the settings: built-ins on/off with their URLs, and custom adapters. */
export type ConsoleSettings = {
  builtIn: Record<string, { enabled: boolean; matches: string[] }>;
  custom: Adapter[];
};

/**
 * The adapters switched on (a console can be switched off without a release): the built-ins
 * with the URLs settings give them (a self-hosted console has its own host), then the custom
 * ones; a custom adapter with a built-in's name replaces it.
 */
export function activeAdapters(consoles: ConsoleSettings, builtIns: Adapter[] = BUILT_IN_ADAPTERS): Adapter[] {
  const replaced = new Set(consoles.custom.map((c) => c.name));
  const builtIn = builtIns.flatMap((adapter) => {
    const setting = consoles.builtIn[adapter.name];
    if (replaced.has(adapter.name) || setting?.enabled === false) return [];
    return [{ ...adapter, matches: setting?.matches ?? adapter.matches }];
  });
  return [...builtIn, ...consoles.custom];
}
