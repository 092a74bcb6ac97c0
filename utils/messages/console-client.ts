import { consoleCommands } from './console-protocol';
import { sendFrom } from './send';
import type * as z from 'zod/mini';

type ConsoleCommands = typeof consoleCommands;

/** The console script's one way to the background: its own tab's console events, nothing more. */
export function sendConsoleCommand<C extends keyof ConsoleCommands>(command: C, payload: z.input<ConsoleCommands[C]['request']>): Promise<z.output<ConsoleCommands[C]['response']>> {
  return sendFrom(consoleCommands, command, payload);
}
