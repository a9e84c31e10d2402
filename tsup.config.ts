import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library entry points: ESM + CJS + type declarations.
    entry: { index: 'src/index.ts', qr: 'src/qr/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    sourcemap: true,
    splitting: true, // one shared copy of core (error classes stay one class across entries); lazy imports stay lazy
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
