// (6) The size a browser user pays: each package entry point that exists in dist/, bundled for the
// browser with esbuild (minified, dependencies included), then gzipped.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
// Packages that must never reach the core entry: QR rendering and scanning live in totp-lab/qr.
const QR_PACKAGES = ['qrcode', 'jsqr', 'zxing-wasm'];

// What an app pays for the main entry depends on what it imports: a bundler keeps only the exports
// used (and what they need). These are typical imports, bundled from the built dist/index.js.
const TYPICAL_IMPORTS = {
  'codes and key URIs': ['generateSecret', 'buildKeyUri', 'parseKeyUri', 'generateCode', 'verifyCode'],
  'the simulator': ['createProvider', 'MemoryStore', 'createAuthenticator', 'manualClock'],
  'reading export files': ['readExport', 'detectFormat'],
};

function bundle(path, platform, stdin) {
  return build({
    ...(stdin === undefined ? { entryPoints: [path] } : { stdin }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    // node: modules are never part of a browser bundle; a Node bundle leaves them to Node.
    external: ['node:*'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

/**
 * Rows { entry, platform, bytes, gzipBytes, packages } for every ESM entry in package.json "exports"
 * that is built, and { name, names, bytes, gzipBytes } for each typical import from `totp-lab`.
 */
export async function benchBundleSize() {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const rows = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : (target?.import?.default ?? target?.default);
    if (typeof file !== 'string' || !file.endsWith('.js')) continue;
    const path = fileURLToPath(new URL(file, root));
    if (!existsSync(path)) continue;
    const entry = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    // An entry that cannot be bundled for the browser (the Node adapter) is measured as a Node bundle.
    let platform = 'browser';
    let result;
    try {
      result = await bundle(path, 'browser');
    } catch {
      platform = 'node';
      result = await bundle(path, 'node');
    }
    const code = result.outputFiles[0].contents;
    const packages = [
      ...new Set(
        Object.keys(result.metafile.inputs).flatMap((input) => {
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
          return match ? [match[1]] : [];
        }),
      ),
    ].sort();
    rows.push({ entry, platform, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, packages });
  }
  const imports = [];
  const main = fileURLToPath(new URL('dist/index.js', root));
  if (existsSync(main)) {
    for (const [name, names] of Object.entries(TYPICAL_IMPORTS)) {
      const contents = `export { ${names.join(', ')} } from ${JSON.stringify(main)};`;
      const result = await bundle(undefined, 'browser', { contents, resolveDir: fileURLToPath(root), loader: 'js' });
      const code = result.outputFiles[0].contents;
      imports.push({ name, names, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    }
  }
  const core = rows.find((row) => row.entry === pkg.name);
  const qrInCore = core ? core.packages.filter((name) => QR_PACKAGES.includes(name)) : [];
  return { rows, imports, coreFreeOfQr: core !== undefined && qrInCore.length === 0, qrInCore };
}
