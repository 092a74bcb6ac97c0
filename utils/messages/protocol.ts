import * as z from 'zod/mini';
import { ChatEvent } from '../chat/snapshot';

/**
 * The one protocol between content scripts, extension pages and the background.
 * Every command names the zod schemas of its payload and of its answer; both ends parse.
 */

export const SalesforceStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_connected') }),
  z.object({
    state: z.literal('connected'),
    instanceUrl: z.string(),
    apiVersion: z.string(),
    usage: z.nullable(z.object({ used: z.number(), max: z.number() })),
  }),
  z.object({ state: z.literal('session_expired'), instanceUrl: z.string() }),
  z.object({ state: z.literal('over_limit'), instanceUrl: z.string(), message: z.string() }),
  z.object({ state: z.literal('unreachable'), instanceUrl: z.string(), message: z.string() }),
]);
export type SalesforceStatus = z.infer<typeof SalesforceStatus>;

export const commands = {
  /** Liveness and identity of the worker that answered. */
  'worker.info': {
    request: z.object({}),
    response: z.object({ version: z.string(), startedAt: z.number() }),
  },
  /** Connection state, checked with one real request to the org. */
  'salesforce.status': {
    request: z.object({}),
    response: SalesforceStatus,
  },
  /** Something happened to a chat on the console page (started, updated, ended, offline message). */
  'chat.event': {
    request: ChatEvent,
    response: z.object({ accepted: z.boolean() }),
  },
  /** The latest chat events the background received (newest last): diagnostics and tests. */
  'chat.recent': {
    request: z.object({ limit: z._default(z.int().check(z.gte(1), z.lte(500)), 50) }),
    response: z.array(z.object({ type: ChatEvent.shape.type, chatId: z.string(), console: z.string(), at: z.number(), snapshot: ChatEvent.shape.snapshot })),
  },
} satisfies Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandRequest<C extends CommandName> = z.input<Commands[C]['request']>;
export type CommandResponse<C extends CommandName> = z.output<Commands[C]['response']>;
/** What a handler receives: the request after parsing (defaults filled in). */
export type CommandPayload<C extends CommandName> = z.output<Commands[C]['request']>;

export const Envelope = z.object({ command: z.string(), payload: z.unknown() });

export const ErrorInfo = z.object({ code: z.string(), message: z.string() });
export type ErrorInfo = z.infer<typeof ErrorInfo>;

export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorInfo }),
]);
export type Reply = z.infer<typeof Reply>;

/** A command that the background refused or failed, carried to the caller with its code. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}
