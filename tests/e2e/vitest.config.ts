import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end: the real built extension in Chromium, the demo console, the Salesforce emulator.
export default defineConfig({
  // Specs import the settings and adapter schemas, whose messages come from WXT's generated i18n module.
  resolve: { alias: { '#i18n': fileURLToPath(new URL('../../.wxt/i18n/index.ts', import.meta.url)) } },
  test: {
    include: ['tests/e2e/specs/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
