import { i18n } from '#i18n';
import type { OptionsStore } from './store';

/** The whole configuration as one JSON file, out and in (the same shape enterprise policy takes). */
export function ImportExport({ store }: { store: OptionsStore }) {
  function download() {
    const url = URL.createObjectURL(new Blob([store.exportText.value], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'salesforce-chat-settings.json' });
    link.click();
    URL.revokeObjectURL(url);
  }
  async function upload(file: File | undefined) {
    if (file) store.importConfiguration(await file.text());
  }
  return (
    <section id="import-export">
      <h2>{i18n.t('options.importExport.title')}</h2>
      <p class="hint">{i18n.t('options.importExport.hint')}</p>
      <div class="buttons">
        <button type="button" id="export" onClick={download}>{i18n.t('options.importExport.export')}</button>
        <label class="button">{i18n.t('options.importExport.import')} <input type="file" id="import" accept="application/json,.json" hidden onChange={(e) => void upload(e.currentTarget.files?.[0])} /></label>
      </div>
    </section>
  );
}
