// A corpus of degraded QR pictures, made the same way on every run (seeded): the code is sampled
// straight from its module matrix through a geometric mapping (rotation, perspective, barrel
// distortion, a curl), then lit and spoiled (shading, low contrast, blur, noise, low-quality JPEG,
// inversion, a covering hand), at several strengths each. Plus pictures that hold no code at all.
import { decode as decodeJpeg, encode as encodeJpeg } from 'jpeg-js';
import type { RgbaImage } from '../../src/core/image.js';
import { buildKeyUri } from '../../src/core/key-uri.js';
import { encodeMigration } from '../../src/core/formats/migration/migration.js';
import { renderQr } from '../../src/qr/render.js';
import type { ErrorCorrection } from '../../src/qr/error-correction.js';
import { seededRandom } from '../support/images.js';

export interface CorpusPicture {
  name: string;
  image: RgbaImage;
  /** The text in the code; null for a picture without one. */
  text: string | null;
}

/** Grey levels 0 (black) … 1 (white), row by row. */
interface Grey {
  v: Float32Array;
  width: number;
  height: number;
}

/** The code as a matrix of booleans (true = dark) including a 4-module quiet zone. */
interface Matrix {
  size: number;
  dark: (col: number, row: number) => boolean;
}

function matrixOf(text: string, errorCorrection: ErrorCorrection = 'M'): Matrix {
  const image = renderQr(text, { format: 'pixels', scale: 1, margin: 4, errorCorrection });
  return { size: image.width, dark: (c, r) => image.data[(r * image.width + c) * 4]! < 128 };
}

/** Maps a picture pixel to code coordinates in [0, 1]² (outside: not on the code). */
type Mapping = (x: number, y: number) => [number, number];

/** The code drawn through `map` on a background `background(x, y)`, 2×2 samples per pixel. */
function draw(
  m: Matrix,
  width: number,
  height: number,
  map: Mapping,
  background: (x: number, y: number) => number = () => 0.25,
): Grey {
  const v = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (const [dx, dy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const) {
        const [u, w] = map(x + dx, y + dy);
        if (u < 0 || u >= 1 || w < 0 || w >= 1) sum += background(x, y);
        else sum += m.dark(Math.floor(u * m.size), Math.floor(w * m.size)) ? 0.08 : 0.95;
      }
      v[y * width + x] = sum / 4;
    }
  }
  return { v, width, height };
}

/** The code `side` pixels wide, centred at (cx, cy), turned by `degrees`. */
function placed(side: number, cx: number, cy: number, degrees = 0): Mapping {
  const a = (-degrees * Math.PI) / 180;
  const cos = Math.cos(a),
    sin = Math.sin(a);
  return (x, y) => {
    const dx = x - cx,
      dy = y - cy;
    return [(cos * dx - sin * dy) / side + 0.5, (sin * dx + cos * dy) / side + 0.5];
  };
}

/** The code's four corners (top-left, top-right, bottom-right, bottom-left) at these points. */
function perspective(corners: Array<[number, number]>): Mapping {
  // The homography from the picture to the unit square, from the 4 point pairs (8 unknowns).
  const square = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  const a: number[][] = [];
  corners.forEach(([x, y], i) => {
    const [u, v] = square[i]!;
    a.push([x, y, 1, 0, 0, 0, -u! * x, -u! * y, u!]);
    a.push([0, 0, 0, x, y, 1, -v! * x, -v! * y, v!]);
  });
  const h = solve(a);
  return (x, y) => {
    const d = h[6]! * x + h[7]! * y + 1;
    return [(h[0]! * x + h[1]! * y + h[2]!) / d, (h[3]! * x + h[4]! * y + h[5]!) / d];
  };
}

