import { defineConfig } from 'vitest/config';

// `npm run test:live`: the real built extension in Chromium against a real LiveHelperChat on this
// machine (../shared/tools/livehelperchat: setup.sh, start.sh; LHC_DIR, default /work/lhc), and the
// Salesforce emulator. Not part of `npm test`: CI has no LiveHelperChat.
export default defineConfig({
  test: {
    include: ['tests/live/**/*.live.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
