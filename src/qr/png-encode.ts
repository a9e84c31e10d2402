/**
 * A minimal PNG encoder for black-and-white images (PNG spec, W3C 2003 / ISO 15948): 1-bit
 * greyscale, no filtering, and a zlib stream of "stored" (uncompressed) deflate blocks. QR images
 * are small at 1 bit per pixel, so compression would save little; in exchange this is pure
 * TypeScript that runs unchanged in browsers and Node.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** RFC 1951 §3.2.4: a stored block holds at most 65 535 bytes. */
const MAX_STORED = 0xffff;

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, the polynomial PNG §5.5 uses) of `bytes`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Adler-32 (RFC 1950 §8) of `bytes`, the checksum that ends a zlib stream. */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the largest run before b can overflow 2^32 (RFC 1950's reference code uses it too).
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(i + 5552, bytes.length);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Wraps `raw` in a zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4). */
export function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / MAX_STORED));
  const out = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  out[0] = 0x78; // CMF: deflate, 32 KiB window
  out[1] = 0x01; // FLG: no dictionary, fastest; (0x78 * 256 + 0x01) % 31 === 0
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * MAX_STORED;
    const length = Math.min(MAX_STORED, raw.length - start);
    out[o++] = b === blocks - 1 ? 1 : 0; // BFINAL, BTYPE 00 (stored)
    out[o++] = length & 0xff;
    out[o++] = length >>> 8;
    out[o++] = ~length & 0xff;
    out[o++] = (~length >>> 8) & 0xff;
    out.set(raw.subarray(start, start + length), o);
    o += length;
  }
  writeUint32(out, o, adler32(raw));
  return out;
}

/**
 * Encodes a black-and-white image as a 1-bit greyscale PNG.
 *
 * @param dark - one byte per pixel, row by row: non-zero for black.
 * @returns the PNG file's bytes.
 */
export function encodePng1Bit(dark: Uint8Array, width: number, height: number): Uint8Array {
  const stride = Math.ceil(width / 8);
  const raw = new Uint8Array((stride + 1) * height); // each row: filter byte 0, then the bits
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    for (let x = 0; x < width; x++) {
      // Greyscale 1-bit: 1 is white, 0 is black; the most significant bit is the leftmost pixel.
      if (!dark[y * width + x]) raw[row + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = new Uint8Array(13);
  writeUint32(header, 0, width);
  writeUint32(header, 4, height);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, colour type 0 (greyscale), deflate, filter 0, no interlace
  const chunks = [chunk('IHDR', header), chunk('IDAT', zlibStored(raw)), chunk('IEND', new Uint8Array(0))];
  const png = new Uint8Array(SIGNATURE.length + chunks.reduce((n, c) => n + c.length, 0));
  png.set(SIGNATURE, 0);
  let o = SIGNATURE.length;
  for (const c of chunks) {
    png.set(c, o);
    o += c.length;
  }
  return png;
}

/** A PNG chunk (§5.3): length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeUint32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  writeUint32(out, 8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function writeUint32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value >>> 24;
  bytes[offset + 1] = (value >>> 16) & 0xff;
  bytes[offset + 2] = (value >>> 8) & 0xff;
  bytes[offset + 3] = value & 0xff;
}
