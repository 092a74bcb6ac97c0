import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing';

// Unit and contract tests: Node, WXT's fake browser, the emulator in-process. No Chromium.
export default defineConfig({
  plugins: [await WxtVitest(), preact()],
  // The code under test is the loopback build's (the emulator on 127.0.0.1 is an org); the production rules are tested by passing loopback = false.
  define: { __LOOPBACK_BUILD__: 'true' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/salesforce-emulator/**/*.test.ts', 'tests/meta/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/i18n-setup.ts'],
    testTimeout: 20_000,
  },
});
