import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing';

// Unit and contract tests: Node, WXT's fake browser, the emulator in-process. No Chromium.
export default defineConfig({
  plugins: [await WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/salesforce-emulator/**/*.test.ts', 'tests/meta/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
