import { storage } from 'wxt/utils/storage';

const pausedUntil = storage.defineItem<unknown>('local:outbox-paused-until', { fallback: 0 });

/**
 * Writes paused for the org's API limit, until a time (0: not paused). Survives the worker
 * stopping. A value that is not a time is no pause: the next write asks Salesforce (one request).
 */
export const writePause = {
  get: async () => {
    const until = await pausedUntil.getValue();
    return typeof until === 'number' && Number.isFinite(until) ? until : 0;
  },
  set: (until: number) => pausedUntil.setValue(until),
};
