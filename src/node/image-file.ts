/**
 * Images on disk: PNG and JPEG files to RGBA pixels and back to QR files. The decoders (pngjs,
 * jpeg-js) and the QR code libraries are loaded only when first needed, so importing this module,
 * or running a command that never touches an image, stays fast.
 */
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InvalidArgumentError, InvalidImageError, describeValue } from '../core/errors.js';
import type { RgbaImage } from '../core/image.js';
import { checkOptions } from '../core/input.js';
import { MAX_IMAGE_PIXELS, checkImageSize } from '../qr/image-check.js';
import type { RenderQrOptions } from '../qr/render.js';
import { checkJpegData, checkPngData } from './image-bombs.js';
import { checkPngChunks, readImageSize, sniffImageType } from './image-header.js';

/** The first bytes of the PNG signature (PNG §5.2), to tell a cut-off PNG from a file of another kind. */
const PNG_START = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Decodes PNG or JPEG bytes (recognised by their magic bytes) into RGBA pixels.
 *
 * @throws {InvalidImageError} if the bytes are neither, the image is larger than `MAX_IMAGE_PIXELS`
 *   (checked from the header, before decoding), or the data is truncated or garbled.
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  const type = sniffImageType(bytes);
  if (
    type === null &&
    bytes.length > 0 &&
    bytes.length < 8 &&
    PNG_START.every((b, i) => i >= bytes.length || bytes[i] === b)
  ) {
    throw new InvalidImageError('not a readable PNG image: the file is cut short (no complete signature)');
  }
  if (type === null) throw new InvalidImageError('not a PNG or JPEG image (unrecognised first bytes)');
  const { width, height } = readImageSize(bytes, type);
  checkImageSize(width, height);
  if (type === 'png') {
    checkPngChunks(bytes);
    checkPngData(bytes);
  } else {
    checkJpegData(bytes);
  }
  let image: RgbaImage;
  try {
    if (type === 'png') {
      const { PNG } = await import('pngjs');
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      image = {
        data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength),
        width: png.width,
        height: png.height,
      };
    } else {
      const { decode } = await import('jpeg-js');
      const jpeg = decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        // A cut-off file is an error here, not a picture with a grey bottom half.
        tolerantDecoding: false,
        maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
        // jpeg-js counts its coefficient buffers and the RGBA output against this.
        maxMemoryUsageInMB: MAX_JPEG_MEMORY_MB,
      });
      image = { data: jpeg.data, width: jpeg.width, height: jpeg.height };
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InvalidImageError(`not a readable ${type.toUpperCase()} image: ${reason}`, { cause: error });
  }
  if (image.width !== width || image.height !== height || image.data.length !== width * height * 4) {
    throw new InvalidImageError(
      `not a readable ${type.toUpperCase()} image: the decoded size does not match the header`,
    );
  }
  return image;
}

/**
 * Reads a PNG or JPEG file into RGBA pixels.
 *
 * @throws {InvalidArgumentError} if the file cannot be read; {@link InvalidImageError} as {@link decodeImage}.
 */
export async function readImageFile(path: string): Promise<RgbaImage> {
  return decodeImage(await readBytes(path));
}

/**
 * Reads the QR code in a PNG or JPEG file.
 *
 * @returns the decoded text, or null when the image holds no readable QR code.
 * @throws {InvalidArgumentError} if the file cannot be read; {@link InvalidImageError} if it is not a
 *   readable PNG/JPEG or is too large.
 * @example
 * const uri = await scanQrFile('setup.png'); // 'otpauth://totp/…' or null
 */
export async function scanQrFile(path: string): Promise<string | null> {
  const image = await readImageFile(path);
  const { scanQr } = await import('../qr/scan.js');
  return scanQr(image);
}

/** Options for {@link writeQrFile}: those of `renderQr` except the format, which the extension picks. */
export type WriteQrFileOptions = Omit<RenderQrOptions, 'format' | 'color' | 'invert'>;

/**
 * Writes `text` as a QR code image: PNG for a `.png` path, SVG for `.svg`.
 *
 * @throws {InvalidArgumentError} for another extension, bad options or a text too long for a QR code.
 * @example
 * await writeQrFile('setup.png', buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret }));
 */
export async function writeQrFile(path: string, text: string, options: WriteQrFileOptions = {}): Promise<void> {
  const extension = typeof path === 'string' ? extname(path).toLowerCase() : '';
  if (extension !== '.png' && extension !== '.svg') {
    throw new InvalidArgumentError(`"path" must end in .png or .svg, got ${describeValue(path)}`);
  }
  options = checkOptions(options);
  const { renderQr } = await import('../qr/render.js');
  const contents =
    extension === '.png'
      ? renderQr(text, { ...options, format: 'png' })
      : renderQr(text, { ...options, format: 'svg' });
  try {
    // The picture holds a secret key: readable by its owner only, like the state file.
    await writeFile(path, contents, { mode: 0o600 });
    await chmod(path, 0o600);
  } catch (error) {
    throw new InvalidArgumentError(`cannot write ${describeValue(path)}: ${describeFsError(error)}`, { cause: error });
  }
}

/**
 * The most memory the JPEG decoder may use, in MB (jpeg-js's own default): enough for a 32-megapixel
 * colour photo; larger JPEGs are refused before their coefficients are allocated.
 */
export const MAX_JPEG_MEMORY_MB = 512;

/** The largest image file read: 256 MiB (a 64-megapixel PNG or JPEG is far smaller). */
export const MAX_IMAGE_FILE_BYTES = 256 * 1024 * 1024;

async function readBytes(path: string): Promise<Uint8Array> {
  if (typeof path !== 'string' || path === '')
    throw new InvalidArgumentError(`"path" must be a file path, got ${describeValue(path)}`);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > MAX_IMAGE_FILE_BYTES) {
      throw new InvalidImageError(
        `image file ${describeValue(path)} must be at most ${MAX_IMAGE_FILE_BYTES} bytes, got ${info.size}`,
      );
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof InvalidImageError) throw error;
    throw new InvalidArgumentError(`cannot read ${describeValue(path)}: ${describeFsError(error)}`, { cause: error });
  }
}

/** A file-system error in words ("permission denied"), not as a raw code (EACCES). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EEXIST') return 'a file of that name is in the way';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'the file system is read-only';
  return code ?? (error instanceof Error ? error.message.split('\n')[0]! : 'unknown error');
}
