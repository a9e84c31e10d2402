import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { encode as encodeJpeg } from 'jpeg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidImageError, TotpLabError } from '../../src/core/errors.js';
import { decodeImage, readImageFile, scanQrFile, writeQrFile } from '../../src/node/index.js';
import { renderQr } from '../../src/qr/index.js';
import { cameraFrame } from '../support/images.js';
import { KEY_URIS } from '../support/key-uris.js';

const dir = mkdtempSync(join(tmpdir(), 'totp-lab-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const URI = KEY_URIS[0]!;

function jpegOf(uri: string, quality = 85): Uint8Array {
  const frame = cameraFrame(renderQr(uri, { format: 'pixels', scale: 1 }), {
    zoom: 5,
    left: 400,
    top: 80,
    seed: 5,
    noise: 8,
  });
  return encodeJpeg({ data: frame.data as unknown as Buffer, width: frame.width, height: frame.height }, quality).data;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('QR files round trip', () => {
  it.each(KEY_URIS)('writeQrFile .png → scanQrFile: %s', async (uri) => {
    const path = join(dir, 'setup.png');
    await writeQrFile(path, uri);
    expect(await scanQrFile(path)).toBe(uri);
  });

  it('writes SVG for .svg (in any case of extension)', async () => {
    const path = join(dir, 'setup.SVG');
    await writeQrFile(path, URI, { scale: 2 });
    expect(readFileSync(path, 'utf8')).toBe(renderQr(URI, { format: 'svg', scale: 2 }));
  });

  it('reads a JPEG camera frame made with jpeg-js', async () => {
    const path = join(dir, 'frame.jpg');
    writeFileSync(path, jpegOf(URI));
    const image = await readImageFile(path);
    expect([image.width, image.height]).toEqual([1280, 720]);
    expect(await scanQrFile(path)).toBe(URI);
  });

  it('goes by the magic bytes, not the extension', async () => {
    const png = join(dir, 'really-a-png.jpg');
    writeFileSync(png, renderQr(URI, { format: 'png' }));
    expect(await scanQrFile(png)).toBe(URI);
    const jpeg = join(dir, 'really-a-jpeg.png');
    writeFileSync(jpeg, jpegOf(URI));
    expect(await scanQrFile(jpeg)).toBe(URI);
  });

  it('gives null for an image without a QR code', async () => {
    const path = join(dir, 'empty-frame.jpg');
    writeFileSync(path, encodeJpeg({ data: Buffer.alloc(640 * 480 * 4, 200), width: 640, height: 480 }, 90).data);
    expect(await scanQrFile(path)).toBeNull();
  });
});

describe('bad files give a clear error, never a crash', () => {
  const png = renderQr(URI, { format: 'png' });
  const jpeg = jpegOf(URI);

  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['empty', new Uint8Array(0), /not a PNG or JPEG image/],
    ['text', new TextEncoder().encode('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'), /not a PNG or JPEG image/],
    ['a PNG cut inside its header', png.slice(0, 20), /not a readable PNG image: the IHDR header is missing/],
    ['a PNG cut in half', png.slice(0, png.length >> 1), /not a readable PNG image: the file is cut short/],
    ['a PNG without its last bytes', png.slice(0, png.length - 4), /not a readable PNG image: the file is cut short/],
    [
      'a PNG with a garbled byte',
      Uint8Array.from(png, (b, i) => (i === 60 ? b ^ 0xff : b)),
      /not a readable PNG image: /,
    ],
    ['a JPEG cut before its frame header', jpeg.slice(0, 30), /not a readable JPEG image: no frame header/],
    ['a JPEG cut in half', jpeg.slice(0, jpeg.length >> 1), /not a readable JPEG image: /],
  ];
  it.each(cases)('%s', async (_name, bytes, message) => {
    const path = join(dir, 'bad.img');
    writeFileSync(path, bytes);
    const error = await rejection(scanQrFile(path));
    expect(error).toBeInstanceOf(InvalidImageError);
    expect((error as TotpLabError).code).toBe('INVALID_IMAGE');
    expect(error.message).toMatch(message);
  });

  it('refuses huge dimensions from the header, before decoding', async () => {
    const hugePng = png.slice(0);
    new DataView(hugePng.buffer).setUint32(16, 30_000); // width
    new DataView(hugePng.buffer).setUint32(20, 30_000); // height
    await expect(decodeImage(hugePng)).rejects.toThrow(/at most 64000000 pixels, got 30000 × 30000 = 900000000/);
    const tooWide = png.slice(0);
    new DataView(tooWide.buffer).setUint32(16, 2 ** 31);
    await expect(decodeImage(tooWide)).rejects.toThrow(
      /"width" must be a whole number from 1 to 32768, got 2147483648/,
    );
    // A JPEG frame header (SOF0) claiming 65 535 × 65 535.
    const hugeJpeg = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0xff, 0xff, 0xff, 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
    ]);
    await expect(decodeImage(hugeJpeg)).rejects.toThrow(/"width" must be a whole number from 1 to 32768, got 65535/);
  });

  it('truncating or corrupting a PNG or JPEG anywhere gives InvalidImageError or a picture, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (isPng, cutAt, flipAt, mask) => {
          const source = isPng ? png : jpeg;
          const bytes = source.slice(0, 1 + (cutAt % source.length));
          if (flipAt % 2 === 0) bytes[flipAt % bytes.length]! ^= mask;
          try {
            const image = await decodeImage(bytes);
            expect(image.data.length).toBe(image.width * image.height * 4);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidImageError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a missing file or a directory is a clear argument error', async () => {
    const missing = await rejection(scanQrFile(join(dir, 'nope.png')));
    expect(missing).toBeInstanceOf(InvalidArgumentError);
    expect(missing.message).toMatch(/^cannot read ".*nope\.png": no such file or directory$/);
    expect((await rejection(scanQrFile(dir))).message).toMatch(/: it is a directory$/);
  });

  it('writeQrFile refuses other extensions and unwritable paths', async () => {
    await expect(writeQrFile(join(dir, 'code.gif'), URI)).rejects.toThrow(
      /"path" must end in \.png or \.svg, got ".*code\.gif"/,
    );
    await expect(writeQrFile(join(dir, 'no-such-dir', 'code.png'), URI)).rejects.toThrow(
      /cannot write .*: no such file or directory/,
    );
    await expect(writeQrFile(join(dir, 'code.png'), URI, { scale: 0 })).rejects.toThrow(InvalidArgumentError);
  });
});
