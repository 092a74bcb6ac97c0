import { CommandError } from './envelope';

/** Waits between tries of an event the background did not acknowledge: about two minutes in all. */
export const REDELIVERY_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000];

/**
 * Failures that another try can cure: the worker was stopping, starting, or died before it
 * answered; or the browser could not store the event (a full disk: room may be made meanwhile).
 */
const PASSING = new Set(['extension_unreachable', 'not_stored']);

/**
 * Sends an event until the background acknowledges it, which it does only once the event is
 * stored (a chat's end, an offline message): a worker that dies first, or is starting, gets it
 * again. Stops when the signal aborts (the extension was reloaded: this page's script is orphaned).
 */
export async function deliver<T>(send: () => Promise<T>, signal: AbortSignal, waits: readonly number[] = REDELIVERY_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const passing = error instanceof CommandError && PASSING.has(error.code);
      if (!passing || attempt >= waits.length || signal.aborted) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, waits[attempt]));
  }
}
