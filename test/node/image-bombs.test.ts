// Decompression and header bombs within the file-size limit are refused before a decoder allocates
// for them, with an InvalidImageError naming what is wrong. Each bomb is made here, byte by byte.
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { InvalidImageError } from '../../src/index.js';
import { decodeImage } from '../../src/node/index.js';
import { MAX_PNG_DATA_BYTES, pngDataLength } from '../../src/node/image-bombs.js';

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A PNG with the given header and (already compressed) IDAT data. */
function png(
  width: number,
  height: number,
  depth: number,
  colourType: number,
  idat: Uint8Array,
  interlace = 0,
): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, colourType, 0, 0, interlace], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ]);
}

const refusal = async (bytes: Uint8Array) => {
  const error = await decodeImage(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidImageError);
  return (error as Error).message;
};

describe('PNG bombs', () => {
  it('a 8000 × 8000 header with 10 bytes of pixel data is refused: the data must be exactly the declared size', async () => {
    const bomb = png(8000, 8000, 8, 6, deflateSync(Buffer.alloc(10)));
    expect(bomb.length).toBeLessThan(100);
    expect(await refusal(bomb)).toMatch(/holds 10 bytes of pixel data where its 8000 × 8000 header declares 256008000/);
  });

  it('a 16-bit RGBA 8000 × 8000 header is refused from the header, before anything is inflated', async () => {
    // The data stream is cut off: only the declared size can have caused the refusal.
    const bomb = png(8000, 8000, 16, 6, deflateSync(Buffer.alloc(1000)).subarray(0, 20));
    expect(await refusal(bomb)).toMatch(
      new RegExp(`at most ${MAX_PNG_DATA_BYTES} bytes of pixel data, its header declares 512008000`),
    );
  });

  it('data that inflates beyond the declared size is cut off at the declared size and refused', async () => {
    // 8 MiB of zeros compress to about 8 kB, for a 100 × 100 grey image (10 100 bytes).
    const bomb = png(100, 100, 8, 0, deflateSync(Buffer.alloc(8 * 1024 * 1024), { level: 9 }));
    expect(await refusal(bomb)).toMatch(/pixel data is damaged or longer than the header declares/);
  });

  it('an impossible colour type and bit depth is refused', async () => {
    expect(await refusal(png(10, 10, 3, 2, deflateSync(Buffer.alloc(10))))).toMatch(/colour type 2 with bit depth 3/);
  });

  it('the declared size agrees with pngjs for every colour type, interlaced or not', async () => {
    for (const [depth, colourType] of [
      [1, 0],
      [2, 0],
      [4, 0],
      [8, 0],
      [16, 0],
      [8, 2],
      [16, 2],
      [8, 4],
      [16, 6],
      [8, 6],
    ] as const) {
      for (const interlace of [0, 1]) {
        const [w, h] = [13, 7];
        const bits = depth * ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colourType]!;
        const raw = Buffer.alloc(pngDataLength(w, h, bits, interlace === 1));
        const image = await decodeImage(png(w, h, depth, colourType, deflateSync(raw), interlace));
        expect([image.width, image.height, image.data.length]).toEqual([w, h, w * h * 4]);
        // One byte short is refused.
        expect(await refusal(png(w, h, depth, colourType, deflateSync(raw.subarray(1)), interlace))).toMatch(
          /bytes of pixel data where/,
        );
      }
    }
  });

  it('a picture written by pngjs still decodes', async () => {
    const picture = new PNG({ width: 33, height: 21 });
    picture.data.fill(200);
    const image = await decodeImage(PNG.sync.write(picture));
    expect([image.width, image.height]).toEqual([33, 21]);
  });
});

describe('JPEG bombs', () => {
  /** SOI, a baseline frame header for `width` × `height` with three components, then `rest`. */
  const jpegHeader = (width: number, height: number, rest: number[] = []) =>
    Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xc0,
      0x00,
      0x11,
      8,
      height >> 8,
      height & 255,
      width >> 8,
      width & 255,
      3,
      1,
      0x11,
      0,
      2,
      0x11,
      0,
      3,
      0x11,
      0,
      ...rest,
    ]);

  it('a 23-byte frame header declaring 8000 × 8000 is refused before decoding', async () => {
    const bomb = jpegHeader(8000, 8000, [0xff, 0xd9]);
    expect(bomb.length).toBe(23);
    expect(await refusal(bomb)).toMatch(/no frame header and scan data/);
  });

  it('a scan far too short for its frame is refused', async () => {
    const sos = [0xff, 0xda, 0x00, 0x0c, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0];
    const bomb = jpegHeader(8000, 8000, [...sos, ...new Array(1000).fill(0), 0xff, 0xd9]);
    expect(await refusal(bomb)).toMatch(
      /holds 1002 bytes of scan data where its frame of 3000000 blocks needs at least 375000/,
    );
  });

  it('an unsupported coding (lossless SOF3) is refused before decoding', async () => {
    const bomb = jpegHeader(100, 100);
    bomb[3] = 0xc3;
    expect(await refusal(bomb)).toMatch(/SOF3 is not supported/);
  });

  it('a picture written by jpeg-js still decodes', async () => {
    const data = Buffer.alloc(64 * 48 * 4, 128);
    const encoded = jpeg.encode({ data, width: 64, height: 48 }, 90).data;
    const image = await decodeImage(encoded);
    expect([image.width, image.height]).toEqual([64, 48]);
  });
});
