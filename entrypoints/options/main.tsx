import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsStore } from '@/components/options/store';
import { sendCommand } from '@/utils/messages/client';
import { loadSettings, saveLocalSettings, watchSettings } from '@/utils/settings/storage';
import '@/components/options/options.css';

const store = createOptionsStore({ send: sendCommand, load: loadSettings, save: saveLocalSettings });
render(<OptionsApp store={store} />, document.getElementById('app')!);
void store.reload();
void store.refreshStatus();
// A policy pushed while the page is open shows at once (unsaved edits of unlocked settings stay).
watchSettings(() => {
  if (!store.dirty.value) void store.reload();
});
