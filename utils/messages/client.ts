import { commands, type CommandName, type CommandRequest, type CommandResponse } from './protocol';
import { sendFrom } from './send';

/** Sends one command to the background (the extension's own pages) and returns its parsed answer, or throws CommandError. */
export function sendCommand<C extends CommandName>(command: C, payload: CommandRequest<C>): Promise<CommandResponse<C>> {
  return sendFrom(commands, command, payload) as Promise<CommandResponse<C>>;
}
