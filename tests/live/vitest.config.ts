import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:live`: the real built extension in Chromium against a real LiveHelperChat on this
// machine (../shared/tools/livehelperchat: setup.sh, start.sh; LHC_DIR, default /work/lhc), and the
// Salesforce emulator. Not part of `npm test`: CI has no LiveHelperChat.
export default defineConfig({
  // Specs import the settings and adapter schemas, whose messages come from WXT's generated i18n module.
  resolve: { alias: { '#i18n': fileURLToPath(new URL('../../.wxt/i18n/index.ts', import.meta.url)) } },
  test: {
    include: ['tests/live/**/*.live.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
