// scanQr against plain jsQR on the same 1280×720 camera-like frame holding a key-URI QR code, plus
// the success rate of both over a small set of QR test frames. Reports medians; `--json` for
// machine output. Run after a build: `npm run bench:scan`.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { buildKeyUri } from '../dist/index.js';
import { renderQr, scanQr } from '../dist/qr.js';

const URI = buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos@example.hu', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' });

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
export function cameraFrame({ text = URI, zoom = 5, left = 420, top = 150, noise = 12, seed = 1, inverted = false, width = 1280, height = 720 } = {}) {
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

/** Times both scanners on the same frame, alternating, and checks both read it. */
export function benchScan({ runs = 15 } = {}) {
  const frame = cameraFrame();
  const subjects = { 'totp-lab scanQr': () => scanQr(frame), 'jsQR (attemptBoth)': () => plainJsQr(frame) };
  for (const [name, fn] of Object.entries(subjects)) {
    for (let i = 0; i < 3; i++) if (fn() !== URI) throw new Error(`${name} did not read the benchmark frame`);
  }
  const times = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of Object.entries(subjects)) {
      const start = process.hrtime.bigint();
      fn();
      times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const scanMs = median(times['totp-lab scanQr']);
  const jsqrMs = median(times['jsQR (attemptBoth)']);

  // Success rate on a set of test frames: every frame plain jsQR reads, scanQr must read too.
  const set = [
    ...[3, 4, 5, 6, 8].map((zoom) => ({ zoom, seed: zoom })),
    { zoom: 5, noise: 4, left: 80, top: 40, seed: 11 },
    { zoom: 4, noise: 20, seed: 12 },
    { zoom: 5, inverted: true, seed: 13 },
    { zoom: 6, left: 900, top: 300, seed: 14 },
    { zoom: 4.5, text: buildKeyUri({ issuer: 'Example', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }), seed: 15 },
  ];
  let jsqrRead = 0;
  let scanRead = 0;
  let lost = 0;
  for (const options of set) {
    const f = cameraFrame(options);
    const expected = options.text ?? URI;
    const a = plainJsQr(f) === expected;
    const b = scanQr(f) === expected;
    jsqrRead += a;
    scanRead += b;
    if (a && !b) lost++;
  }
  // The other cases, for honesty: a smaller code, and a frame with no code at all (the slow case).
  const others = {};
  for (const [name, options] of [['3 px per module', { zoom: 3, noise: 8 }], ['no code in the frame', { left: 5000 }]]) {
    const f = cameraFrame(options);
    const a = [];
    const b = [];
    for (let r = 0; r < 5; r++) {
      let start = process.hrtime.bigint();
      plainJsQr(f);
      a.push(Number(process.hrtime.bigint() - start) / 1e6);
      start = process.hrtime.bigint();
      scanQr(f);
      b.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    others[name] = { scanQrMs: median(b), jsQRMs: median(a), ratio: median(b) / median(a) };
  }
  return {
    others,
    frame: '1280×720, key URI QR about 300 px square (5 px per module), blur and noise',
    runs,
    scanQrMs: scanMs,
    jsQRMs: jsqrMs,
    ratio: scanMs / jsqrMs,
    successRate: { frames: set.length, jsQR: jsqrRead, scanQr: scanRead, readByJsQROnlyLost: lost },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = benchScan();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ cores: os.cpus().length, node: process.version, ...result }, null, 2));
  } else {
    const s = result.successRate;
    console.log(`node ${process.version}, ${os.cpus().length} cores; medians of ${result.runs} runs on a ${result.frame}`);
    console.log(`scanQr ${result.scanQrMs.toFixed(1)} ms   jsQR ${result.jsQRMs.toFixed(1)} ms   ratio ×${result.ratio.toFixed(2)} (target ≤ 0.5)`);
    for (const [name, o] of Object.entries(result.others)) console.log(`  ${name}: scanQr ${o.scanQrMs.toFixed(1)} ms   jsQR ${o.jsQRMs.toFixed(1)} ms   ratio ×${o.ratio.toFixed(2)}`);
    console.log(`test frames read: scanQr ${s.scanQr}/${s.frames}, jsQR ${s.jsQR}/${s.frames}; read by jsQR but not scanQr: ${s.readByJsQROnlyLost}`);
  }
}
