/**
 * Turns what a browser can show — a canvas, a video frame, an image file — into the plain
 * {@link RgbaImage} the rest of totp-lab reads, and reads QR codes from them with scanQr.
 * Nothing here leaves the page: the pixels are read locally and decoded by ZXing-C++ (its
 * WebAssembly fetched once, on the first scan, from the page's own origin) or, failing that, jsQR.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { RgbaImage } from '../core/image.js';
import { renderQr } from '../qr/render.js';
import { scanQr, type ScanQrOptions } from '../qr/scan.js';

/** Anything with a 2D context and a size: an HTMLCanvasElement or an OffscreenCanvas. */
export type PixelCanvas = Pick<HTMLCanvasElement, 'width' | 'height'> & {
  getContext(
    kind: '2d',
    options?: { willReadFrequently?: boolean },
  ): Pick<CanvasRenderingContext2D, 'getImageData' | 'putImageData' | 'drawImage'> | null;
};

function context2d(canvas: PixelCanvas): Pick<CanvasRenderingContext2D, 'getImageData' | 'putImageData' | 'drawImage'> {
  const ctx = canvas?.getContext?.('2d', { willReadFrequently: true });
  if (!ctx) throw new InvalidArgumentError(`"canvas" must be a canvas with a 2d context, got ${describeValue(canvas)}`);
  return ctx;
}

/**
 * The pixels on a canvas.
 * @throws {InvalidArgumentError} when the canvas has no 2d context or no area
 * @example
 * const image = imageFromCanvas(document.querySelector('canvas')!);
 */
export function imageFromCanvas(canvas: PixelCanvas): RgbaImage {
  const ctx = context2d(canvas);
  const { width, height } = canvas;
  if (!(width > 0 && height > 0))
    throw new InvalidArgumentError(`"canvas" must have a width and height above 0, got ${width}×${height}`);
  const data = ctx.getImageData(0, 0, width, height);
  return { data: data.data, width: data.width, height: data.height };
}

/**
 * Reads the QR code on a canvas (the site's setup code, say).
 * @returns the text in the code, or null when there is none
 */
export async function scanCanvas(canvas: PixelCanvas, options: ScanQrOptions = {}): Promise<string | null> {
  return scanQr(imageFromCanvas(canvas), options);
}

/** A playing video: an HTMLVideoElement with a webcam stream. */
export type VideoSource = Pick<HTMLVideoElement, 'videoWidth' | 'videoHeight'> & CanvasImageSource;

/**
 * The current frame of a video (a webcam preview), copied through a canvas made with `makeCanvas`.
 * @returns null while the video has no frame yet
 */
export function imageFromVideo(
  video: VideoSource,
  makeCanvas: (width: number, height: number) => PixelCanvas = defaultCanvas,
): RgbaImage | null {
  if (typeof video !== 'object' || video === null)
    throw new InvalidArgumentError(`"video" must be a video element, got ${describeValue(video)}`);
  const { videoWidth: width, videoHeight: height } = video;
  // No frame yet (the camera is still starting): nothing to read, which is not an error.
  if (!(width > 0 && height > 0)) return null;
  const canvas = makeCanvas(width, height);
  context2d(canvas).drawImage(video, 0, 0, width, height);
  return imageFromCanvas(canvas);
}

/** Reads a QR code from the current frame of a video; null when there is no frame or no code. */
export async function scanVideoFrame(video: VideoSource, options: ScanQrOptions = {}): Promise<string | null> {
  const image = imageFromVideo(video);
  return image === null ? null : scanQr(image, options);
}

/**
 * The pixels of an image file the user picked (PNG, JPEG, anything the browser decodes).
 * @throws {InvalidArgumentError} when the browser cannot decode the file as an image
 */
export async function imageFromFile(
  file: Blob,
  makeCanvas: (width: number, height: number) => PixelCanvas = defaultCanvas,
): Promise<RgbaImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new InvalidArgumentError(
      `"file" must be an image the browser can decode, got ${describeValue(file?.type || 'a file of unknown type')}`,
    );
  }
  try {
    const canvas = makeCanvas(bitmap.width, bitmap.height);
    context2d(canvas).drawImage(bitmap, 0, 0);
    return imageFromCanvas(canvas);
  } finally {
    bitmap.close();
  }
}

/** Reads the QR code in an image file; null when it holds none. @throws {InvalidArgumentError} for a file that is not an image */
export async function scanImageFile(file: Blob, options: ScanQrOptions = {}): Promise<string | null> {
  return scanQr(await imageFromFile(file), options);
}

/**
 * Draws `text` as a QR code on a canvas, resizing the canvas to fit (level M, `scale` pixels per module).
 * @throws {InvalidArgumentError} for an empty text or one too long for a QR code
 */
export function drawQr(canvas: PixelCanvas & { width: number; height: number }, text: string, scale = 5): void {
  const image = renderQr(text, { format: 'pixels', scale });
  canvas.width = image.width;
  canvas.height = image.height;
  const pixels = new ImageData(new Uint8ClampedArray(image.data), image.width, image.height);
  context2d(canvas).putImageData(pixels, 0, 0);
}

function defaultCanvas(width: number, height: number): PixelCanvas {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height) as unknown as PixelCanvas;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}
