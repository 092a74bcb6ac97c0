import { storage } from 'wxt/utils/storage';
import * as z from 'zod';
import { i18n } from '#i18n';
import { countOf } from '@/utils/i18n/locale';

/**
 * Pages of a console the admin saved in the adapter tester (its markup as it was: a chat open,
 * ended, two chats), to check an adapter against every state at once. Kept in storage.local,
 * a few and capped in size: markup only, read back with DOMParser, which runs no script.
 */
export const Sample = z.object({ title: z.string().max(200), url: z.string().max(2_000), html: z.string(), at: z.number() });
export type Sample = z.infer<typeof Sample>;

export const SAMPLES_MAX = 6;
/** A page bigger than this is not kept (storage.local holds 10 MB for the whole extension). */
export const SAMPLE_MAX_CHARS = 1_000_000;

const item = storage.defineItem<unknown>('local:adapter-samples', { fallback: [] });

/** The saved pages, newest first; anything stored that is not a sample is dropped. */
export async function loadSamples(): Promise<Sample[]> {
  const raw = await item.getValue();
  return Array.isArray(raw) ? raw.flatMap((s) => (Sample.safeParse(s).success ? [s as Sample] : [])) : [];
}

/** Keeps a page (the oldest goes beyond the limit); says why not when it is too big. */
export async function saveSample(sample: Sample): Promise<Sample[] | string> {
  if (sample.html.length > SAMPLE_MAX_CHARS) return i18n.t('options.tester.tooBig', { size: countOf(Math.round(sample.html.length / 1000)), max: countOf(SAMPLE_MAX_CHARS / 1000) });
  const kept = [sample, ...(await loadSamples())].slice(0, SAMPLES_MAX);
  await item.setValue(kept);
  return kept;
}

export async function forgetSamples(): Promise<void> {
  await item.setValue([]);
}
