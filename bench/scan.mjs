// QR readers on the same pixels: scanQr (ZXing-C++ through zxing-wasm, then the jsQR path),
// scanQrSync (the jsQR path that scanQr was before), plain jsQR, and zbar's zbarimg where it is
// installed (apt-get install zbar-tools; skipped otherwise). Times the 1280×720 camera-like frame
// holding a key-URI QR code, a frame without a code, and counts reads over a small set of frames.
// Reports medians; `--json` for machine output. Run after a build: `npm run bench:scan`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { buildKeyUri } from '../dist/index.js';
import { renderQr, scanQr, scanQrSync } from '../dist/qr.js';

const URI = buildKeyUri({
  issuer: 'Ügyfélkapu+',
  account: 'kovacs.janos@example.hu',
  secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
});

/** mulberry32: a seeded PRNG, so every run measures the same pixels. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A camera-like frame: a lit, tinted background with a vignette and a ripple, the code (dark 35,
 * light 225) enlarged `zoom` times at (left, top), a 3×3 blur, and ± `noise` sensor noise.
 */
export function cameraFrame({
  text = URI,
  zoom = 5,
  left = 420,
  top = 150,
  noise = 12,
  seed = 1,
  inverted = false,
  width = 1280,
  height = 720,
} = {}) {
  const code = renderQr(text, { format: 'pixels', scale: 1 });
  const grey = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x / width - 0.5;
      const dy = y / height - 0.5;
      grey[y * width + x] = 200 - 160 * (dx * dx + dy * dy) + 30 * Math.sin(x / 97) * Math.cos(y / 53);
    }
  }
  const side = Math.floor(code.width * zoom);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const tx = left + x;
      const ty = top + y;
      if (tx >= width || ty >= height) continue;
      const dark = code.data[(Math.floor(y / zoom) * code.width + Math.floor(x / zoom)) * 4] === 0;
      grey[ty * width + tx] = dark !== inverted ? 35 : 225;
    }
  }
  const random = seeded(seed);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let n = 0;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++, n++) sum += grey[yy * width + xx];
      }
      const v = sum / n;
      const p = (y * width + x) * 4;
      data[p] = v * 0.9 + (random() * 2 - 1) * noise;
      data[p + 1] = v * 0.95 + (random() * 2 - 1) * noise;
      data[p + 2] = v * 1.05 + (random() * 2 - 1) * noise;
      data[p + 3] = 255;
    }
  }
  return { data, width, height };
}

