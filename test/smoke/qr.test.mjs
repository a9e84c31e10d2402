// Checks the built QR and Node entry points as users get them, and that the CLI and the core entry
// do not load the QR and image libraries up front.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const URI =
  'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.janos?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%C3%9Cgyf%C3%A9lkapu%2B';

for (const [kind, load] of [
  ['ESM', (name) => import(name)],
  ['CJS', async (name) => require(name)],
]) {
  test(`${kind}: totp-lab/qr round trip, with errors from the core's own classes`, async () => {
    const qr = await load('totp-lab/qr');
    const core = await load('totp-lab');
    assert.equal(await qr.scanQr(qr.renderQr(URI, { format: 'pixels' })), URI);
    assert.deepEqual(await qr.scanQrAll(qr.renderQr(URI, { format: 'pixels' }), { expect: 'key-uri' }), [URI]);
    assert.equal(qr.scanQrSync(qr.renderQr(URI, { format: 'pixels' })), URI);
    // Two codes side by side: only ZXing-C++ returns both, so its WebAssembly loaded from the package.
    const other = 'otpauth://totp/B:b?secret=JBSWY3DPEHPK3PXP';
    const [left, right] = [
      qr.renderQr(URI, { format: 'pixels', scale: 3 }),
      qr.renderQr(other, { format: 'pixels', scale: 3 }),
    ];
    const width = left.width + right.width,
      height = Math.max(left.height, right.height);
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    for (const [image, offset] of [
      [left, 0],
      [right, left.width],
    ]) {
      for (let y = 0; y < image.height; y++)
        data.set(image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4), (y * width + offset) * 4);
    }
    assert.deepEqual(await qr.scanQrAll({ data, width, height }), [URI, other]);
    await assert.rejects(
      qr.scanQr({ data: new Uint8Array(3), width: 1, height: 1 }),
      (e) => e instanceof core.TotpLabError && e instanceof core.InvalidImageError && e.code === 'INVALID_IMAGE',
    );
  });

  test(`${kind}: totp-lab/node writes and scans QR files`, async () => {
    const node = await load('totp-lab/node');
    const dir = mkdtempSync(join(tmpdir(), 'totp-lab-smoke-'));
    try {
      await node.writeQrFile(join(dir, 'a.png'), URI);
      assert.equal(await node.scanQrFile(join(dir, 'a.png')), URI);
      writeFileSync(join(dir, 'b.png'), 'text');
      await assert.rejects(node.scanQrFile(join(dir, 'b.png')), (e) => e.code === 'INVALID_IMAGE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the bin: qr --out, scan, and exit codes 0, 1 and 2', () => {
  const bin = join(dist, 'cli.js');
  const runBin = (...args) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  const dir = mkdtempSync(join(tmpdir(), 'totp-lab-smoke-'));
  try {
    const png = join(dir, 'setup.png');
    assert.equal(runBin('qr', URI, '--out', png).status, 0);
    const ok = runBin('scan', png);
    assert.equal(ok.status, 0);
    assert.equal(ok.stdout, `${URI}\n`);
    // Piped: plain text; FORCE_COLOR asks for the colours a terminal gets.
    assert.doesNotMatch(runBin('qr', URI).stdout, /\u001b\[/);
    const forced = spawnSync(process.execPath, [bin, 'qr', URI], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' },
    });
    assert.match(forced.stdout, /\u001b\[30;47m/);
    writeFileSync(join(dir, 'blank.png'), readFileSync(png).subarray(0, 8)); // a PNG signature only
    const bad = runBin('scan', join(dir, 'blank.png'));
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    assert.doesNotMatch(bad.stderr, /\bat .*\.js/);
    const { PNG } = require('pngjs');
    const white = new PNG({ width: 64, height: 48 });
    white.data.fill(255);
    writeFileSync(join(dir, 'white.png'), PNG.sync.write(white));
    const none = runBin('scan', join(dir, 'white.png'));
    assert.equal(none.status, 1);
    assert.equal(none.stdout, 'no QR code found\n');
    assert.equal(runBin('scan', join(dir, 'missing.png')).status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Every module a built file loads up front: its static imports, followed through local chunks. */
function staticImports(file, seen = new Set()) {
  const found = new Set();
  for (const [, name] of readFileSync(file, 'utf8').matchAll(
    /^(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]/gm,
  )) {
    if (name === undefined) continue;
    if (name.startsWith('.')) {
      const next = join(dirname(file), name);
      if (!seen.has(next)) {
        seen.add(next);
        for (const n of staticImports(next, seen)) found.add(n);
      }
    } else {
      found.add(name);
    }
  }
  return found;
}

test('the CLI and the core entry load no QR or image library up front', () => {
  const cliModules = [...staticImports(join(dist, 'cli.js'))];
  assert.ok(cliModules.includes('util') || cliModules.includes('node:util'), 'cli.js imports util (the walk works)');
  for (const file of ['cli.js', 'index.js']) {
    const modules = [...staticImports(join(dist, file))];
    for (const heavy of ['qrcode', 'jsqr', 'pngjs', 'jpeg-js']) {
      assert.ok(!modules.some((m) => m === heavy || m.startsWith(`${heavy}/`)), `${file} loads ${heavy} up front`);
    }
  }
  assert.ok([...staticImports(join(dist, 'qr.js'))].includes('jsqr'), 'qr.js imports jsqr (the walk finds it)');
});
