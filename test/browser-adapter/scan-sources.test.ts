import { describe, expect, it } from 'vitest';
import { imageFromCanvas, imageFromVideo, scanCanvas, type PixelCanvas } from '../../src/browser/scan-sources.js';
import { renderQr } from '../../src/qr/index.js';
import type { RgbaImage } from '../../src/index.js';

/** A canvas stand-in holding a picture, with the 2d-context calls the adapter uses. */
function fakeCanvas(image: RgbaImage): PixelCanvas {
  return {
    width: image.width,
    height: image.height,
    getContext: () => ({
      getImageData: (x: number, y: number, w: number, h: number) => {
        expect([x, y, w, h]).toEqual([0, 0, image.width, image.height]);
        return {
          data: new Uint8ClampedArray(image.data),
          width: image.width,
          height: image.height,
          colorSpace: 'srgb',
        } as ImageData;
      },
      putImageData: () => undefined,
      drawImage: () => undefined,
    }),
  };
}

const uri =
  'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.janos?secret=JBSWY3DPEHPK3PXP&issuer=%C3%9Cgyf%C3%A9lkapu%2B';

describe('reading QR codes from canvases and video frames', () => {
  it('reads the key URI back from the pixels on a canvas', async () => {
    const picture = renderQr(uri, { format: 'pixels', scale: 5 });
    const image = imageFromCanvas(fakeCanvas(picture));
    expect([image.width, image.height]).toEqual([picture.width, picture.height]);
    expect(await scanCanvas(fakeCanvas(picture))).toBe(uri);
  });

  it('returns null for a canvas without a code', async () => {
    const blank = { data: new Uint8ClampedArray(80 * 80 * 4).fill(255), width: 80, height: 80 };
    expect(await scanCanvas(fakeCanvas(blank))).toBeNull();
  });

  it('rejects what is not a canvas, or a canvas without area', () => {
    expect(() => imageFromCanvas({} as PixelCanvas)).toThrow(/"canvas" must be a canvas with a 2d context/);
    expect(() => imageFromCanvas({ ...fakeCanvas(renderQr(uri, { format: 'pixels' })), width: 0 })).toThrow(
      /width and height above 0, got 0×/,
    );
  });

  it('copies a video frame through a canvas, and has nothing before the first frame', () => {
    const picture = renderQr(uri, { format: 'pixels', scale: 3 });
    const video = { videoWidth: picture.width, videoHeight: picture.height } as unknown as HTMLVideoElement;
    const made: number[][] = [];
    const frame = imageFromVideo(video, (w, h) => (made.push([w, h]), fakeCanvas(picture)));
    expect(made).toEqual([[picture.width, picture.height]]);
    expect(frame?.width).toBe(picture.width);
    expect(
      imageFromVideo({ videoWidth: 0, videoHeight: 0 } as unknown as HTMLVideoElement, () => fakeCanvas(picture)),
    ).toBeNull();
  });
});
