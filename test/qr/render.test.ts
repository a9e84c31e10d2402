import { crc32 as nodeCrc32, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { renderQr, scanQr, qrCamera } from '../../src/qr/index.js';
import { toQrMatrix } from '../../src/qr/matrix.js';
import { adler32, crc32 } from '../../src/qr/png-encode.js';
import { blankImage, paste, rasteriseTerminal } from '../support/images.js';
import { KEY_URIS } from '../support/key-uris.js';

function pngToImage(bytes: Uint8Array) {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
}

describe('renderQr → scanQr through real pixels', () => {
  it.each(KEY_URIS)('pixels at every error correction level: %s', async (uri) => {
    for (const errorCorrection of ['L', 'M', 'Q', 'H'] as const) {
      expect(await scanQr(renderQr(uri, { format: 'pixels', errorCorrection }))).toBe(uri);
    }
  });

  it('PNG bytes decode with pngjs (an independent decoder) to a code that scans', async () => {
    for (const uri of KEY_URIS) {
      const png = renderQr(uri, { format: 'png', scale: 3, margin: 2 });
      const matrix = toQrMatrix(uri, 'M');
      const image = pngToImage(png);
      expect(image.width).toBe((matrix.size + 4) * 3);
      expect(await scanQr(image)).toBe(uri);
    }
  });

  it('draws each module as scale × scale pixels inside the quiet zone', () => {
    const matrix = toQrMatrix('hello', 'L');
    const image = renderQr('hello', { format: 'pixels', errorCorrection: 'L', scale: 2, margin: 1 });
    const side = (matrix.size + 2) * 2;
    expect(image.width).toBe(side);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const r = Math.floor(y / 2) - 1;
        const c = Math.floor(x / 2) - 1;
        const dark = r >= 0 && c >= 0 && r < matrix.size && c < matrix.size && matrix.dark[r * matrix.size + c] === 1;
        expect(image.data[(y * side + x) * 4]).toBe(dark ? 0 : 255);
      }
    }
  });

  it('a data URL holds exactly the PNG bytes', () => {
    const uri = KEY_URIS[0]!;
    const url = renderQr(uri, { format: 'dataUrl' });
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const bytes = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
    expect(bytes.equals(Buffer.from(renderQr(uri, { format: 'png' })))).toBe(true);
  });

  it('SVG: the path, drawn back into pixels, scans', async () => {
    const uri = KEY_URIS[0]!;
    const svg = renderQr(uri, { format: 'svg', scale: 5 });
    const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
    expect(viewBox).not.toBeNull();
    const total = Number(viewBox![1]);
    expect(svg).toContain(`width="${total * 5}"`);
    const dark = new Uint8Array(total * total);
    const path = /<path fill="#000" d="([^"]*)"/.exec(svg)![1]!;
    for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      dark.fill(1, Number(y) * total + Number(x), Number(y) * total + Number(x) + Number(run));
    }
    expect(path.replace(/M(\d+) (\d+)h(\d+)v1h-\3z/g, '')).toBe('');
    const cell = 4;
    const image = blankImage(total * cell, total * cell, (x, y) => {
      const v = dark[Math.floor(y / cell) * total + Math.floor(x / cell)] ? 0 : 255;
      return [v, v, v];
    });
    expect(await scanQr(image)).toBe(uri);
  });

  it('the qrCamera renders and reads back through pixels', async () => {
    for (const uri of KEY_URIS) expect(await qrCamera.scan(qrCamera.render(uri))).toBe(uri);
  });

  it('arbitrary Unicode texts survive the round trip (UTF-8 byte mode)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), async (text) => {
        expect(await scanQr(renderQr(text, { format: 'pixels', scale: 2 }))).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});