/** Gaussian elimination on an augmented n × (n+1) matrix. */
function solve(a: number[][]): number[] {
  const n = a.length;
  for (let i = 0; i < n; i++) {
    let pivot = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(a[r]![i]!) > Math.abs(a[pivot]![i]!)) pivot = r;
    [a[i], a[pivot]] = [a[pivot]!, a[i]!];
    for (let r = 0; r < n; r++) {
      if (r === i) continue;
      const f = a[r]![i]! / a[i]![i]!;
      for (let c = i; c <= n; c++) a[r]![c]! -= f * a[i]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** Barrel (k > 0) or pincushion (k < 0) lens distortion around the picture's centre. */
function barrel(map: Mapping, width: number, height: number, k: number): Mapping {
  const cx = width / 2,
    cy = height / 2,
    r0 = Math.hypot(cx, cy);
  return (x, y) => {
    const dx = (x - cx) / r0,
      dy = (y - cy) / r0;
    const f = 1 + k * (dx * dx + dy * dy);
    return map(cx + dx * f * r0, cy + dy * f * r0);
  };
}

/** Paper curled round a vertical cylinder: the columns bunch up towards the sides. */
function curl(map: Mapping, cx: number, radius: number): Mapping {
  return (x, y) => {
    const t = Math.max(-1, Math.min(1, (x - cx) / radius));
    return map(cx + Math.asin(t) * radius, y);
  };
}

function perPixel(g: Grey, f: (value: number, x: number, y: number) => number): Grey {
  const v = new Float32Array(g.v.length);
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++) v[y * g.width + x] = f(g.v[y * g.width + x]!, x, y);
  return { ...g, v };
}

/** A box blur of `radius`, run twice (close to a Gaussian). */
function boxBlur(g: Grey, radius: number): Grey {
  let v = g.v;
  for (let pass = 0; pass < 4; pass++) {
    const horizontal = pass % 2 === 0;
    const out = new Float32Array(v.length);
    for (let y = 0; y < g.height; y++) {
      for (let x = 0; x < g.width; x++) {
        let sum = 0,
          n = 0;
        for (let d = -radius; d <= radius; d++) {
          const sx = horizontal ? x + d : x,
            sy = horizontal ? y : y + d;
          if (sx < 0 || sy < 0 || sx >= g.width || sy >= g.height) continue;
          sum += v[sy * g.width + sx]!;
          n++;
        }
        out[y * g.width + x] = sum / n;
      }
    }
    v = out;
  }
  return { ...g, v };
}

function noisy(g: Grey, sigma: number, seed: number): Grey {
  const random = seededRandom(seed);
  // Sum of three uniforms: a bell shape with the given standard deviation.
  return perPixel(g, (value) => value + sigma * 2 * (random() + random() + random() - 1.5));
}

function toRgba(g: Grey): RgbaImage {
  const data = new Uint8ClampedArray(g.v.length * 4);
  for (let i = 0; i < g.v.length; i++) {
    const value = Math.round(Math.max(0, Math.min(1, g.v[i]!)) * 255);
    data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = value;
    data[i * 4 + 3] = 255;
  }
  return { data, width: g.width, height: g.height };
}

function jpeg(image: RgbaImage, quality: number): RgbaImage {
  const encoded = encodeJpeg(
    {
      data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength),
      width: image.width,
      height: image.height,
    },
    quality,
  );
  const decoded = decodeJpeg(encoded.data, { useTArray: true, formatAsRGBA: true });
  return { data: decoded.data, width: decoded.width, height: decoded.height };
}

/** The texts: short and long key URIs, and a dense transfer URI (a high-version code). */
export function corpusTexts(): string[] {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const accounts = Array.from({ length: 6 }, (_, i) => ({
    issuer: `Bank ${i}`,
    account: `kovacs.janos+${i}@example.hu`,
    secret,
  }));
  return [
    buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: 'JBSWY3DPEHPK3PXP' }),
    buildKeyUri({ issuer: 'Example', account: 'anna@example.com', secret, digits: 8, period: 60 }),
    encodeMigration(accounts, { batchSize: 6, batchId: 7 })[0]!,
  ];
}

