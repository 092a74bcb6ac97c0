import { i18n } from '#i18n';
import type { Browser } from 'wxt/browser';
import { CONSOLE_COMMANDS, Envelope, commands, type CommandName, type CommandPayload, type CommandResponse, type Reply } from './protocol';
import type { TabLimiter } from './limiter';
import type { HandedIds } from './handed';
import { RECORD_ID } from '../salesforce/record-id';

export type Handlers = {
  [C in CommandName]: (payload: CommandPayload<C>, sender: Browser.runtime.MessageSender) => Promise<CommandResponse<C>>;
};

type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'origin' | 'tab'>;

/**
 * Only this extension's own content scripts and pages may talk to the background. Other
 * extensions arrive on onMessageExternal (which we never listen to); this is the second lock.
 */
export function isTrustedSender(sender: Sender, extensionId: string): boolean {
  return sender.id === extensionId;
}

/** The schemes of extension pages: Chromium's (Chrome, Edge) and Firefox's. */
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);

/**
 * One of the extension's own pages (popup, options, the panel frame in a console tab). A content
 * script's sender.url is its console page. The panel frame, loaded through a dynamic URL
 * (web_accessible_resources' use_dynamic_url), has another host than the extension id: the
 * browser sets sender.id and the scheme, which no web page can take.
 */
export function isExtensionPage(sender: Sender, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  try {
    return EXTENSION_SCHEMES.has(new URL(sender.url).protocol);
  } catch {
    return false;
  }
}

/**
 * Commands that spend the org's API requests: limited per tab, so no burst can drain the day's
 * allowance. (chat.preview is not one: it is asked once identification settled and reads its cached answer.)
 */
export const SPENDING_COMMANDS: ReadonlySet<string> = new Set([
  'salesforce.status', 'identify.run', 'salesforce.search', 'lookup.search', 'record.update', 'record.create', 'form.open', 'routing.suggest',
]);

const lookupIds = (values: Record<string, unknown>) => Object.entries(values).filter(([field, v]) => /Id$/.test(field) && typeof v === 'string' && RECORD_ID.test(v)).map(([, v]) => v as string);

/**
 * The record ids a command names, per command: each must be one the background handed to the
 * sender's tab (what its panel showed, found, created or heard of), else the command is refused.
 * A form's lookups are its fields ending in Id (AccountId, WhoId, RecordTypeId…).
 */
export const RECORD_IDS: { [C in CommandName]?: (payload: CommandPayload<C>) => (string | undefined)[] } = {
  'record.update': (p) => [p.id],
  'record.create': (p) => lookupIds(p.values),
  'form.open': (p) => [p.recordTypeId],
  'chat.plan': (p) => [p.person?.id, p.update?.id, ...lookupIds(p.overrides)],
  'chat.record': (p) => [p.record?.id],
  'chat.case': (p) => [p.case?.id],
  'chat.account': (p) => [p.account?.id],
  'chat.people': (p) => p.people.map((person) => person.id),
  'outbox.retry': (p) => [p.attachTo?.id],
  'routing.suggest': (p) => [p.record.id],
};

/** Validates, dispatches and wraps one message. Never throws: every failure becomes a Reply. */
export async function route(
  handlers: Handlers,
  message: unknown,
  sender: Browser.runtime.MessageSender,
  extensionId: string,
  limiter?: TabLimiter,
  handed?: HandedIds,
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
  const page = isExtensionPage(sender, extensionId);
  if (!page && !CONSOLE_COMMANDS.has(command)) {
    return { ok: false, error: { code: 'forbidden', message: `${command} is for the extension's own pages` } };
  }
  // A console event belongs to the tab that sent it: a content script outside a tab has none.
  if (!page && sender.tab?.id === undefined) {
    return { ok: false, error: { code: 'forbidden', message: `${command} comes from a console tab only` } };
  }
  if (SPENDING_COMMANDS.has(command) && limiter && !limiter.take(sender.tab?.id ?? -1)) {
    return { ok: false, error: { code: 'rate_limited', message: i18n.t('failure.rateLimited') } };
  }
  const payload = commands[command].request.safeParse(envelope.data.payload);
  if (!payload.success) {
    return { ok: false, error: { code: 'bad_request', message: `${command}: ${payload.error.issues[0]?.message ?? 'invalid payload'}` } };
  }
  const named = (RECORD_IDS[command] as ((p: unknown) => (string | undefined)[]) | undefined)?.(payload.data).filter((id): id is string => !!id) ?? [];
  if (handed && named.length && (await handed.unknown(sender.tab?.id, named)).length) {
    return { ok: false, error: { code: 'unknown_record', message: i18n.t('failure.unknownRecord') } };
  }
  try {
    const handler = handlers[command] as (p: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>;
    const data = commands[command].response.parse(await handler(payload.data, sender));
    // What the page was shown, it may name in its next commands: known at once (before any next
    // command is read), kept in storage.session behind the answer rather than ahead of it.
    if (handed && page) void handed.hand(sender.tab?.id, data);
    return { ok: true, data };
  } catch (error) {
    const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'internal';
    return { ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } };
  }
}