const plainJsQr = (f) => jsQR(f.data, f.width, f.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** zbarimg on a frame written as a PGM file, or null where zbar is not installed. */
function zbarReader() {
  if (spawnSync('zbarimg', ['--version']).status !== 0) return null;
  const dir = mkdtempSync(join(os.tmpdir(), 'totp-lab-bench-zbar-'));
  const read = (f) => {
    const grey = Buffer.alloc(f.width * f.height);
    for (let i = 0; i < grey.length; i++)
      grey[i] = (54 * f.data[i * 4] + 183 * f.data[i * 4 + 1] + 19 * f.data[i * 4 + 2] + 128) >> 8;
    const file = join(dir, 'frame.pgm');
    writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${f.width} ${f.height}\n255\n`), grey]));
    const result = spawnSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', file], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.split('\n')[0] : null;
  };
  return { read, close: () => rmSync(dir, { recursive: true, force: true }) };
}

async function timeIt(fn, runs) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/** Times every reader on the same frames, alternating, and counts what each reads. */
export async function benchScan({ runs = 15 } = {}) {
  const zbar = zbarReader();
  try {
    const readers = {
      scanQr: (f) => scanQr(f),
      'scanQr (cascade off)': (f) => scanQr(f, { cascade: false }),
      scanQrSync: (f) => scanQrSync(f),
      jsQR: (f) => plainJsQr(f),
      ...(zbar && { zbarimg: (f) => zbar.read(f) }),
    };
    const frame = cameraFrame();
    for (const [name, read] of Object.entries(readers)) {
      for (let i = 0; i < 2; i++)
        if ((await read(frame)) !== URI) throw new Error(`${name} did not read the benchmark frame`);
    }
    // Alternating rounds, so a busy moment on the machine falls on every reader alike.
    const times = Object.fromEntries(Object.keys(readers).map((k) => [k, []]));
    for (let r = 0; r < runs; r++) {
      for (const [name, read] of Object.entries(readers)) times[name].push(await timeIt(() => read(frame), 1));
    }
    const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));

    // Reads on a set of test frames: every frame plain jsQR reads, scanQr must read too.
    const set = [
      ...[3, 4, 5, 6, 8].map((zoom) => ({ zoom, seed: zoom })),
      { zoom: 2.2, noise: 6, seed: 10 },
      { zoom: 5, noise: 4, left: 80, top: 40, seed: 11 },
      { zoom: 4, noise: 20, seed: 12 },
      { zoom: 4, noise: 40, seed: 16 },
      { zoom: 5, inverted: true, seed: 13 },
      { zoom: 6, left: 900, top: 300, seed: 14 },
      {
        zoom: 4.5,
        text: buildKeyUri({ issuer: 'Example', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }),
        seed: 15,
      },
    ];
    const reads = Object.fromEntries(Object.keys(readers).map((k) => [k, 0]));
    let lost = 0;
    for (const options of set) {
      const f = cameraFrame(options);
      const expected = options.text ?? URI;
      const got = {};
      for (const [name, read] of Object.entries(readers)) reads[name] += got[name] = (await read(f)) === expected;
      if (got.jsQR && !got.scanQr) lost++;
    }
    // The other cases, for honesty: a smaller code, and a frame with no code at all (what a webcam
    // loop sees most of the time).
    const others = {};
    for (const [name, options] of [
      ['3 px per module', { zoom: 3, noise: 8 }],
      ['no code in the frame', { left: 5000 }],
    ]) {
      const f = cameraFrame(options);
      const row = {};
      for (const [reader, read] of Object.entries(readers)) row[`${reader}Ms`] = await timeIt(() => read(f), 5);
      others[name] = { ...row, scanQrMs: row.scanQrMs, jsQRMs: row.jsQRMs, ratio: row.scanQrMs / row.jsQRMs };
    }
    return {
      others,
      frame: '1280×720, key URI QR about 300 px square (5 px per module), blur and noise',
      runs,
      scanQrMs: ms.scanQr,
      scanQrSyncMs: ms.scanQrSync,
      jsQRMs: ms.jsQR,
      zbarimgMs: ms.zbarimg ?? null,
      zbar: zbar
        ? 'zbarimg, one process per frame (start-up and a PGM file included)'
        : 'not installed (apt-get install zbar-tools)',
      ratio: ms.scanQr / ms.jsQR,
      scanQrSyncRatio: ms.scanQrSync / ms.jsQR,
      successRate: { frames: set.length, ...reads, readByJsQROnlyLost: lost },
    };
  } finally {
    zbar?.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchScan();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ cores: os.cpus().length, node: process.version, ...result }, null, 2));
  } else {
    const s = result.successRate;
    console.log(
      `node ${process.version}, ${os.cpus().length} cores; medians of ${result.runs} runs on a ${result.frame}`,
    );
    console.log(
      `scanQr ${result.scanQrMs.toFixed(1)} ms   scanQrSync ${result.scanQrSyncMs.toFixed(1)} ms   jsQR ${result.jsQRMs.toFixed(1)} ms   zbar ${result.zbarimgMs === null ? result.zbar : `${result.zbarimgMs.toFixed(1)} ms (${result.zbar})`}`,
    );
    console.log(
      `scanQr / jsQR ×${result.ratio.toFixed(2)} (target ≤ 0.5); scanQrSync / jsQR ×${result.scanQrSyncRatio.toFixed(2)}`,
    );
    for (const [name, o] of Object.entries(result.others))
      console.log(
        `  ${name}: ${Object.entries(o)
          .filter(([k]) => k.endsWith('Ms'))
          .map(([k, v]) => `${k.slice(0, -2)} ${v.toFixed(1)} ms`)
          .join('   ')}`,
      );
    console.log(
      `test frames read (of ${s.frames}): ${Object.entries(s)
        .filter(([k]) => k !== 'frames' && k !== 'readByJsQROnlyLost')
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; read by jsQR but not scanQr: ${s.readByJsQROnlyLost}`,
    );
  }
}