/** Every degraded picture with its text. */
export function degradedCorpus(): CorpusPicture[] {
  const texts = corpusTexts();
  const pictures: CorpusPicture[] = [];
  const add = (name: string, text: string, image: RgbaImage) => pictures.push({ name, image, text });
  texts.forEach((text, t) => {
    const m = matrixOf(text);
    const W = 640,
      H = 480;
    const plain = (side = 300, degrees = 0) => draw(m, W, H, placed(side, W / 2, H / 2, degrees));
    for (const degrees of [7, 33, 45, 71]) add(`rotated ${degrees}° #${t}`, text, toRgba(plain(300, degrees)));
    for (const radius of [1, 2, 3]) add(`blurred r${radius} #${t}`, text, toRgba(boxBlur(plain(), radius)));
    for (const [name, corners] of [
      [
        'mild',
        [
          [180, 110],
          [470, 130],
          [450, 380],
          [190, 360],
        ],
      ],
      [
        'strong',
        [
          [220, 80],
          [420, 150],
          [430, 330],
          [200, 410],
        ],
      ],
      [
        'steep',
        [
          [150, 150],
          [490, 170],
          [560, 420],
          [80, 410],
        ],
      ],
    ] as const)
      add(
        `perspective ${name} #${t}`,
        text,
        toRgba(draw(m, W, H, perspective(corners as unknown as Array<[number, number]>))),
      );
    for (const k of [0.15, 0.3, 0.5])
      add(`barrel ${k} #${t}`, text, toRgba(draw(m, W, H, barrel(placed(380, W / 2, H / 2), W, H, k))));
    for (const radius of [260, 200, 170])
      add(
        `curled r${radius} #${t}`,
        text,
        toRgba(draw(m, W, H, curl(placed(320, W / 2, H / 2), W / 2, radius), () => 0.1)),
      );
    for (const strength of [0.5, 0.75, 0.9]) {
      // Light falling off to one corner, with a soft shadow band across the code.
      add(
        `shaded ${strength} #${t}`,
        text,
        toRgba(
          perPixel(
            plain(),
            (v, x, y) => v * (1 - strength * (x / W) * (y / H)) * (Math.abs(x - y - 40) < 50 ? 1 - strength / 2 : 1),
          ),
        ),
      );
    }
    for (const spread of [0.2, 0.1, 0.06])
      add(`low contrast ${spread} #${t}`, text, toRgba(perPixel(plain(), (v) => 0.5 + (v - 0.5) * spread)));
    for (const sigma of [0.15, 0.3, 0.45])
      add(`noise σ${sigma} #${t}`, text, toRgba(noisy(plain(260, 12), sigma, 100 + t)));
    for (const quality of [20, 8, 3])
      add(`JPEG q${quality} #${t}`, text, jpeg(toRgba(noisy(plain(220, 9), 0.05, 200 + t)), quality));
    for (const side of [1.6, 2, 2.6]) {
      // Tiny: a picture barely larger than the code, a couple of pixels per module.
      const px = Math.round(m.size * side);
      add(
        `tiny ${side} px/module #${t}`,
        text,
        toRgba(
          boxBlur(
            draw(m, px + 8, px + 8, placed(px, (px + 8) / 2, (px + 8) / 2, 3), () => 0.9),
            0,
          ),
        ),
      );
    }
    add(
      `dark surroundings #${t}`,
      text,
      toRgba(
        noisy(
          draw(m, W, H, placed(170, 150, 330, 20), (x, y) => 0.05 + 0.1 * Math.sin(x / 37) * Math.cos(y / 23)),
          0.03,
          300 + t,
        ),
      ),
    );
    for (const spread of [1, 0.3])
      add(`inverted contrast ${spread} #${t}`, text, toRgba(perPixel(plain(280, 8), (v) => 0.5 - (v - 0.5) * spread)));
    const cover = (share: number, ec: ErrorCorrection) => {
      const mm = matrixOf(text, ec);
      const map = placed(320, W / 2, H / 2, 4);
      // A hand-coloured patch over the lower right, clear of the three finder patterns.
      return toRgba(
        perPixel(draw(mm, W, H, map), (v, x, y) => {
          const [u, w] = map(x, y);
          return u > 1 - share - 0.12 && u < 0.88 && w > 0.42 && w < 0.42 + share * 1.6 ? 0.62 : v;
        }),
      );
    };
    add(`covered 10% (M) #${t}`, text, cover(0.18, 'M'));
    add(`covered 20% (H) #${t}`, text, cover(0.3, 'H'));
  });
  // Huge: a 12-megapixel photo with a small code in a corner, and a code filling a 4000×3000 frame.
  const m = matrixOf(texts[0]!);
  add(
    'huge, small code',
    texts[0]!,
    toRgba(
      noisy(
        draw(m, 4000, 3000, placed(420, 3100, 900, 10), (x, y) => 0.55 + 0.3 * Math.sin(x / 150) * Math.sin(y / 90)),
        0.04,
        400,
      ),
    ),
  );
  add('huge, large code', texts[0]!, toRgba(draw(m, 4000, 3000, placed(2600, 2000, 1500, -6), () => 0.7)));
  return pictures;
}

