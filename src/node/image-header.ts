/**
 * Recognises PNG and JPEG by their first bytes (never by file name) and reads their dimensions from
 * the header, so an oversized image is refused before any pixel is decoded.
 */
import { InvalidImageError, describeValue } from '../core/errors.js';
import { checkBytes } from '../core/input.js';

export type ImageType = 'png' | 'jpeg';

/** PNG §5.2: the 8-byte signature. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image type from the magic bytes, or null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  checkBytes(bytes, 'bytes');
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  // JPEG (ITU T.81 §B.1.1.3): SOI marker FFD8, then the next marker's FF.
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/**
 * Width and height from the header: PNG's IHDR chunk, or a JPEG's frame header (SOFn).
 *
 * @throws {InvalidImageError} if the header is missing or cut short.
 */
export function readImageSize(bytes: Uint8Array, type: ImageType): { width: number; height: number } {
  checkBytes(bytes, 'bytes');
  if (type !== 'png' && type !== 'jpeg')
    throw new InvalidImageError(`image type must be png or jpeg, got ${describeValue(type)}`);
  return type === 'png' ? pngSize(bytes) : jpegSize(bytes);
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  // PNG §5.6: IHDR comes first: length 13, type "IHDR", width, height (4 bytes each, big-endian).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isIhdr =
    bytes.length >= 24 && view.getUint32(8) === 13 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
  if (!isIhdr) throw new InvalidImageError('not a readable PNG image: the IHDR header is missing or cut short');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte (T.81 §B.1.1.2)
      continue;
    }
    // Markers without a length: TEM and RST0–7 (T.81 Table B.1).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    // SOF0–15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (offset + 9 > bytes.length) break;
      return {
        height: (bytes[offset + 5]! << 8) | bytes[offset + 6]!,
        width: (bytes[offset + 7]! << 8) | bytes[offset + 8]!,
      };
    }
    if (marker === 0xda || marker === 0xd9 || length < 2) break; // scan data or end before any frame header
    offset += 2 + length;
  }
  throw new InvalidImageError('not a readable JPEG image: no frame header before the data ends');
}

/**
 * Walks a PNG's chunks (PNG §5.3) and checks that each one is complete and that the file ends with
 * IEND. pngjs decodes a file cut short without complaint, filling the missing rows, so a truncated
 * download would otherwise pass as a picture.
 *
 * @throws {InvalidImageError} if a chunk runs past the end of the data or IEND is missing.
 */
export function checkPngChunks(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = PNG_SIGNATURE.length;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (offset + 12 + length > bytes.length) break;
    if (type === 'IEND') return;
    offset += 12 + length;
  }
  throw new InvalidImageError('not a readable PNG image: the file is cut short (no complete IEND chunk)');
}
