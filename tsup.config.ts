import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library entry points: ESM + CJS + type declarations.
    entry: {
      index: 'src/index.ts',
      scenarios: 'src/sim/scenarios/index.ts',
      qr: 'src/qr/index.ts',
      testing: 'src/testing/index.ts',
      node: 'src/node/index.ts',
      browser: 'src/browser/index.ts',
      server: 'src/server/index.ts',
    },
    // Node built-ins stay imports (only the node entry uses them).
    external: [/^node:/, 'better-sqlite3', 'pg', 'nodemailer'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // No source maps: they were 60 % of the tarball, and the sources are readable TypeScript
    // in the repository (tests and debugging run on src/ directly).
    sourcemap: false,
    // Shared chunks: every entry point uses one copy of core (one TotpLabError class), and lazy imports stay lazy.
    splitting: true,
    treeshake: true,
  },
  {
    // The command-line tool: one ESM file that node runs directly.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    // Database drivers are optional: loaded when a database store is opened, never bundled.
    external: ['better-sqlite3', 'pg', 'nodemailer'],
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
