// scanQr on random pixels at random sizes, the size limit enforced before any pixel is read, and
// PNG/JPEG files garbled in more ways than a cut and one flipped byte (see test/node/image-file.test.ts).
import fc from 'fast-check';
import { encode as encodeJpeg } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { InvalidImageError } from '../../src/index.js';
import { decodeImage } from '../../src/node/index.js';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, renderQr, scanQr } from '../../src/qr/index.js';
import { seededRandom } from '../../src/testing/index.js';
import { fuzzRuns, throwingProxy } from '../support/hostile.js';

const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

function noise(
  width: number,
  height: number,
  seed: number,
): { data: Uint8ClampedArray; width: number; height: number } {
  const data = new Uint8ClampedArray(width * height * 4);
  seededRandom(seed).getRandomValues(new Uint8Array(data.buffer));
  return { data, width, height };
}

describe('scanQr on random images', () => {
  it('finds nothing in random pixels of random sizes (thin, tiny, wide) and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 700 }),
        fc.integer({ min: 1, max: 700 }),
        fc.integer(),
        async (width, height, seed) => {
          expect(await scanQr(noise(width, height, seed))).toBeNull();
        },
      ),
      fuzzRuns(12),
    );
  });

  it('reads a strip as long as the side limit allows', async () => {
    expect(await scanQr(noise(MAX_IMAGE_SIDE, 2, 1))).toBeNull();
  });

  it('refuses sizes over the limit with a clear error before reading any pixel', async () => {
    const untouchable = throwingProxy() as Uint8ClampedArray;
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 1;
    for (const [width, height, message] of [
      [MAX_IMAGE_SIDE + 1, 1, /"width" must be a whole number from 1 to 32768, got 32769/],
      [1, MAX_IMAGE_SIDE + 1, /"height" must be a whole number from 1 to 32768, got 32769/],
      [side, side, /must have at most 64000000 pixels/],
      [0, 10, /"width" must be a whole number/],
      [10.5, 10, /"width" must be a whole number/],
    ] as const) {
      await expect(scanQr({ data: untouchable, width, height })).rejects.toThrow(InvalidImageError);
      await expect(scanQr({ data: untouchable, width, height })).rejects.toThrow(message);
    }
  });

  it('refuses pixel data whose length does not match, whatever the sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0),
        async (w, h, d) => {
          await expect(scanQr({ data: new Uint8ClampedArray(w * h * 4 + d), width: w, height: h })).rejects.toThrow(
            /must hold width × height × 4/,
          );
        },
      ),
      fuzzRuns(50),
    );
  });
});

describe('garbled PNG and JPEG files', () => {
  const png = renderQr(URI, { format: 'png', scale: 2 });
  const qrPixels = renderQr(URI, { format: 'pixels', scale: 2 });
  const jpeg = new Uint8Array(
    encodeJpeg({ data: Buffer.from(qrPixels.data), width: qrPixels.width, height: qrPixels.height }, 80).data,
  );

  it('many overwritten bytes, a repeated or dropped stretch: InvalidImageError or a picture of the header size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: 0, max: 64 }),
        fc.constantFrom('none', 'repeat', 'drop'),
        async (isPng, writes, at, length, splice) => {
          let bytes = (isPng ? png : jpeg).slice();
          for (const [position, value] of writes) bytes[position % bytes.length] = value;
          const start = at % bytes.length;
          if (splice === 'repeat')
            bytes = Uint8Array.from([...bytes.subarray(0, start + length), ...bytes.subarray(start)]);
          if (splice === 'drop')
            bytes = Uint8Array.from([...bytes.subarray(0, start), ...bytes.subarray(start + length)]);
          try {
            const image = await decodeImage(bytes);
            expect(image.data.length).toBe(image.width * image.height * 4);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidImageError);
          }
        },
      ),
      fuzzRuns(150),
    );
  });

  it('a header claiming a huge image is refused before decoding, for PNG and JPEG', async () => {
    const bigPng = png.slice();
    new DataView(bigPng.buffer).setUint32(16, 30_000);
    new DataView(bigPng.buffer).setUint32(20, 30_000);
    await expect(decodeImage(bigPng)).rejects.toThrow(/must have at most 64000000 pixels, got 30000 × 30000/);
    const sof = jpeg.findIndex((b, i) => b === 0xff && jpeg[i + 1] === 0xc0);
    const bigJpeg = jpeg.slice();
    bigJpeg.set([0x7f, 0xff, 0x7f, 0xff], sof + 5);
    await expect(decodeImage(bigJpeg)).rejects.toThrow(InvalidImageError);
  });
});
