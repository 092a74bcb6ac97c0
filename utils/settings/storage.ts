import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { mergeSettings, type EffectiveSettings } from './schema';

const localItem = storage.defineItem<unknown>('local:settings', { fallback: {} });

/** What enterprise policy set (chrome.storage.managed); nothing when no policy applies. */
async function managedSettings(): Promise<unknown> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return undefined; // no managed storage on this browser (or no schema): no policy
  }
}

let cached: Promise<EffectiveSettings> | null = null;

/**
 * The settings in force: policy over local over defaults, what policy locked, and what was wrong.
 * Read once and kept until local or policy settings change (every chat asks for them).
 */
export function loadSettings(): Promise<EffectiveSettings> {
  if (!cached) {
    browser.storage.onChanged.addListener(forget);
    const loading = Promise.all([localItem.getValue(), managedSettings()]).then(([local, managed]) => mergeSettings(local, managed));
    cached = loading;
    // A read that failed is tried again by the next caller, never kept as the answer.
    loading.catch(() => {
      if (cached === loading) cached = null;
    });
  }
  return cached;
}

function forget(changes: Record<string, unknown>, area: string) {
  if (area !== 'managed' && !('settings' in changes)) return;
  cached = null;
  browser.storage.onChanged.removeListener(forget);
}

/** The locally stored settings as they are (valid or not): the options page edits these. */
export async function loadLocalSettings(): Promise<Record<string, Record<string, unknown>>> {
  const raw = await localItem.getValue();
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, Record<string, unknown>>) : {};
}

export async function saveLocalSettings(settings: Record<string, unknown>): Promise<void> {
  await localItem.setValue(settings);
  cached = null; // this page reads its own write at once; other contexts hear of it by storage.onChanged
}

/** Calls back whenever local or policy settings change (the options page and popup re-read). */
export function watchSettings(callback: () => void): () => void {
  // The cache is dropped first: this listener may run before loadSettings' own, and would read the old settings.
  const changed = () => {
    cached = null;
    callback();
  };
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') changed();
  };
  browser.storage.onChanged.addListener(listener);
  const unwatch = localItem.watch(changed);
  return () => {
    browser.storage.onChanged.removeListener(listener);
    unwatch();
  };
}
