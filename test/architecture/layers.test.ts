// The layer map holds: every file under src/ imports only what its folder may import (see
// layer-map.ts), so the structure a newcomer reads from the folder names stays true.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers, globalsUsed, importsOf, layerOf, type SourceFile } from './layer-map.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function readTree(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return readTree(full);
    return [{ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') }];
  });
}

/**
 * Imports that break the map today, each to be removed by the change that fixes it. The test fails
 * on any other violation, and also when a listed one is gone (then delete it here).
 */
const KNOWN_VIOLATIONS: readonly string[] = [
  // Deliberate: in Node, the QR reader reads its WebAssembly from the installed zxing-wasm package
  // (never a CDN) behind a runtime check, so `totp-lab/qr` reads codes in Node without any setup.
  'src/qr/zxing-reader.ts → node:fs/promises',
  'src/qr/zxing-reader.ts → node:module',
  'src/qr/zxing-reader.ts uses process',
  'src/qr/zxing-reader.ts uses __filename',
  // Deliberate: SHA-512 codes use Node's own SHA-512 where `process.getBuiltinModule` offers it,
  // behind a runtime check; everywhere else the same codes come from the JavaScript SHA-512.
  'src/core/hash/native-sha512.ts uses process',
];

describe('the layer map', () => {
  const files = readTree(join(root, 'src'));
  const violations = checkLayers(files);

  it('reads the whole tree', () => {
    const typescript = files.filter((f) => f.path.endsWith('.ts'));
    expect(typescript.length).toBeGreaterThan(100);
    for (const layer of [
      'core',
      'sim',
      'qr',
      'node',
      'browser',
      'cli',
      'probe',
      'testing',
      'demo/web',
      'demo/terminal',
    ] as const) {
      expect(
        typescript.some((f) => layerOf(f.path) === layer),
        layer,
      ).toBe(true);
    }
  });

  it('holds for src/, apart from the listed exceptions', () => {
    const unexpected = violations.filter((v) => !KNOWN_VIOLATIONS.includes(v.key)).map((v) => v.message);
    expect(unexpected).toEqual([]);
  });

  it('lists no exception that is no longer needed', () => {
    const stale = KNOWN_VIOLATIONS.filter((key) => !violations.some((v) => v.key === key));
    expect(stale, 'fixed: delete these from KNOWN_VIOLATIONS').toEqual([]);
  });
});

