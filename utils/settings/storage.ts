import { storage } from 'wxt/utils/storage';
import { parseSettings, type Settings, type SettingsProblem } from './schema';

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: {} });

/** The settings in force (stored values over defaults), and what was wrong with the stored ones. */
export async function loadSettings(): Promise<{ settings: Settings; problems: SettingsProblem[] }> {
  return parseSettings(await settingsItem.getValue());
}
