import { browser } from 'wxt/browser';
import type * as z from 'zod/mini';
import { CommandError, Reply } from './envelope';

export type CommandTable = Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;

/** Sends one command of a table to the background and returns its parsed answer, or throws CommandError. */
export async function sendFrom<T extends CommandTable, C extends keyof T & string>(
  table: T,
  command: C,
  payload: z.input<T[C]['request']>,
): Promise<z.output<T[C]['response']>> {
  // Checked before it leaves: page data that does not fit the protocol never travels.
  const request = table[command]!.request.safeParse(payload);
  if (!request.success) throw new CommandError('bad_request', `${command}: ${request.error.issues[0]?.message ?? 'invalid payload'}`);
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ command, payload: request.data });
  } catch (error) {
    // The extension was reloaded or the worker could not start: the page cannot reach it.
    throw new CommandError('extension_unreachable', error instanceof Error ? error.message : String(error));
  }
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new CommandError('bad_reply', `The background sent an unreadable answer to ${command}`);
  if (!reply.data.ok) throw new CommandError(reply.data.error.code, reply.data.error.message);
  return table[command]!.response.parse(reply.data.data) as z.output<T[C]['response']>;
}