describe('renderQr in a terminal', () => {
  const uri = KEY_URIS[0]!;

  it('uses explicit black-on-white colours and scans on a dark and on a light terminal', async () => {
    const text = renderQr(uri, { format: 'terminal' });
    const lines = text.split('\n');
    for (const line of lines) expect(line).toMatch(/^\u001b\[30;47m[ \u2580\u2584\u2588]+\u001b\[0m$/);
    const picture = rasteriseTerminal(text, 0, 255);
    for (const background of [20, 235]) {
      const screen = blankImage(picture.width + 80, picture.height + 80, () => [background, background, background]);
      expect(await scanQr(paste(screen, picture, 40, 40))).toBe(uri);
    }
  });

  it('without colour: no escape codes; reads on dark themes and, inverted, on light ones', async () => {
    const text = renderQr(uri, { format: 'terminal', color: false });
    expect(text).not.toContain('\u001b');
    expect(text).toMatch(/^[ \u2580\u2584\u2588\n]+$/);
    const dark = rasteriseTerminal(text, 230, 25); // light text on a dark background
    const light = rasteriseTerminal(text, 25, 230);
    expect(await scanQr(dark)).toBe(uri);
    expect(await scanQr(light)).toBe(uri);
    const inverted = renderQr(uri, { format: 'terminal', color: false, invert: true });
    expect(await scanQr(rasteriseTerminal(inverted, 25, 230))).toBe(uri);
  });

  it('keeps modules square: one column and half a row per module', () => {
    const matrix = toQrMatrix(uri, 'M');
    const lines = renderQr(uri, { format: 'terminal', color: false, margin: 2 }).split('\n');
    expect(lines).toHaveLength(Math.ceil((matrix.size + 4) / 2));
    for (const line of lines) expect([...line]).toHaveLength(matrix.size + 4);
  });
});

describe('the PNG encoder', () => {
  it('CRC-32 and Adler-32 agree with zlib', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => {
        expect(crc32(bytes)).toBe(nodeCrc32(bytes));
        // inflateSync checks the Adler-32 trailer of the stream.
        const stream = new Uint8Array([
          0x78,
          0x01,
          0x01,
          bytes.length & 0xff,
          bytes.length >>> 8,
          ~bytes.length & 0xff,
          (~bytes.length >>> 8) & 0xff,
          ...bytes,
          0,
          0,
          0,
          0,
        ]);
        new DataView(stream.buffer).setUint32(stream.length - 4, adler32(bytes));
        if (bytes.length <= 0xffff) expect(Buffer.compare(inflateSync(stream), Buffer.from(bytes))).toBe(0);
      }),
      { numRuns: 50 },
    );
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398); // RFC 1950's example from Wikipedia
  });

  it('splits large images into several stored blocks that zlib inflates', async () => {
    const text = 'x'.repeat(200);
    const png = renderQr(text, { format: 'png', scale: 12 });
    const image = pngToImage(png);
    expect((image.width / 8 + 1) * image.height).toBeGreaterThan(0xffff); // more than one block of rows
    expect(await scanQr(image)).toBe(text);
  });
});

describe('renderQr refuses bad options with a message that names the field', () => {
  it.each([
    [{ format: 'gif' }, /"format" must be one of png, svg, terminal, dataUrl, pixels, got "gif"/],
    [{ format: 'png', errorCorrection: 'X' }, /"errorCorrection" must be L, M, Q or H, got "X"/],
    [{ format: 'png', scale: 0 }, /"scale" must be a whole number from 1 to 32, got 0/],
    [{ format: 'png', scale: 2.5 }, /"scale" must be a whole number from 1 to 32, got 2.5/],
    [{ format: 'png', margin: -1 }, /"margin" must be a whole number from 0 to 32, got -1/],
    [{ format: 'terminal', color: 'yes' }, /"color" must be true or false, got "yes"/],
  ])('%j', (options, message) => {
    expect(() => renderQr('hello', options as never)).toThrow(InvalidArgumentError);
    expect(() => renderQr('hello', options as never)).toThrow(message);
  });

  it('refuses an empty text and one too long for a QR code', () => {
    expect(() => renderQr('', { format: 'svg' })).toThrow(/"text" must be a non-empty string, got ""/);
    expect(() => renderQr('x'.repeat(3000), { format: 'svg' })).toThrow(
      /"text" must fit in a QR code .*, got 3000 bytes at level M$/,
    );
    expect(() => renderQr(undefined as never, { format: 'svg' })).toThrow(InvalidArgumentError);
  });
});
