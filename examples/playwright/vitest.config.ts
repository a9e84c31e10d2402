// Runs the Playwright Test-style browser kit with vitest: `npx vitest run --config examples/playwright/vitest.config.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['examples/playwright/**/*.browser.test.ts'],
    // One browser and one service per test; a shared machine may be slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
