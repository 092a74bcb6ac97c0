import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing';

// WXT's fake browser has no i18n: the unit suite answers from the English messages file, as
// Chrome would from _locales/en (keys with "." become "_", $1…$9 filled, "$$" is "$").
const file = resolve('utils/i18n/locales/en.yml');
const messages = new Map(
  (await parseMessagesFile(file)).map((m) => [m.key.join('_'), m.type === 'plural' ? Object.values(m.plurals).join(' | ') : m.message]),
);

Object.assign(fakeBrowser.i18n, {
  getMessage: (key: string, substitutions?: string | string[]) => {
    const subs = typeof substitutions === 'string' ? [substitutions] : substitutions ?? [];
    return (messages.get(key) ?? '').replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : subs[Number(which) - 1] ?? ''));
  },
  getUILanguage: () => 'en-US',
});
