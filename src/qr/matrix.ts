/**
 * The QR symbol as a square grid of modules, built with qrcode's pure encoder (ISO/IEC 18004).
 * Every output format (pixels, PNG, SVG, terminal) is drawn from this one grid.
 */
import { create } from 'qrcode/lib/core/qrcode.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { ErrorCorrection } from './error-correction.js';

/** The symbol's modules, row by row: `dark[row * size + column]` is 1 for a dark module. */
export interface QrMatrix {
  /** Modules per side, without the quiet zone (21 for version 1, up to 177 for version 40). */
  size: number;
  dark: Uint8Array;
  /** The QR version (1–40) the encoder chose for the text. */
  version: number;
}

/**
 * Encodes `text` (UTF-8 in byte mode, or the more compact numeric/alphanumeric modes where they fit)
 * into a QR module grid.
 *
 * @throws {InvalidArgumentError} if `text` is not a non-empty string or does not fit in a version 40 symbol.
 */
export function toQrMatrix(text: string, errorCorrection: ErrorCorrection): QrMatrix {
  if (typeof text !== 'string' || text.length === 0) {
    throw new InvalidArgumentError(`"text" must be a non-empty string, got ${describeValue(text)}`);
  }
  let symbol;
  try {
    symbol = create(text, { errorCorrectionLevel: errorCorrection });
  } catch (error) {
    // The encoder's only failure for a non-empty string is a text too long for version 40. The
    // message gives the size only: the text may be a key URI, and its secret must not be echoed.
    const bytes = new TextEncoder().encode(text).length;
    throw new InvalidArgumentError(
      `"text" must fit in a QR code (at most 2953 bytes at level L, fewer at higher levels), got ${bytes} bytes at level ${errorCorrection}`,
      { cause: error },
    );
  }
  const { size, data } = symbol.modules;
  const dark = new Uint8Array(size * size);
  for (let i = 0; i < dark.length; i++) dark[i] = data[i]! & 1;
  return { size, dark, version: symbol.version };
}
