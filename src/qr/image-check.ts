/** The checks every image passes before any pixel is read or decoded. */
import { InvalidImageError, describeValue } from '../core/errors.js';
import type { RgbaImage } from '../core/image.js';

/**
 * The largest image accepted, in pixels: 64 million, enough for a 50-megapixel phone photo
 * (8160 × 6120). Its RGBA pixels take 256 MB; anything larger is refused before decoding.
 */
export const MAX_IMAGE_PIXELS = 64_000_000;
/** The largest width or height accepted. */
export const MAX_IMAGE_SIDE = 32_768;

/**
 * Refuses dimensions that are not whole positive numbers or that exceed {@link MAX_IMAGE_SIDE} or
 * {@link MAX_IMAGE_PIXELS}.
 *
 * @throws {InvalidImageError} naming the dimension and the value received.
 */
export function checkImageSize(width: unknown, height: unknown): void {
  for (const [field, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_IMAGE_SIDE) {
      throw new InvalidImageError(
        `image "${field}" must be a whole number from 1 to ${MAX_IMAGE_SIDE}, got ${describeValue(value)}`,
      );
    }
  }
  const pixels = (width as number) * (height as number);
  if (pixels > MAX_IMAGE_PIXELS) {
    throw new InvalidImageError(
      `image must have at most ${MAX_IMAGE_PIXELS} pixels, got ${width as number} × ${height as number} = ${pixels}`,
    );
  }
}

/**
 * Checks that `image` is RGBA pixels whose data length matches its dimensions.
 *
 * @throws {InvalidImageError} if it is not.
 */
export function checkRgbaImage(image: unknown): RgbaImage {
  if (typeof image !== 'object' || image === null) {
    throw new InvalidImageError(`image must be an object { data, width, height }, got ${describeValue(image)}`);
  }
  const { data, width, height } = image as Partial<RgbaImage>;
  checkImageSize(width, height);
  if (!(data instanceof Uint8ClampedArray || data instanceof Uint8Array)) {
    throw new InvalidImageError(
      `image "data" must be a Uint8ClampedArray or Uint8Array of RGBA pixels, got ${describeValue(data)}`,
    );
  }
  const expected = (width as number) * (height as number) * 4;
  if (data.length !== expected) {
    throw new InvalidImageError(
      `image "data" must hold width × height × 4 = ${expected} bytes for ${width as number} × ${height as number} RGBA pixels, got ${data.length}`,
    );
  }
  return image as RgbaImage;
}
