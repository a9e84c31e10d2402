/**
 * scanQr and scanQrAll: read QR codes from RGBA pixels with ZXing-C++ (zxing-wasm), which reads
 * far more real photos than jsQR (curled paper, small codes in large frames, dense codes, partly
 * covered codes, low resolution at an angle), then with the jsQR path where ZXing finds nothing,
 * and with the jsQR path alone where WebAssembly cannot load. Async because loading and calling
 * WebAssembly is; {@link scanQrSync} is the synchronous jsQR-only reader that `scanQr` used to be.
 */
import {
  InvalidArgumentError,
  InvalidKeyUriError,
  InvalidMigrationError,
  TotpLabError,
  describeValue,
} from '../core/errors.js';
import type { RgbaImage } from '../core/image.js';
import { parseKeyUri } from '../core/key-uri.js';
import { decodeMigration } from '../core/formats/migration/migration.js';
import { checkRgbaImage } from './image-check.js';
import { scanQrSync } from './jsqr-scan.js';
import { loadZxing, type ZxingCode } from './zxing-reader.js';

/**
 * What a scan is for. `'any'` (the default) takes any text; the others keep only codes whose text
 * is valid for the purpose and refuse a picture whose codes hold something else.
 * - `'key-uri'`: an otpauth:// key URI that parseKeyUri accepts
 * - `'migration'`: an otpauth-migration:// transfer URI that decodeMigration accepts
 * - `'otpauth'`: either of the two
 */
export type QrContent = 'any' | 'key-uri' | 'migration' | 'otpauth';

/** The values {@link QrContent} takes, for option parsing. */
export const QR_CONTENTS: readonly QrContent[] = ['any', 'key-uri', 'migration', 'otpauth'];

/** Options of {@link scanQr} and {@link scanQrAll}. */
export interface ScanQrOptions {
  /** What the codes must hold (default `'any'`). */
  expect?: QrContent;
  /**
   * Also try the jsQR path when ZXing-C++ finds nothing (default true). It reads a few more still
   * pictures, but on a picture without a code it costs more than ZXing-C++ itself, so a webcam
   * loop, which sees the next frame a moment later, turns it off. Where ZXing-C++ cannot load,
   * the jsQR path runs whatever this says.
   */
  cascade?: boolean;
}

/**
 * Reads every QR code in an image (a screenshot with several transfer batches, say), in reading
 * order: top to bottom, then left to right.
 *
 * @returns the texts, each once; empty when the picture holds no readable code. A decode that
 *   fails its own checks (error correction, an empty or unconvertible text) is not returned.
 * @throws {InvalidImageError} (the promise rejects) for pixel data that does not match the size
 *   or an image larger than `MAX_IMAGE_PIXELS`.
 * @throws {InvalidKeyUriError} or {@link InvalidMigrationError} when `expect` asks for a key or
 *   transfer URI and the picture holds codes, none of them valid for it.
 * @example
 * const uris = await scanQrAll(screenshot, { expect: 'migration' });
 */
export async function scanQrAll(image: RgbaImage, options: ScanQrOptions = {}): Promise<string[]> {
  const checked = checkRgbaImage(image);
  const expect = checkExpect(options);
  let texts: string[] = [];
  let read: Awaited<ReturnType<typeof loadZxing>> | null = null;
  try {
    read = await loadZxing();
  } catch {
    // No WebAssembly here (or the file could not be fetched or compiled): jsQR alone still reads.
  }
  if (read !== null) texts = inReadingOrder(await read(checked));
  if (texts.length === 0 && (read === null || options.cascade !== false)) {
    // jsQR's path reads a few pictures ZXing misses (see docs/qr.md for the measured corpus).
    const text = scanQrSync(checked);
    if (text !== null) texts = [text];
  }
  return keepValid(texts, expect);
}

/**
 * Reads the QR code in an image; where there are several, the first in reading order (use
 * {@link scanQrAll} for all of them).
 *
 * @returns the text, or null when no readable code is found.
 * @throws as {@link scanQrAll} (the promise rejects).
 * @example
 * const text = await scanQr(ctx.getImageData(0, 0, canvas.width, canvas.height), { expect: 'key-uri' });
 * if (text !== null) parseKeyUri(text);
 */
export async function scanQr(image: RgbaImage, options: ScanQrOptions = {}): Promise<string | null> {
  return (await scanQrAll(image, options))[0] ?? null;
}

function checkExpect(options: ScanQrOptions): QrContent {
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  const expect = options.expect ?? 'any';
  if (options.cascade !== undefined && typeof options.cascade !== 'boolean')
    throw new InvalidArgumentError(`"cascade" must be true or false, got ${describeValue(options.cascade)}`);
  if (!QR_CONTENTS.includes(expect))
    throw new InvalidArgumentError(`"expect" must be one of ${QR_CONTENTS.join(', ')}, got ${describeValue(expect)}`);
  return expect;
}

/** Distinct non-empty texts, top to bottom (codes whose corners are within a few pixels count as one row), then left to right. */
function inReadingOrder(codes: ZxingCode[]): string[] {
  const sorted = codes
    .filter((code) => code.text !== '')
    .sort((a, b) => (Math.abs(a.y - b.y) > 8 ? a.y - b.y : a.x - b.x));
  return [...new Set(sorted.map((code) => code.text))];
}

/** The texts valid for `expect`; throws the first text's reason when codes were found but none is. */
function keepValid(texts: string[], expect: QrContent): string[] {
  if (expect === 'any' || texts.length === 0) return texts;
  const reasons: TotpLabError[] = [];
  const valid = texts.filter((text) => {
    const reason = invalidFor(text, expect);
    if (reason !== null) reasons.push(reason);
    return reason === null;
  });
  if (valid.length === 0) throw reasons[0]!;
  return valid;
}

function invalidFor(text: string, expect: Exclude<QrContent, 'any'>): TotpLabError | null {
  const isMigration = /^otpauth-migration:/i.test(text.trim());
  const checks: Array<() => unknown> = [];
  if (expect === 'key-uri' || (expect === 'otpauth' && !isMigration)) checks.push(() => parseKeyUri(text));
  if (expect === 'migration' || (expect === 'otpauth' && isMigration)) checks.push(() => decodeMigration(text));
  try {
    for (const check of checks) check();
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const wanted =
      expect === 'migration'
        ? 'a transfer (otpauth-migration) URI'
        : expect === 'key-uri'
          ? 'a key (otpauth) URI'
          : 'a key or transfer URI';
    const message = `the QR code does not hold ${wanted}: ${reason}`;
    return expect === 'migration' || isMigration
      ? new InvalidMigrationError(message, { cause: error })
      : new InvalidKeyUriError(message, { cause: error });
  }
}
