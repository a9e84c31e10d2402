/**
 * scanQrSync: reads a QR code from RGBA pixels with jsQR alone (no WebAssembly), made faster and
 * more robust than calling jsQR directly. It was `scanQr` before ZXing-C++ became the reader; it is
 * the fallback where WebAssembly cannot load and the second stage of scanQr's cascade. The picture is turned to grey once per scale and scanned small first (a 1280×720
 * camera frame at half size still has enough pixels per module and costs a quarter of the work; a
 * 4000×3000 photo, which jsQR alone handles badly, becomes a manageable size), and at that first
 * scale only the patch that looks like a QR code is tried before the whole picture. Then come finer
 * scales. A faint picture is contrast-stretched, so a grey-on-grey code becomes black on white,
 * and both polarities are tried (light-on-dark codes). The full-size try is plain jsQR on the
 * unchanged luminance, so a code that jsQR alone reads is never lost.
 */
import jsQR from 'jsqr';
import type { RgbaImage } from '../core/image.js';
import { checkRgbaImage } from './image-check.js';
import { cropGrey, findQrRegion, type Grey, type Rect } from './region.js';

/** The long side, in pixels, that the first (coarsest) try scales the image down to. */
const FIRST_LONG_SIDE = 720;
/** Below this spread between the 1st and 99th luminance percentile a picture counts as faint. */
const FAINT_RANGE = 64;

/**
 * Reads the text of a QR code in an image with jsQR only, synchronously. Prefer the async
 * {@link scanQr}, which reads far more real photos; this is for code that cannot await.
 *
 * @param image - RGBA pixels, as a canvas's `getImageData()` or a decoded PNG/JPEG gives them.
 * @returns the decoded text, or null when no readable QR code is found (also when jsQR's decode
 *   cannot be trusted: an empty text, or Kanji it could not convert). Finding nothing is the
 *   slow case: every scale is tried, about twice plain jsQR's time.
 * @throws {InvalidImageError} if `data` does not match `width` × `height` × 4 or the image is
 *   larger than `MAX_IMAGE_PIXELS`.
 * @example
 * const text = scanQrSync(ctx.getImageData(0, 0, canvas.width, canvas.height));
 * if (text !== null) parseKeyUri(text);
 */
export function scanQrSync(image: RgbaImage): string | null {
  const { data, width, height } = checkRgbaImage(image);
  const factors = scaleFactors(width, height);
  for (const factor of factors) {
    const grey = toGrey(data, width, height, factor);
    if (factor === factors[0]) {
      // First, at the coarsest scale, just the part that looks like a QR code: a fraction of the work.
      const region = findQrRegion(grey);
      if (region !== null) {
        const found = decodeBothWays(cropGrey(grey, region));
        if (found !== null) return found;
        if (factor > 1) {
          // Too few pixels per module at this scale, perhaps: the same patch at full size is still small.
          const full = {
            left: region.left * factor,
            top: region.top * factor,
            width: region.width * factor,
            height: region.height * factor,
          };
          const again = decodeBothWays(toGrey(data, width, height, 1, full));
          if (again !== null) return again;
        }
      }
    }
    // Stretching also amplifies noise, which can make jsQR's finder search slow, so only a faint
    // picture is stretched; at full size it is tried both ways, plain first.
    const stretch = contrastStretch(grey.pixels);
    const faint = stretch !== null && stretch.range < FAINT_RANGE;
    if (factor === 1) {
      // Exactly what jsQR alone would do (both polarities, one binarisation), so nothing is lost.
      const found = decode(grey, null, 'attemptBoth');
      if (found !== null || !faint) return found;
    }
    const lut = faint ? stretch.lut : null;
    // Dark-on-light first without the inverted picture jsQR would otherwise build alongside.
    const found = decode(grey, lut, 'dontInvert') ?? decode(grey, invert(lut), 'dontInvert');
    if (found !== null) return found;
  }
  return null;
}

/** Downscale factors to try, coarsest first, ending with 1 (full size). */
export function scaleFactors(width: number, height: number): number[] {
  const factors: number[] = [];
  let factor = Math.max(1, Math.round(Math.max(width, height) / FIRST_LONG_SIDE));
  while (factor > 1) {
    factors.push(factor);
    factor = Math.floor(factor / 2);
  }
  factors.push(1);
  return factors;
}

/**
 * Luminance (ITU-R BT.709 weights, as jsQR uses) averaged over `factor` × `factor` blocks, in one
 * pass over the RGBA data. Averaging rather than picking pixels also smooths sensor noise. At
 * full size (`factor` 1) a `region` can be given to convert only that rectangle.
 */
