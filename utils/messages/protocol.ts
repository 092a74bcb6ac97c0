import * as z from 'zod/mini';
import { ChatEvent, ChatSnapshot } from '../chat/snapshot';

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

export const Candidate = z.object({
  type: z.enum(['Contact', 'Lead', 'Account']),
  id: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  account: z.optional(z.object({ id: z.string(), name: z.optional(z.string()) })),
  matched: z.array(z.string()),
  lastModified: z.optional(z.string()),
  viaConvertedLead: z.optional(z.string()),
});
export type Candidate = z.infer<typeof Candidate>;

export const IdentifyResult = z.discriminatedUnion('state', [
  z.object({
    state: z.enum(['found', 'not_found']),
    instanceUrl: z.string(),
    contacts: z.array(Candidate),
    leads: z.array(Candidate),
    accounts: z.array(Candidate),
  }),
  z.object({
    state: z.literal('error'),
    kind: z.enum(['not_connected', 'session_expired', 'over_limit', 'unreachable', 'salesforce']),
    message: z.string(),
  }),
]);
export type IdentifyResult = z.infer<typeof IdentifyResult>;

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
  /** Who this visitor is in Salesforce: one composite request, or none when seen in the last 10 minutes. */
  'identify.run': {
    request: z.object({ snapshot: ChatSnapshot, force: z._default(z.boolean(), false) }),
    response: IdentifyResult,
  },
  /** The agent's own search by name, e-mail or phone (one SOSL request). */
  'salesforce.search': {
    request: z.object({ text: z.string().check(z.maxLength(200)) }),
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('results'), instanceUrl: z.string(), records: z.array(Candidate) }),
      z.object({ state: z.literal('error'), message: z.string() }),
    ]),
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
