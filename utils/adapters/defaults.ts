/**
 * The consoles the extension runs on until settings carry them (same shape settings and policy
 * will use): name, URL match patterns, and whether it is switched on.
 */
export type ConsoleTarget = { name: string; matches: string[]; enabled: boolean };

export const DEFAULT_CONSOLES: ConsoleTarget[] = [
  { name: 'demo', matches: ['http://127.0.0.1/*', 'http://localhost/*'], enabled: true },
];
