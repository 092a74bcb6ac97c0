import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { nodePolyfills } from 'vite-plugin-node-polyfills';
import { fileURLToPath } from 'node:url';

// The public half of the extension's signing key: it pins the extension id
// (lpkkncfodlaoljpfckchlfhibhmopokg) so policies, OAuth redirect URLs and tests can name it.
export const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs5fAY/uvVMxT9nq4Q5veomYKbI7BVlSfJ/mIUNz9Oo2hBbuE6kmxepDgfLz67demcH8TtC2SFnhCjGpWGOv4sYkKJD55eG8S7FLMmYznomUCsWJJtN9upps61yAoOp5+iufw3shyFX7cW45h9C7q1MxkStNb+kjjxlNVVay5xI/rTR18RlmzMBCC/bXog17n332tllu2POfUaXniEXT7dKbceFGE0miN0x2U+7JPuwh6dyBG2dZRJ1Mzo+h1/NCwl93HF87TdVHxLvSJ+HFPOib1rMwAOpKoZuXT67WqTjthhIHjQkq2JV/61uBdUTHVSv/SnB4JQuJMeb2j+LjFUwIDAQAB';

/** The extension's id in Firefox (which has no `key`). */
export const GECKO_ID = 'salesforce-chat-consoles@sf-chat-panel';

// jsforce's browser build still needs these Node built-ins in the service worker. `crypto` is
// not polyfilled: it is aliased to a small shim (utils/salesforce/crypto-shim.ts).
export const NODE_POLYFILLS = {
  include: ['events', 'stream', 'buffer', 'process', 'querystring', 'timers', 'util'] as const,
  globals: { Buffer: true, process: true, global: true },
};

export default defineConfig({
  manifestVersion: 3,
  // All UI text through browser.i18n: the messages are written per language in utils/i18n/locales
  // and turned into _locales/<lang>/messages.json (with types for the keys) by @wxt-dev/i18n.
  modules: ['@wxt-dev/i18n/module'],
  i18n: { localesDir: fileURLToPath(new URL('./utils/i18n/locales', import.meta.url)) },
  // `--mode loopback` is the build for the demo and the e2e suite: the production build plus host
  // access to 127.0.0.1, where the demo console and the Salesforce emulator run.
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    // Firefox ignores `key`: its id (policies, storage, the OAuth redirect) is the gecko id.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } } }
      : { key: EXTENSION_KEY, minimum_chrome_version: '123' }),
    // unlimitedStorage: the outbox's IndexedDB is neither capped by the origin's quota nor evicted under storage pressure.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', 'identity'],
    // Enterprise policy (chrome.storage.managed): generated from the settings schema (`npm run schemas`).
    storage: { managed_schema: 'managed_schema.json' },
    host_permissions: mode === 'loopback' ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The panel's frame on the console pages (their hosts are the admin's, set at run time). A
    // dynamic URL, new each session, so no page can tell that the extension is installed.
    web_accessible_resources: [{
      resources: ['panel.html'],
      matches: mode === 'loopback' ? ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] : ['https://*/*'],
      use_dynamic_url: true,
    }],
  }),
  vite: ({ mode }) => ({
    // Whether 127.0.0.1 and localhost count as Salesforce and as consoles (utils/salesforce/hosts.ts).
    define: { __LOOPBACK_BUILD__: JSON.stringify(mode === 'loopback') },
    plugins: [preact(), nodePolyfills({ ...NODE_POLYFILLS, include: [...NODE_POLYFILLS.include] })],
    resolve: { alias: { crypto: fileURLToPath(new URL('./utils/salesforce/crypto-shim.ts', import.meta.url)) } },
    build: { target: 'chrome123' },
  }),
});
