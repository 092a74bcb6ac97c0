import * as z from 'zod/mini';
import { sendFrom } from './send';

// The relay on a Lightning console page (entrypoints/omni.content) and its one command: apart
// from the console script's protocol, so neither content script carries the other's schemas.

/** What the Omni-Channel bridge (salesforce/) reports: a status, a logout, work accepted, the statuses the user may set. */
export const OmniEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: z.string().check(z.maxLength(80)), statusId: z.string().check(z.maxLength(18)), reason: z.optional(z.string().check(z.maxLength(80))) }),
  z.object({ type: z.literal('logout') }),
  z.object({ type: z.literal('workAccepted') }),
  z.object({ type: z.literal('workClosed') }),
  z.object({ type: z.literal('error'), message: z.string().check(z.maxLength(300)) }),
  z.object({ type: z.literal('statuses'), statuses: z.array(z.object({ id: z.string().check(z.maxLength(18)), apiName: z.string().check(z.maxLength(80)), label: z.string().check(z.maxLength(255)) })).check(z.maxLength(200)) }),
]);
export type OmniEvent = z.infer<typeof OmniEvent>;

/**
 * The one command of the relay on a Lightning console page (entrypoints/omni.content): kept apart
 * so neither content script carries the other's schemas.
 */
export const relayCommands = {
  /** Presence sync: what the Omni-Channel bridge said. */
  'presence.omni': {
    request: OmniEvent,
    response: z.object({}),
  },
} satisfies Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;

/** The relay's one way to the background: what the Omni-Channel bridge said. */
export function sendRelayCommand(payload: z.input<typeof OmniEvent>): Promise<z.output<(typeof relayCommands)['presence.omni']['response']>> {
  return sendFrom(relayCommands, 'presence.omni', payload);
}
