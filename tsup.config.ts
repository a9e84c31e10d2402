import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library entry points: ESM + CJS + type declarations.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    sourcemap: true,
    splitting: false,
    treeshake: true,
  },
  {
    // totp-lab/node: the Node adapters (node:* built-ins stay imports).
    entry: { 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    splitting: false,
    treeshake: true,
  },
  {
    // The command-line tool: one ESM file that node runs directly.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