export function toGrey(
  data: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  factor: number,
  region?: Rect,
): Grey {
  if (factor === 1) {
    // Full size, of the whole picture or of one rectangle in it.
    const { left, top, width: w, height: h } = region ?? { left: 0, top: 0, width, height };
    const pixels = new Uint8Array(w * h);
    for (let y = 0, i = 0; y < h; y++) {
      for (let x = 0, p = ((top + y) * width + left) * 4; x < w; x++, i++, p += 4) {
        pixels[i] = (54 * data[p]! + 183 * data[p + 1]! + 19 * data[p + 2]! + 128) >> 8;
      }
    }
    return { pixels, width: w, height: h };
  }
  const w = Math.floor(width / factor);
  const h = Math.floor(height / factor);
  const pixels = new Uint8Array(w * h);
  const rowBytes = width * 4;
  if (factor === 2) {
    // The common case (a 720p or 1080p frame), unrolled: four pixels per output pixel.
    for (let y = 0, i = 0; y < h; y++) {
      let p = 2 * y * rowBytes;
      for (let x = 0; x < w; x++, i++, p += 8) {
        const q = p + rowBytes;
        const r = data[p]! + data[p + 4]! + data[q]! + data[q + 4]!;
        const g = data[p + 1]! + data[p + 5]! + data[q + 1]! + data[q + 5]!;
        const b = data[p + 2]! + data[p + 6]! + data[q + 2]! + data[q + 6]!;
        pixels[i] = (54 * r + 183 * g + 19 * b + 512) >> 10;
      }
    }
    return { pixels, width: w, height: h };
  }
  const sums = new Uint32Array(w);
  const scale = 1 / (factor * factor * 256);
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let p = (y * factor + dy) * rowBytes;
      for (let x = 0; x < w; x++) {
        let sum = 0;
        for (let dx = 0; dx < factor; dx++, p += 4) sum += 54 * data[p]! + 183 * data[p + 1]! + 19 * data[p + 2]!;
        sums[x]! += sum;
      }
    }
    const row = y * w;
    for (let x = 0; x < w; x++) pixels[row + x] = Math.round(sums[x]! * scale);
  }
  return { pixels, width: w, height: h };
}

/**
 * A lookup table that maps the 1st–99th percentile of luminance onto 0–255, so a faint code (grey
 * on grey, below jsQR's minimum local contrast of 24 levels) becomes black on white. Null when the
 * image already spans (nearly) the full range or is flat; `range` is the percentile spread.
 */
export function contrastStretch(pixels: Uint8Array): { lut: Uint8Array; range: number } | null {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]!]!++;
  const cut = Math.floor(pixels.length / 100);
  let low = 0;
  for (let seen = histogram[0]!; seen <= cut && low < 255;) seen += histogram[++low]!;
  let high = 255;
  for (let seen = histogram[255]!; seen <= cut && high > 0;) seen += histogram[--high]!;
  if (high - low < 4 || (low <= 4 && high >= 251)) return null;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = v <= low ? 0 : v >= high ? 255 : Math.round(((v - low) * 255) / (high - low));
  return { lut, range: high - low };
}

/** jsQR on the picture as it is, then inverted. */
function decodeBothWays(grey: Grey): string | null {
  return decode(grey, null, 'dontInvert') ?? decode(grey, invert(null), 'dontInvert');
}

/** The table that maps v to 255 − lut[v] (or 255 − v): a light-on-dark code becomes dark on light. */
function invert(lut: Uint8Array | null): Uint8Array {
  const out = new Uint8Array(256);
  for (let v = 0; v < 256; v++) out[v] = 255 - (lut ? lut[v]! : v);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Runs jsQR on a grey image (through `lut` if given), expanded to the RGBA it takes. */
function decode(grey: Grey, lut: Uint8Array | null, inversionAttempts: 'dontInvert' | 'attemptBoth'): string | null {
  const rgba = new Uint8ClampedArray(grey.pixels.length * 4);
  const words = new Uint32Array(rgba.buffer);
  const { pixels } = grey;
  for (let i = 0; i < pixels.length; i++) {
    const v = lut ? lut[pixels[i]!]! : pixels[i]!;
    words[i] = LITTLE_ENDIAN ? 0xff000000 | (v * 0x010101) : ((v * 0x01010100) | 0xff) >>> 0;
  }
  // A fresh options object every call: jsqr 1.4.0 copies given options into its shared defaults.
  // ('onlyInvert' is not used: jsqr 1.4.0 does not build the inverted picture for it.)
  const result = jsQR(rgba, grey.width, grey.height, { inversionAttempts });
  return result && trustworthy(result) ? result.data : null;
}

/**
 * False for a jsQR result that claims success with a wrong text. jsqr 1.4.0 drops a byte segment
 * whose bytes are not UTF-8 (Shift_JIS text, say) without a word, and turns a Kanji character
 * missing from its table into U+0000, yet still reports a code. Such a read is "no code", never a
 * partial text.
 */
export function trustworthy(result: {
  data: string;
  chunks: ReadonlyArray<{ type: string; text?: string; bytes?: number[] }>;
}): boolean {
  const broken = (text: string) => text === '' || /[\u0000\uFFFD]/.test(text);
  if (broken(result.data)) return false;
  return result.chunks.every((chunk) => {
    if (chunk.type !== 'byte' && chunk.type !== 'kanji') return true;
    return (chunk.bytes?.length ?? 0) === 0 || (typeof chunk.text === 'string' && !broken(chunk.text));
  });
}