/** Pictures without any QR code: flat, noisy, patterned, and finder-pattern look-alikes. */
export function codeFreeCorpus(): CorpusPicture[] {
  const W = 640,
    H = 480;
  const flat = (value: number) => ({ v: new Float32Array(W * H).fill(value), width: W, height: H });
  const pattern = (f: (x: number, y: number) => number) => perPixel(flat(0), (_, x, y) => f(x, y));
  const finder = (cx: number, cy: number, s: number) => (x: number, y: number) => {
    const d = Math.max(Math.abs(x - cx), Math.abs(y - cy)) / s;
    return d < 1.5 ? 0 : d < 2.5 ? 1 : d < 3.5 ? 0 : null;
  };
  // Three finder patterns where a code's corners would be, with noise between: no code inside.
  const finders = [finder(150, 100, 10), finder(450, 100, 10), finder(150, 400, 10)];
  const lookAlike = noisy(
    pattern((x, y) => {
      for (const f of finders) {
        const v = f(x, y);
        if (v !== null) return v;
      }
      return 0.9;
    }),
    0.05,
    501,
  );
  const random = seededRandom(502);
  const blocks = pattern(() => 0.5);
  for (let i = 0; i < 60; i++) {
    const x0 = Math.floor(random() * W),
      y0 = Math.floor(random() * H),
      w = 10 + Math.floor(random() * 80),
      h = 10 + Math.floor(random() * 80),
      value = random();
    for (let y = y0; y < Math.min(H, y0 + h); y++)
      for (let x = x0; x < Math.min(W, x0 + w); x++) blocks.v[y * W + x] = value;
  }
  const pictures: Array<[string, Grey | RgbaImage]> = [
    ['white', flat(1)],
    ['black', flat(0)],
    ['noise', noisy(flat(0.5), 0.4, 503)],
    ['gradient', pattern((x, y) => (x + y) / (W + H))],
    ['checkerboard', pattern((x, y) => ((Math.floor(x / 8) + Math.floor(y / 8)) % 2 ? 0 : 1))],
    ['stripes', pattern((x) => (Math.floor(x / 5) % 3 ? 1 : 0))],
    [
      'text-like lines',
      noisy(
        pattern((x, y) => (y % 24 < 10 && Math.sin(x * 0.9) * Math.sin(x * 0.13 + y) > 0 ? 0.1 : 0.95)),
        0.04,
        504,
      ),
    ],
    ['finder look-alikes', lookAlike],
    ['random blocks', blocks],
    ['blurred noise', boxBlur(noisy(flat(0.5), 0.5, 505), 2)],
  ];
  const out = pictures.map(([name, g]) => ({ name, image: 'v' in g ? toRgba(g) : g, text: null }));
  out.push({ name: 'JPEG noise', image: jpeg(toRgba(noisy(flat(0.5), 0.3, 506)), 5), text: null });
  return out;
}
