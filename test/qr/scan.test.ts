import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { InvalidImageError, TotpLabError } from '../../src/core/errors.js';
import { MAX_IMAGE_PIXELS, renderQr, scanQrSync } from '../../src/qr/index.js';
import { findQrRegion } from '../../src/qr/region.js';
import { contrastStretch, scaleFactors, toGrey } from '../../src/qr/jsqr-scan.js';
import { blankImage, cameraFrame, mapChannels, paste, seededRandom } from '../support/images.js';
import { KEY_URIS } from '../support/key-uris.js';

const URI = KEY_URIS[0]!;
const plainJsQr = (image: { data: Uint8ClampedArray | Uint8Array; width: number; height: number }) =>
  jsQR(new Uint8ClampedArray(image.data), image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ??
  null;

describe('scanQrSync (the jsQR path) where jsQR alone struggles', () => {
  it('reads a noisy, soft 1280×720 camera frame', () => {
    const code = renderQr(URI, { format: 'pixels', scale: 1 });
    for (const [zoom, seed] of [
      [5, 1],
      [4, 2],
      [7, 3],
    ] as const) {
      expect(scanQrSync(cameraFrame(code, { zoom, left: 200 + 60 * seed, top: 40 * seed, seed }))).toBe(URI);
    }
  });

  it('reads a small code (3 pixels per module) in a 1280×720 frame, as plain jsQR does', () => {
    const code = renderQr(URI, { format: 'pixels', scale: 1 });
    const frame = cameraFrame(code, { zoom: 3, left: 500, top: 250, seed: 4, noise: 8 });
    expect(plainJsQr(frame)).toBe(URI);
    expect(scanQrSync(frame)).toBe(URI);
  });

  it('still reads the code when a bigger busy patch draws the first look elsewhere', () => {
    const code = renderQr(URI, { format: 'pixels', scale: 1 });
    const frame = cameraFrame(code, { zoom: 5, left: 880, top: 200, seed: 21, noise: 6 });
    const random = seededRandom(8);
    const clutter = blankImage(80, 70, () => {
      const v = random() < 0.5 ? 20 : 235;
      return [v, v, v];
    });
    paste(frame, clutter, 40, 40, 5); // 400×350 of random 5-pixel squares: bigger than the code
    const region = findQrRegion(toGrey(frame.data, frame.width, frame.height, 2));
    expect(region!.left + region!.width).toBeLessThan(440 / 2 + 100); // the first look goes to the clutter
    expect(scanQrSync(frame)).toBe(URI);
  });

  it('reads an inverted (light-on-dark) code, also inside a dark picture', () => {
    const inverted = mapChannels(renderQr(URI, { format: 'pixels', scale: 3 }), (v) => 255 - v);
    expect(scanQrSync(inverted)).toBe(URI);
    const screen = blankImage(700, 500, () => [10, 12, 20]);
    expect(scanQrSync(paste(screen, inverted, 150, 40))).toBe(URI);
  });

  it('reads a low-contrast code that plain jsQR cannot', () => {
    const faint = mapChannels(renderQr(URI, { format: 'pixels', scale: 3 }), (v) => (v === 0 ? 122 : 140));
    expect(plainJsQr(faint)).toBeNull(); // below jsQR's minimum local contrast
    expect(scanQrSync(faint)).toBe(URI);
    const faintInverted = mapChannels(faint, (v) => 262 - v);
    expect(scanQrSync(faintInverted)).toBe(URI);
  });

  it('reads a small code in a 4000×3000 photo', () => {
    const photo = blankImage(4000, 3000, (x, y) => {
      const v = 150 + 50 * Math.sin(x / 310) * Math.cos(y / 170);
      return [v * 1.05, v, v * 0.9];
    });
    const code = mapChannels(renderQr(URI, { format: 'pixels', scale: 1 }), (v) => (v === 0 ? 40 : 230));
    paste(photo, code, 2900, 2100, 8); // about 490 px square, 8 px per module
    expect(scanQrSync(photo)).toBe(URI);
  });

  it("leaves jsQR's shared default options as they were", () => {
    scanQrSync(renderQr(URI, { format: 'pixels' }));
    scanQrSync(blankImage(50, 50, () => [255, 255, 255]));
    // jsqr 1.4.0 copies given options into its defaults; with the default intact, a call without
    // options still tries the inverted picture.
    const inverted = mapChannels(renderQr(URI, { format: 'pixels', scale: 3 }), (v) => 255 - v);
    expect(jsQR(inverted.data as Uint8ClampedArray, inverted.width, inverted.height)?.data).toBe(URI);
  });
});

describe('scanQrSync (the jsQR path) finds nothing without throwing', () => {
  it('in random pixels, flat images and tiny images', () => {
    const random = seededRandom(42);
    for (const [w, h] of [
      [320, 240],
      [97, 61],
      [1, 1],
      [3, 2000],
    ] as const) {
      const noise = blankImage(w, h, () => [random() * 256, random() * 256, random() * 256]);
      expect(scanQrSync(noise)).toBeNull();
    }
    expect(scanQrSync(blankImage(400, 300, () => [255, 255, 255]))).toBeNull();
    expect(scanQrSync(blankImage(400, 300, () => [0, 0, 0]))).toBeNull();
  });

  it('in a camera frame whose code is cut off', () => {
    const code = renderQr(URI, { format: 'pixels', scale: 1 });
    expect(scanQrSync(cameraFrame(code, { zoom: 5, left: 1100, top: 200, seed: 9 }))).toBeNull();
  });
});

describe('scanQrSync (the jsQR path) validates its input before reading pixels', () => {
  const cases: Array<[unknown, RegExp]> = [
    [null, /image must be an object \{ data, width, height \}, got null/],
    [
      { data: new Uint8ClampedArray(16), width: 2, height: 3 },
      /"data" must hold width × height × 4 = 24 bytes for 2 × 3 RGBA pixels, got 16/,
    ],
    [{ data: new Uint8ClampedArray(0), width: 0, height: 0 }, /"width" must be a whole number from 1 to 32768, got 0/],
    [
      { data: new Uint8ClampedArray(4), width: 1, height: 1.5 },
      /"height" must be a whole number from 1 to 32768, got 1.5/,
    ],
    [
      { data: [0, 0, 0, 255], width: 1, height: 1 },
      /"data" must be a Uint8ClampedArray or Uint8Array of RGBA pixels, got an array of 4/,
    ],
    // Refused by size alone: the data is never touched, so a huge image costs nothing to refuse.
    [
      { data: new Uint8ClampedArray(4), width: 10_000, height: 10_000 },
      new RegExp(`at most ${MAX_IMAGE_PIXELS} pixels, got 10000 × 10000 = 100000000`),
    ],
  ];
  it.each(cases)('%#', (image, message) => {
    let caught: unknown;
    try {
      scanQrSync(image as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidImageError);
    expect((caught as TotpLabError).code).toBe('INVALID_IMAGE');
    expect((caught as Error).message).toMatch(message);
  });

  it('accepts a Uint8Array as well as a Uint8ClampedArray', () => {
    const image = renderQr(URI, { format: 'pixels' });
    expect(scanQrSync({ data: new Uint8Array(image.data), width: image.width, height: image.height })).toBe(URI);
  });
});

describe('scanQrSync (the jsQR path) internals', () => {
  it('scales down coarsest first and always ends at full size', () => {
    expect(scaleFactors(1280, 720)).toEqual([2, 1]);
    expect(scaleFactors(4000, 3000)).toEqual([6, 3, 1]);
    expect(scaleFactors(640, 480)).toEqual([1]);
  });

  it('averages blocks of BT.709 luminance', () => {
    const image = blankImage(5, 4, (x, y) => (x < 2 && y < 2 ? [255, 0, 0] : x < 4 ? [0, 255, 0] : [0, 0, 255]));
    const full = toGrey(image.data, 5, 4, 1);
    expect([...full.pixels.slice(0, 5)]).toEqual([54, 54, 182, 182, 19]);
    const half = toGrey(image.data, 5, 4, 2);
    expect(half).toEqual({ pixels: Uint8Array.from([54, 182, 182, 182]), width: 2, height: 2 });
    expect(toGrey(image.data, 5, 4, 1, { left: 1, top: 1, width: 3, height: 2 })).toEqual({
      pixels: Uint8Array.from([54, 182, 182, 182, 182, 182]),
      width: 3,
      height: 2,
    });
    const third = toGrey(image.data, 5, 4, 3);
    expect(third.width).toBe(1);
    expect(third.pixels[0]).toBe(Math.round((4 * 54 * 255 + 5 * 183 * 255) / 9 / 256));
  });

  it('stretches only a narrow luminance range', () => {
    expect(contrastStretch(Uint8Array.from({ length: 1000 }, (_, i) => (i % 2 ? 0 : 255)))).toBeNull();
    expect(contrastStretch(new Uint8Array(1000).fill(128))).toBeNull();
    const stretch = contrastStretch(Uint8Array.from({ length: 1000 }, (_, i) => (i % 2 ? 120 : 140)));
    expect(stretch?.range).toBe(20);
    expect(stretch?.lut[120]).toBe(0);
    expect(stretch?.lut[140]).toBe(255);
    expect(stretch?.lut[130]).toBe(128);
  });
});
