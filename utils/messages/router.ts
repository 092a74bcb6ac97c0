import type { Browser } from 'wxt/browser';
import { Envelope, PAGE_ONLY_COMMANDS, commands, type CommandName, type CommandPayload, type CommandResponse, type Reply } from './protocol';

export type Handlers = {
  [C in CommandName]: (payload: CommandPayload<C>, sender: Browser.runtime.MessageSender) => Promise<CommandResponse<C>>;
};

type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'origin'>;

/**
 * Only this extension's own content scripts and pages may talk to the background. Other
 * extensions arrive on onMessageExternal (which we never listen to); this is the second lock.
 */
export function isTrustedSender(sender: Sender, extensionId: string): boolean {
  return sender.id === extensionId;
}

/** Validates, dispatches and wraps one message. Never throws: every failure becomes a Reply. */
export async function route(
  handlers: Handlers,
  message: unknown,
  sender: Browser.runtime.MessageSender,
  extensionId: string,
): Promise<Reply> {
  if (!isTrustedSender(sender, extensionId)) {
    return { ok: false, error: { code: 'forbidden', message: 'Messages are accepted from this extension only' } };
  }
  const envelope = Envelope.safeParse(message);
  if (!envelope.success) return { ok: false, error: { code: 'bad_request', message: 'Not a command message' } };
  const name = envelope.data.command;
  if (!Object.hasOwn(commands, name)) {
    return { ok: false, error: { code: 'unknown_command', message: `Unknown command: ${name.slice(0, 80)}` } };
  }
  const command = name as CommandName;
  // A content script's sender.url is its console page; only our own pages have the extension's origin.
  if (PAGE_ONLY_COMMANDS.has(command) && !sender.url?.startsWith(`chrome-extension://${extensionId}/`)) {
    return { ok: false, error: { code: 'forbidden', message: `${command} is for the extension's own pages` } };
  }
  const payload = commands[command].request.safeParse(envelope.data.payload);
  if (!payload.success) {
    return { ok: false, error: { code: 'bad_request', message: `${command}: ${payload.error.issues[0]?.message ?? 'invalid payload'}` } };
  }
  try {
    const handler = handlers[command] as (p: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>;
    const data = commands[command].response.parse(await handler(payload.data, sender));
    return { ok: true, data };
  } catch (error) {
    const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'internal';
    return { ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } };
  }
}
