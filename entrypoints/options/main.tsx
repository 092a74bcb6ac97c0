import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsStore } from '@/components/options/store';
import { sendCommand } from '@/utils/messages/client';
import { loadLocalSettings, loadSettings, saveLocalSettings, watchSettings } from '@/utils/settings/storage';
import { preparePage } from '@/components/page';
import '@/components/theme.css';
import '@/components/options/options.css';

preparePage();
document.title = i18n.t('options.title');

/** The settings as stored and as policy gives them, unchecked: a rejected value is reported from what it was. */
async function raw() {
  let policy: unknown;
  try {
    policy = await browser.storage.managed.get(null);
  } catch {
    policy = undefined; // no managed storage here: no policy
  }
  return { local: await loadLocalSettings(), policy };
}

const store = createOptionsStore({ send: sendCommand, load: loadSettings, save: saveLocalSettings, raw });
render(<OptionsApp store={store} />, document.getElementById('app')!);
void store.reload();
void store.refreshStatus();
// A policy pushed while the page is open shows at once (unsaved edits of unlocked settings stay).
watchSettings(() => {
  if (!store.dirty.value) void store.reload();
});
