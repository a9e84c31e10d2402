// Test pictures made on the fly: camera-like frames, noise, blur, inversion, low contrast, and a
// terminal QR code drawn back into pixels. Deterministic (seeded) so failures reproduce.
import type { RgbaImage } from '../../src/core/image.js';

/** A small seeded PRNG (mulberry32): uniform floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function blankImage(
  width: number,
  height: number,
  rgb: (x: number, y: number) => [number, number, number],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgb(x, y);
      const p = (y * width + x) * 4;
      data[p] = r;
      data[p + 1] = g;
      data[p + 2] = b;
      data[p + 3] = 255;
    }
  }
  return { data, width, height };
}

/** Draws `picture` into `target` at (left, top), enlarged by `zoom` (nearest neighbour, fractional allowed). */
export function paste(target: RgbaImage, picture: RgbaImage, left: number, top: number, zoom = 1): RgbaImage {
  const w = Math.floor(picture.width * zoom);
  const h = Math.floor(picture.height * zoom);
  for (let y = 0; y < h; y++) {
    const ty = top + y;
    if (ty < 0 || ty >= target.height) continue;
    const sy = Math.min(picture.height - 1, Math.floor(y / zoom));
    for (let x = 0; x < w; x++) {
      const tx = left + x;
      if (tx < 0 || tx >= target.width) continue;
      const sx = Math.min(picture.width - 1, Math.floor(x / zoom));
      const s = (sy * picture.width + sx) * 4;
      const t = (ty * target.width + tx) * 4;
      for (let c = 0; c < 4; c++) target.data[t + c] = picture.data[s + c]!;
    }
  }
  return target;
}

/** Adds uniform noise of ± `amplitude` to every channel. */
export function addNoise(image: RgbaImage, amplitude: number, random: () => number): RgbaImage {
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i++) {
    data[i] = (i & 3) === 3 ? 255 : image.data[i]! + Math.round((random() * 2 - 1) * amplitude);
  }
  return { data, width: image.width, height: image.height };
}

/** A 3×3 box blur, like a slightly soft camera. */
export function blur(image: RgbaImage): RgbaImage {
  const { width, height } = image;
  const data = new Uint8ClampedArray(image.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
            sum += image.data[(yy * width + xx) * 4 + c]!;
            n++;
          }
        }
        data[(y * width + x) * 4 + c] = Math.round(sum / n);
      }
      data[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { data, width, height };
}

/** Maps every channel v to f(v) (inversion, low contrast, …). */
export function mapChannels(image: RgbaImage, f: (v: number) => number): RgbaImage {
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (i & 3) === 3 ? image.data[i]! : f(image.data[i]!);
  return { data, width: image.width, height: image.height };
}

/**
 * A 1280×720 camera-like frame: a lit, tinted background with a vignette, the code enlarged by
 * `zoom` pixels per source pixel at (left, top), softened and with sensor noise.
 */
export function cameraFrame(
  code: RgbaImage,
  options: { zoom: number; left: number; top: number; seed: number; width?: number; height?: number; noise?: number },
): RgbaImage {
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  const frame = blankImage(width, height, (x, y) => {
    const dx = x / width - 0.5;
    const dy = y / height - 0.5;
    const light = 200 - 160 * (dx * dx + dy * dy) + 30 * Math.sin(x / 97) * Math.cos(y / 53);
    return [light * 0.9, light * 0.95, light * 1.05];
  });
  paste(
    frame,
    mapChannels(code, (v) => (v === 0 ? 35 : 225)),
    options.left,
    options.top,
    options.zoom,
  );
  return addNoise(blur(frame), options.noise ?? 18, seededRandom(options.seed));
}

/**
 * Draws terminal text (half-block characters, ANSI escapes ignored) as pixels: each character
 * cell is `cell` pixels wide and 2 × `cell` tall, inked characters in `ink`, the rest in `paper`.
 */
export function rasteriseTerminal(text: string, ink: number, paper: number, cell = 4): RgbaImage {
  // eslint-disable-next-line no-control-regex
  const lines = text.split('\n').map((line) => [...line.replace(/\u001b\[[0-9;]*m/g, '')]);
  const columns = Math.max(...lines.map((l) => l.length));
  const width = columns * cell;
  const height = lines.length * 2 * cell;
  return blankImage(width, height, (x, y) => {
    const ch = lines[Math.floor(y / (2 * cell))]?.[Math.floor(x / cell)] ?? ' ';
    const upper = Math.floor(y / cell) % 2 === 0;
    const inked = ch === '\u2588' || (upper ? ch === '\u2580' : ch === '\u2584');
    const v = inked ? ink : paper;
    return [v, v, v];
  });
}
