// (6) The size a browser user pays: each package entry point that exists in dist/, bundled for the
// browser with esbuild (minified, dependencies included), then gzipped. What loads with the page is
// measured apart from what the code loads on demand through import() (the readers of encrypted and
// zipped export files, their cryptography and the zip reader): an app pays for those only when it
// reads such a file, as a bundler that splits code serves them.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Leaves every import() out of the bundle: what is left is what loads at once. */
const onDemandLeftOut = {
  name: 'on-demand-left-out',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

async function bundleOnce(path, platform, eagerOnly) {
  const result = await build({
    entryPoints: [path],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    // node: modules are never part of a browser bundle; a Node bundle leaves them to Node.
    external: ['node:*'],
    plugins: eagerOnly ? [onDemandLeftOut] : [],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const packages = [
    ...new Set(
      Object.keys(result.metafile.inputs).flatMap((input) => {
        const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        return match ? [match[1]] : [];
      }),
    ),
  ].sort();
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, packages };
}

/** What loads at once (`bytes`, `gzipBytes`, `packages`) and all of it with what may load on demand (`all…`). */
async function bundle(path, platform) {
  const now = await bundleOnce(path, platform, true);
  const all = await bundleOnce(path, platform, false);
  return {
    ...now,
    allBytes: all.bytes,
    allGzipBytes: all.gzipBytes,
    onDemandPackages: all.packages.filter((p) => !now.packages.includes(p)),
  };
}

/**
 * Rows { entry, platform, bytes, gzipBytes, packages, all… } for every ESM entry in package.json
 * "exports" that is built, and { name, names, bytes, gzipBytes, all… } for each typical import
 * from `totp-lab`: `bytes` and `gzipBytes` load at once, `allBytes` and `allGzipBytes` count what
 * the code may load on demand too.
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
    let sizes;
    try {
      sizes = await bundle(path, 'browser');
    } catch {
      platform = 'node';
      sizes = await bundle(path, 'node');
    }
    rows.push({ entry, platform, ...sizes });
  }
  const imports = [];
  const main = fileURLToPath(new URL('dist/index.js', root));
  if (existsSync(main)) {
    const dir = mkdtempSync(join(tmpdir(), 'totp-lab-imports-'));
    try {
      for (const [name, names] of Object.entries(TYPICAL_IMPORTS)) {
        const app = join(dir, `${name.replace(/\W+/g, '-')}.js`);
        writeFileSync(app, `export { ${names.join(', ')} } from ${JSON.stringify(main)};`);
        imports.push({ name, names, ...(await bundle(app, 'browser')) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const core = rows.find((row) => row.entry === pkg.name);
  const qrInCore = core
    ? [...core.packages, ...core.onDemandPackages].filter((name) => QR_PACKAGES.includes(name))
    : [];
  return { rows, imports, coreFreeOfQr: core !== undefined && qrInCore.length === 0, qrInCore };
}
