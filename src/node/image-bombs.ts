/**
 * Checks that a PNG or JPEG holds as much data as its header promises, before a decoder allocates
 * for the header's size. A 68-byte PNG declaring 8000 × 8000 pixels, or a 23-byte JPEG frame
 * header, would otherwise make pngjs or jpeg-js allocate and loop over a gigabyte for nothing; a
 * PNG whose data inflates beyond its header would fill memory before it is noticed.
 */
import { inflateSync } from 'node:zlib';
import { InvalidImageError } from '../core/errors.js';
import { MAX_IMAGE_PIXELS } from '../qr/image-check.js';

/**
 * The most inflated PNG pixel data accepted: that of the largest 8-bit RGBA image accepted (4 bytes
 * a pixel plus one filter byte a row). A 16-bit RGBA PNG of the largest size declares twice this
 * and is refused from its header, before anything is inflated.
 */
export const MAX_PNG_DATA_BYTES = MAX_IMAGE_PIXELS * 4 + 32_768 * 7;

/** PNG §11.2.2: samples per pixel of each colour type, and the bit depths it allows. */
const PNG_COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** PNG §8.2 (Adam7): each pass's first column and row and its column and row steps. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The exact length of a PNG's inflated pixel data (PNG §7.2, §8.2): each row's bytes plus a filter byte. */
export function pngDataLength(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) total += rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy));
  return total;
}

/**
 * Inflates a PNG's pixel data, never past the length its header declares, and refuses it unless
 * it is exactly that long. Call after the chunks are known to be complete (checkPngChunks).
 *
 * @throws {InvalidImageError} for an unknown colour type or bit depth, more pixel data than
 *   {@link MAX_PNG_DATA_BYTES}, or data that is damaged, short or too long.
 */
export function checkPngData(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = bytes[24]!;
  const colourType = bytes[25]!;
  const interlace = bytes[28]!;
  const colour = PNG_COLOUR_TYPES[colourType];
  if (!colour || !colour.depths.includes(depth) || bytes[26] !== 0 || bytes[27] !== 0 || interlace > 1) {
    throw new InvalidImageError(
      `not a readable PNG image: colour type ${colourType} with bit depth ${depth} is not a PNG format`,
    );
  }
  const expected = pngDataLength(width, height, colour.channels * depth, interlace === 1);
  if (expected > MAX_PNG_DATA_BYTES) {
    throw new InvalidImageError(
      `PNG image must hold at most ${MAX_PNG_DATA_BYTES} bytes of pixel data, its header declares ${expected} (${width} × ${height} at ${colour.channels * depth} bits a pixel)`,
    );
  }
  const parts: Uint8Array[] = [];
  for (let offset = 8; offset + 12 <= bytes.length;) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === 'IDAT') parts.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  let inflated: Buffer;
  try {
    // maxOutputLength: inflating stops with an error as soon as it passes the declared length.
    inflated = inflateSync(Buffer.concat(parts), { maxOutputLength: Math.max(1, expected) });
  } catch (error) {
    throw new InvalidImageError(
      'not a readable PNG image: the pixel data is damaged or longer than the header declares',
      { cause: error },
    );
  }
  if (inflated.length !== expected) {
    throw new InvalidImageError(
      `not a readable PNG image: it holds ${inflated.length} bytes of pixel data where its ${width} × ${height} header declares ${expected}`,
    );
  }
}

/**
 * Checks a JPEG's frame before jpeg-js allocates for it: a coding jpeg-js reads (baseline,
 * extended or progressive Huffman), and at least one bit of scan data for every 8 × 8 block the
 * frame declares (every block carries at least one Huffman code, ITU T.81 §F.1.2, §G.1.2), so a
 * header without the data it promises is refused at once.
 *
 * @throws {InvalidImageError} naming what is missing
 */
export function checkJpegData(bytes: Uint8Array): void {
  let offset = 2;
  let blocks = -1;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2 || offset + 2 + length > bytes.length) break;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (marker > 0xc2)
        throw new InvalidImageError(
          `not a readable JPEG image: frame type SOF${marker - 0xc0} is not supported (only baseline and progressive Huffman coding)`,
        );
      blocks = frameBlocks(bytes.subarray(offset + 4, offset + 2 + length));
    }
    if (marker === 0xda) {
      if (blocks < 0) break;
      const scanBytes = bytes.length - (offset + 2 + length);
      const needed = Math.ceil(blocks / 8);
      if (scanBytes < needed) {
        throw new InvalidImageError(
          `not a readable JPEG image: it holds ${scanBytes} bytes of scan data where its frame of ${blocks} blocks needs at least ${needed}`,
        );
      }
      return;
    }
    if (marker === 0xd9) break;
    offset += 2 + length;
  }
  throw new InvalidImageError('not a readable JPEG image: no frame header and scan data before the data ends');
}

/** The 8 × 8 blocks of all components of a frame (T.81 §A.1.1, §B.2.2). */
function frameBlocks(frame: Uint8Array): number {
  const height = (frame[1]! << 8) | frame[2]!;
  const width = (frame[3]! << 8) | frame[4]!;
  const count = frame[5] ?? 0;
  if (count === 0 || frame.length < 6 + count * 3)
    throw new InvalidImageError('not a readable JPEG image: the frame header is cut short');
  const sampling: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const factors = frame[6 + i * 3 + 1]!;
    sampling.push([Math.max(1, factors >> 4), Math.max(1, factors & 15)]);
  }
  const hMax = Math.max(...sampling.map(([h]) => h));
  const vMax = Math.max(...sampling.map(([, v]) => v));
  let blocks = 0;
  for (const [h, v] of sampling)
    blocks += Math.ceil(Math.ceil((width * h) / hMax) / 8) * Math.ceil(Math.ceil((height * v) / vMax) / 8);
  return blocks;
}