describe('the layer checker', () => {
  const base: SourceFile[] = [
    {
      path: 'src/index.ts',
      text: "export { code } from './core/code.js';\nexport { createProvider } from './sim/provider.js';",
    },
    { path: 'src/core/code.ts', text: 'export const code = 1;' },
    { path: 'src/core/clock.ts', text: "import { code } from './code.js';\nexport const clock = code;" },
    {
      path: 'src/sim/provider.ts',
      text: "import { code } from '../core/code.js';\nexport const createProvider = () => code;",
    },
    {
      path: 'src/qr/index.ts',
      text: "import QR from 'qrcode';\nimport { code } from '../core/code.js';\nexport const renderQr = () => [QR, code];",
    },
    { path: 'src/testing/index.ts', text: "export { code } from '../core/code.js';" },
    {
      path: 'src/browser/index.ts',
      text: "export { renderQr } from '../qr/index.js';\nexport const canvas = (c: HTMLCanvasElement) => c;",
    },
    {
      path: 'src/node/index.ts',
      text: "import { readFile } from 'node:fs/promises';\nexport { createProvider } from '../sim/provider.js';\nexport const read = readFile;",
    },
    {
      path: 'src/demo/web/app.ts',
      text: "import { createProvider } from '../../index.js';\nimport { canvas } from 'totp-lab/browser';\nexport const app = [createProvider, canvas, document.title];",
    },
    {
      path: 'src/cli/main.ts',
      text: "import { readFile } from 'node:fs/promises';\nimport { app } from '../demo/web/app.js';\nexport const main = [readFile, app];",
    },
  ];
  const keys = (files: SourceFile[]) => checkLayers(files).map((v) => v.key);
  const withFile = (path: string, text: string) => [...base, { path, text }];

  it('passes a tree that keeps the map', () => {
    expect(checkLayers(base)).toEqual([]);
  });

  it('catches an upward import: core importing sim', () => {
    expect(
      keys(
        withFile(
          'src/core/totp.ts',
          "import type { createProvider } from '../sim/provider.js';\nexport type P = typeof createProvider;",
        ),
      ),
    ).toEqual(['src/core/totp.ts → src/sim/provider.ts']);
  });

  it('catches sim importing qr, and a dynamic import too', () => {
    expect(keys(withFile('src/sim/phone.ts', "export const scan = () => import('../qr/index.js');"))).toEqual([
      'src/sim/phone.ts → src/qr/index.ts',
    ]);
  });

  it('catches a demo importing an internal module, and accepts the same name through an entry point', () => {
    expect(
      keys(withFile('src/demo/web/x.ts', "import { code } from '../../core/code.js';\nexport const x = code;")),
    ).toEqual(['src/demo/web/x.ts → src/core/code.ts']);
    expect(
      keys(withFile('src/demo/web/x.ts', "import { code } from '../../index.js';\nexport const x = code;")),
    ).toEqual([]);
  });

  it('keeps the test kit out of the apps and the web page off the Node adapter', () => {
    expect(
      keys(withFile('src/cli/code.ts', "import { code } from '../testing/index.js';\nexport const c = code;")),
    ).toEqual(['src/cli/code.ts → src/testing/index.ts']);
    expect(keys(withFile('src/demo/terminal/x.ts', "export * from 'totp-lab/testing';"))).toEqual([
      'src/demo/terminal/x.ts → totp-lab/testing',
    ]);
    expect(keys(withFile('src/demo/web/y.ts', "export * from '../../node/index.js';"))).toEqual([
      'src/demo/web/y.ts → src/node/index.ts',
    ]);
  });

  it('catches Node built-ins, Node globals and DOM globals where they may not be', () => {
    expect(
      keys(withFile('src/sim/file.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;")),
    ).toEqual(['src/sim/file.ts → node:fs/promises']);
    expect(
      keys(withFile('src/qr/file.ts', "import { createHash } from 'crypto';\nexport const h = createHash;")),
    ).toEqual(['src/qr/file.ts → crypto']);
    expect(keys(withFile('src/core/env.ts', 'export const debug = process.env.DEBUG;'))).toEqual([
      'src/core/env.ts uses process',
    ]);
    expect(keys(withFile('src/sim/page.ts', 'export const title = () => document.title;'))).toEqual([
      'src/sim/page.ts uses document',
    ]);
    expect(keys(withFile('src/core/page.ts', 'export const store = globalThis.localStorage;'))).toEqual([
      'src/core/page.ts uses localStorage',
    ]);
  });

  it('catches a package loaded in the wrong layer, a missing file and a folder outside the map', () => {
    expect(keys(withFile('src/sim/qr.ts', "import QR from 'qrcode';\nexport const q = QR;"))).toEqual([
      'src/sim/qr.ts → qrcode',
    ]);
    expect(keys(withFile('src/sim/x.ts', "export * from './nowhere.js';"))).toEqual(['src/sim/x.ts → ./nowhere.js']);
    expect(keys(withFile('src/extras/x.ts', 'export const x = 1;'))).toEqual(['src/extras/x.ts']);
  });

  it('reads imports and globals as TypeScript does, not from comments or property names', () => {
    const text = [
      "/** @example import { x } from '../../sim/provider.js'; */",
      "import type { A } from './a.js';",
      "export { b } from './b.js';",
      'const c = await import("./c.js");',
      'const o = { document: 1, process() {} };',
      'o.window; let navigator = 2;',
      'export const d = [c, o, navigator, Buffer];',
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.js', './b.js', './c.js']);
    expect(
      [...globalsUsed(text)].filter((n) => ['document', 'process', 'window', 'navigator', 'Buffer'].includes(n)),
    ).toEqual(['Buffer']);
  });
});
