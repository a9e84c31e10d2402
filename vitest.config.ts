import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The examples import the package by name, as users do; here that name means the sources,
    // so they run before any build.
    alias: [
      { find: /^totp-lab$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      {
        find: /^totp-lab\/(qr|node|testing|browser|server)$/,
        replacement: fileURLToPath(new URL('./src/$1/index.ts', import.meta.url)),
      },
      {
        find: /^totp-lab\/scenarios$/,
        replacement: fileURLToPath(new URL('./src/sim/scenarios/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/testing/**/*.test.ts'],
    // Generous: a 2-core machine shared with other test runs may be several times slower than idle.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
