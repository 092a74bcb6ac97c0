import { storage } from 'wxt/utils/storage';

const pausedUntil = storage.defineItem<number>('local:outbox-paused-until', { fallback: 0 });

/** Writes paused for the org's API limit, until a time (0: not paused). Survives the worker stopping. */
export const writePause = {
  get: () => pausedUntil.getValue(),
  set: (until: number) => pausedUntil.setValue(until),
};
