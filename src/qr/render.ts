/**
 * renderQr: a text (usually an otpauth:// key URI) as a QR code in the form the caller shows it in.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { RgbaImage } from '../core/image.js';
import { ERROR_CORRECTION_LEVELS, type ErrorCorrection } from './error-correction.js';
import { toQrMatrix, type QrMatrix } from './matrix.js';
import { encodePng1Bit } from './png-encode.js';
import { toSvg } from './svg.js';
import { toTerminalText } from './terminal.js';

/** The output forms of {@link renderQr}. */
export type QrFormat = 'png' | 'svg' | 'terminal' | 'dataUrl' | 'pixels';

const FORMATS: readonly QrFormat[] = ['png', 'svg', 'terminal', 'dataUrl', 'pixels'];
/** Largest `scale`: a version 40 symbol at 32 px per module is 5 920 px square. */
export const MAX_QR_SCALE = 32;
const MAX_MARGIN = 32;

export interface RenderQrOptions {
  /** What to return: PNG bytes, an SVG document, terminal text, a PNG data URL, or RGBA pixels. */
  format: QrFormat;
  /** Error correction level (default 'M', as most authenticator setup pages use). */
  errorCorrection?: ErrorCorrection;
  /** Pixels per module for png, dataUrl, pixels and svg (default 4; 1 to 32). Ignored for terminal. */
  scale?: number;
  /** Quiet zone in modules on each side (default 4, as ISO/IEC 18004 §6.3.8 asks; 0 to 32). */
  margin?: number;
  /** terminal only: explicit black-on-white colours (default true); false for NO_COLOR. */
  color?: boolean;
  /** terminal without colour only: ink the dark modules instead of the light ones (default false). */
  invert?: boolean;
}

/**
 * Draws `text` as a QR code.
 *
 * @param text - what the code holds, e.g. a key URI from `buildKeyUri`.
 * @param options - the format and, optionally, error correction, scale and margin.
 * @returns PNG file bytes for 'png'; RGBA pixels for 'pixels'; a string for 'svg', 'terminal'
 *   (lines joined with "\n") and 'dataUrl' (`data:image/png;base64,…`).
 * @throws {InvalidArgumentError} for an unknown option value, an empty text or one too long for a QR code.
 * @example
 * const png = renderQr('otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example', { format: 'png' });
 * console.log(renderQr(uri, { format: 'terminal', color: !process.env.NO_COLOR }));
 */
export function renderQr(text: string, options: RenderQrOptions & { format: 'png' }): Uint8Array;
export function renderQr(text: string, options: RenderQrOptions & { format: 'pixels' }): RgbaImage;
export function renderQr(text: string, options: RenderQrOptions & { format: 'svg' | 'terminal' | 'dataUrl' }): string;
export function renderQr(text: string, options: RenderQrOptions): Uint8Array | RgbaImage | string;
export function renderQr(text: string, options: RenderQrOptions): Uint8Array | RgbaImage | string {
  if (typeof options !== 'object' || options === null || Array.isArray(options) || ArrayBuffer.isView(options)) {
    throw new InvalidArgumentError(`"options" must be an object with a "format", got ${describeValue(options)}`);
  }
  const format = options.format;
  if (!FORMATS.includes(format)) {
    throw new InvalidArgumentError(`"format" must be one of ${FORMATS.join(', ')}, got ${describeValue(format)}`);
  }
  const errorCorrection = options.errorCorrection ?? 'M';
  if (!ERROR_CORRECTION_LEVELS.includes(errorCorrection)) {
    throw new InvalidArgumentError(`"errorCorrection" must be L, M, Q or H, got ${describeValue(errorCorrection)}`);
  }
  const scale = checkWhole(options.scale ?? 4, 'scale', 1, MAX_QR_SCALE);
  const margin = checkWhole(options.margin ?? 4, 'margin', 0, MAX_MARGIN);
  const color = checkBoolean(options.color ?? true, 'color');
  const invert = checkBoolean(options.invert ?? false, 'invert');

  const matrix = toQrMatrix(text, errorCorrection);
  switch (format) {
    case 'terminal':
      return toTerminalText(matrix, { margin, color, invert });
    case 'svg':
      return toSvg(matrix, scale, margin);
    case 'pixels':
      return toPixels(matrix, scale, margin);
    case 'png':
      return toPng(matrix, scale, margin);
    case 'dataUrl':
      return `data:image/png;base64,${toBase64(toPng(matrix, scale, margin))}`;
  }
}

/** One byte per pixel, 1 for dark, with the quiet zone around it. */
function toDarkPixels(matrix: QrMatrix, scale: number, margin: number): { dark: Uint8Array; side: number } {
  const side = (matrix.size + 2 * margin) * scale;
  const dark = new Uint8Array(side * side);
  for (let row = 0; row < matrix.size; row++) {
    const y0 = (row + margin) * scale;
    for (let column = 0; column < matrix.size; column++) {
      if (matrix.dark[row * matrix.size + column] !== 1) continue;
      const x0 = (column + margin) * scale;
      for (let y = y0; y < y0 + scale; y++) dark.fill(1, y * side + x0, y * side + x0 + scale);
    }
  }
  return { dark, side };
}

function toPixels(matrix: QrMatrix, scale: number, margin: number): RgbaImage {
  const { dark, side } = toDarkPixels(matrix, scale, margin);
  const data = new Uint8ClampedArray(side * side * 4);
  for (let i = 0; i < dark.length; i++) {
    const v = dark[i] ? 0 : 255;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { data, width: side, height: side };
}

function toPng(matrix: QrMatrix, scale: number, margin: number): Uint8Array {
  const { dark, side } = toDarkPixels(matrix, scale, margin);
  return encodePng1Bit(dark, side, side);
}

/** Base64 (RFC 4648 §4) via the global btoa, which Node 16+ and every browser have. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function checkWhole(value: unknown, field: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new InvalidArgumentError(
    `"${field}" must be a whole number from ${min} to ${max}, got ${describeValue(value)}`,
  );
}

function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new InvalidArgumentError(`"${field}" must be true or false, got ${describeValue(value)}`);
}
