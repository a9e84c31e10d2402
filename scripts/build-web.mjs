// Builds the browser demo page into dist/web/: index.html, app.js (one minified bundle) and
// style.css. Nothing is loaded from elsewhere: no CDN, no web fonts.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const out = new URL('../dist/web/', import.meta.url);
const page = new URL('../src/demo/web/page/', import.meta.url);
await mkdir(out, { recursive: true });
await build({
  entryPoints: [new URL('main.ts', page).pathname],
  outfile: new URL('app.js', out).pathname,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const file of ['index.html', 'style.css']) await copyFile(new URL(file, page), new URL(file, out));

let total = 0;
for (const file of ['index.html', 'app.js', 'style.css']) total += gzipSync(await readFile(new URL(file, out)), { level: 9 }).length;
if (!process.argv.includes('--quiet')) console.log(`dist/web: ${(total / 1024).toFixed(1)} KiB gzipped (index.html + app.js + style.css)`);
