import { i18n } from '#i18n';
import { loadSettings, watchSettings } from '@/utils/settings/storage';

/**
 * What every page of the extension sets first: its language and direction as the browser shows
 * the extension's text (screen readers pronounce it right), and dark or light as the admin set it
 * (`general.theme`), else as the system is (theme.css). The theme follows a change at once.
 */
export function preparePage(): void {
  const root = document.documentElement;
  // The language of the words shown (a Dutch browser gets the English messages: lang="en").
  root.lang = i18n.t('lang') || 'en';
  root.dir = i18n.t('@@bidi_dir') || 'ltr';
  const theme = () => void loadSettings().then(({ settings }) => {
    root.dataset.theme = settings.general.theme;
  }).catch(() => undefined);
  theme();
  watchSettings(theme);
}
