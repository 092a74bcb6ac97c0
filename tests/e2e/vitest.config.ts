import { defineConfig } from 'vitest/config';

// End-to-end: the real built extension in Chromium, the demo console, the Salesforce emulator.
export default defineConfig({
  test: {
    include: ['tests/e2e/specs/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
