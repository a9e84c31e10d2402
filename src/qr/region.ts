/**
 * Finds where in a grey picture a QR code probably is, so jsQR can be run on that part alone. A
 * QR code is a patch of strong local contrast (black modules next to white ones) in a picture that
 * is mostly smoother: walls, skin, screens, paper. The picture is cut into 8×8 blocks, the blocks
 * whose darkest and lightest pixels differ a lot are marked, and the largest connected patch of
 * marked blocks, with a margin for the quiet zone, is the region. It is only a guess: a miss just
 * means the whole picture is scanned next.
 */

/** A grey image: one luminance byte per pixel. */
export interface Grey {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** A rectangle within a picture, in pixels. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

const BLOCK = 8;
/** A block counts as busy when its range is at least this, and at least half the busiest block's. */
const MIN_BUSY_RANGE = 48;
/** Fewer busy blocks than this (a 24×24-pixel patch) is too small to be a readable code. */
const MIN_BLOCKS = 9;
/** A region covering more than this share of the picture saves too little to be worth a try. */
const MAX_SHARE = 0.5;

/** The crop that probably holds the QR code, or null when there is no clear candidate. */
export function findQrRegion(grey: Grey): Rect | null {
  const columns = Math.floor(grey.width / BLOCK);
  const rows = Math.floor(grey.height / BLOCK);
  if (columns < 3 || rows < 3) return null;
  const ranges = new Uint8Array(columns * rows);
  let busiest = 0;
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      let min = 255;
      let max = 0;
      for (let y = by * BLOCK; y < (by + 1) * BLOCK; y++) {
        const row = y * grey.width;
        for (let x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) {
          const v = grey.pixels[row + x]!;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      ranges[by * columns + bx] = max - min;
      if (max - min > busiest) busiest = max - min;
    }
  }
  const threshold = Math.max(MIN_BUSY_RANGE, busiest >> 1);
  // The largest 8-connected patch of busy blocks, by flood fill.
  const seen = new Uint8Array(columns * rows);
  const stack: number[] = [];
  let best = { size: 0, x0: 0, y0: 0, x1: 0, y1: 0 };
  for (let start = 0; start < ranges.length; start++) {
    if (seen[start] || ranges[start]! < threshold) continue;
    const patch = { size: 0, x0: columns, y0: rows, x1: 0, y1: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const bx = i % columns;
      const by = (i - bx) / columns;
      patch.size++;
      patch.x0 = Math.min(patch.x0, bx);
      patch.x1 = Math.max(patch.x1, bx);
      patch.y0 = Math.min(patch.y0, by);
      patch.y1 = Math.max(patch.y1, by);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = bx + dx;
          const ny = by + dy;
          if (nx < 0 || ny < 0 || nx >= columns || ny >= rows) continue;
          const j = ny * columns + nx;
          if (!seen[j] && ranges[j]! >= threshold) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (patch.size > best.size) best = patch;
  }
  if (best.size < MIN_BLOCKS) return null;
  // Pad by a quarter of the patch's size (at least two blocks) so the quiet zone is inside.
  const pw = (best.x1 - best.x0 + 1) * BLOCK;
  const ph = (best.y1 - best.y0 + 1) * BLOCK;
  const pad = Math.max(2 * BLOCK, Math.round(Math.max(pw, ph) / 4));
  const left = Math.max(0, best.x0 * BLOCK - pad);
  const top = Math.max(0, best.y0 * BLOCK - pad);
  const width = Math.min(grey.width, (best.x1 + 1) * BLOCK + pad) - left;
  const height = Math.min(grey.height, (best.y1 + 1) * BLOCK + pad) - top;
  if (width * height > MAX_SHARE * grey.width * grey.height) return null;
  return { left, top, width, height };
}

/** Copies a rectangle out of a grey picture. */
export function cropGrey(grey: Grey, region: Rect): Grey {
  const pixels = new Uint8Array(region.width * region.height);
  for (let y = 0; y < region.height; y++) {
    const from = (region.top + y) * grey.width + region.left;
    pixels.set(grey.pixels.subarray(from, from + region.width), y * region.width);
  }
  return { pixels, width: region.width, height: region.height };
}
