import * as z from 'zod/mini';

/** Every message to the background: a command by name and its payload. */
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
