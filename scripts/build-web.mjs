// Builds the browser demo page into dist/web/: index.html, app.js (one minified bundle) and
// style.css, plus the QR reader's WebAssembly (ZXing-C++ from the zxing-wasm package), which the
// page loads only on its first scan. Nothing is loaded from elsewhere: no CDN, no web fonts.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const out = new URL('../dist/web/', import.meta.url);
const page = new URL('../src/demo/web/page/', import.meta.url);
await mkdir(out, { recursive: true });
await build({
  entryPoints: [new URL('main.ts', page).pathname],
  outdir: out.pathname,
  entryNames: 'app',
  // Lazy imports (the QR reader's glue code) become chunks the page loads only when first used.
  splitting: true,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'linked',
  logLevel: 'warning',
  // The reader reads its WebAssembly from disk under Node; that branch never runs in a browser.
  external: ['node:*'],
});
for (const file of ['index.html', 'style.css']) await copyFile(new URL(file, page), new URL(file, out));

// The reader's WebAssembly, from the same zxing-wasm install whose JavaScript app.js bundles (so
// the two match): as the .wasm file, and as a module holding its bytes, which the page imports
// under script-src 'self' without opening connect-src.
const wasm = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
const wasmModule = `// ZXing-C++ (zxing-wasm, Apache-2.0): zxing_reader.wasm as base64.\nexport default ${JSON.stringify(wasm.toString('base64'))};\n`;
for (const dir of [out, new URL('../', out)]) {
  await writeFile(new URL('zxing_reader.wasm', dir), wasm);
  await writeFile(new URL('zxing_reader.wasm.js', dir), wasmModule);
}

let total = 0;
for (const file of ['index.html', 'app.js', 'style.css'])
  total += gzipSync(await readFile(new URL(file, out)), { level: 9 }).length;
const reader = gzipSync(wasmModule, { level: 9 }).length;
if (!process.argv.includes('--quiet'))
  console.log(
    `dist/web: ${(total / 1024).toFixed(1)} KiB gzipped (index.html + app.js + style.css); QR reader loaded on first scan: ${(reader / 1024).toFixed(1)} KiB gzipped`,
  );
