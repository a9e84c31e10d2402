import { describe, expect, it } from 'vitest';
import { renderQr } from '../../src/qr/index.js';
import { cropGrey, findQrRegion } from '../../src/qr/region.js';
import { toGrey } from '../../src/qr/jsqr-scan.js';
import { blankImage, cameraFrame, seededRandom } from '../support/images.js';
import { KEY_URIS } from '../support/key-uris.js';

describe('findQrRegion', () => {
  it('frames the code in a camera frame, quiet zone included, and little else', () => {
    const code = renderQr(KEY_URIS[0]!, { format: 'pixels', scale: 1 }); // 61 px with its quiet zone
    for (const [left, top] of [
      [420, 150],
      [40, 30],
      [900, 380],
    ] as const) {
      const frame = cameraFrame(code, { zoom: 5, left, top, seed: left });
      const grey = toGrey(frame.data, frame.width, frame.height, 2);
      const region = findQrRegion(grey);
      expect(region).not.toBeNull();
      // The symbol (without the 4-module quiet zone) in half-size pixels, and the region around it.
      const symbol = { x0: (left + 20) / 2, y0: (top + 20) / 2, x1: (left + 5 * 57) / 2, y1: (top + 5 * 57) / 2 };
      expect(region!.left).toBeLessThanOrEqual(symbol.x0 - 8);
      expect(region!.top).toBeLessThanOrEqual(symbol.y0 - 8);
      expect(region!.left + region!.width).toBeGreaterThanOrEqual(Math.min(grey.width, symbol.x1 + 8));
      expect(region!.top + region!.height).toBeGreaterThanOrEqual(Math.min(grey.height, symbol.y1 + 8));
      expect(region!.width * region!.height).toBeLessThan(0.3 * grey.width * grey.height);
    }
  });

  it('gives null for flat, noisy or tiny pictures', () => {
    const random = seededRandom(3);
    const flat = blankImage(320, 240, () => [128, 128, 128]);
    const noisy = blankImage(320, 240, () => {
      const v = 128 + random() * 20;
      return [v, v, v];
    });
    for (const image of [flat, noisy, blankImage(20, 20, () => [0, 0, 0])]) {
      expect(findQrRegion(toGrey(image.data, image.width, image.height, 1))).toBeNull();
    }
  });

  it('crops exactly the rectangle asked for', () => {
    const grey = { pixels: Uint8Array.from({ length: 20 }, (_, i) => i), width: 5, height: 4 };
    expect(cropGrey(grey, { left: 1, top: 2, width: 3, height: 2 })).toEqual({
      pixels: Uint8Array.from([11, 12, 13, 16, 17, 18]),
      width: 3,
      height: 2,
    });
  });
});
