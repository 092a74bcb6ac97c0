import { browser } from 'wxt/browser';
import { CommandError, Reply, commands, type CommandName, type CommandRequest, type CommandResponse } from './protocol';

/** Sends one command to the background and returns its parsed answer, or throws CommandError. */
export async function sendCommand<C extends CommandName>(
  command: C,
  payload: CommandRequest<C>,
): Promise<CommandResponse<C>> {
  // Checked before it leaves: page data that does not fit the protocol never travels.
  const request = commands[command].request.safeParse(payload);
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
  return commands[command].response.parse(reply.data.data) as CommandResponse<C>;
}
