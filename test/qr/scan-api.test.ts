// scanQr / scanQrAll beyond the corpus: several codes in one picture, content checks, Kanji and
// Shift_JIS texts (no partial text ever), the jsQR fallback when WebAssembly cannot load, and the
// scan command's --all and --expect.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import toSJIS from 'qrcode/helper/to-sjis.js';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidKeyUriError, InvalidMigrationError } from '../../src/core/errors.js';
import type { RgbaImage } from '../../src/core/image.js';
import { encodeMigration } from '../../src/core/formats/migration/migration.js';
import { renderQr, scanQr, scanQrAll, scanQrSync, setQrReaderWasm } from '../../src/qr/index.js';
import { encodePng1Bit } from '../../src/qr/png-encode.js';
import { cli } from '../support/cli.js';
import { blankImage, paste } from '../support/images.js';
import { KEY_URIS } from '../support/key-uris.js';

const WASM = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
const dir = mkdtempSync(join(tmpdir(), 'totp-lab-scan-'));
afterAll(() => setQrReaderWasm(WASM));

const batches = encodeMigration(
  Array.from({ length: 3 }, (_, i) => ({ issuer: `Bank ${i}`, account: `anna${i}`, secret: 'JBSWY3DPEHPK3PXP' })),
  { batchSize: 1, batchId: 42 },
);

/** A white screenshot with `texts` drawn as codes, left to right in rows of two. */
function screenshot(texts: string[]): RgbaImage {
  const screen = blankImage(900, 300 + 280 * Math.floor((texts.length - 1) / 2), () => [255, 255, 255]);
  texts.forEach((text, i) =>
    paste(screen, renderQr(text, { format: 'pixels', scale: 3 }), 30 + 430 * (i % 2), 20 + 280 * Math.floor(i / 2)),
  );
  return screen;
}

/** The matrix of a code built from explicit segments, drawn 4 px per module. */
function segmentsCode(segments: QRCode.QRCodeSegment[]): RgbaImage {
  const code = QRCode.create(segments, { toSJISFunc: toSJIS });
  const n = code.modules.size,
    scale = 4,
    side = (n + 8) * scale;
  return blankImage(side, side, (x, y) => {
    const c = Math.floor(x / scale) - 4,
      r = Math.floor(y / scale) - 4;
    return c >= 0 && r >= 0 && c < n && r < n && code.modules.get(r, c) ? [0, 0, 0] : [255, 255, 255];
  });
}

describe('several codes in one picture', () => {
  it('are all returned, in reading order, and scanQr gives the first', async () => {
    const picture = screenshot([batches[0]!, batches[1]!, batches[2]!]);
    expect(await scanQrAll(picture)).toEqual(batches);
    expect(await scanQrAll(screenshot([batches[2]!, batches[0]!]))).toEqual([batches[2], batches[0]]);
    expect(await scanQr(picture)).toBe(batches[0]);
  });

  it('the same code twice is one text', async () => {
    expect(await scanQrAll(screenshot([KEY_URIS[0]!, KEY_URIS[0]!]))).toEqual([KEY_URIS[0]]);
  });
});

describe('what the code must hold', () => {
  it('keeps only codes valid for what was asked', async () => {
    const mixed = screenshot(['https://example.com/login', KEY_URIS[1]!, batches[0]!]);
    expect(await scanQrAll(mixed, { expect: 'key-uri' })).toEqual([KEY_URIS[1]]);
    expect(await scanQrAll(mixed, { expect: 'migration' })).toEqual([batches[0]]);
    expect(await scanQrAll(mixed, { expect: 'otpauth' })).toEqual([KEY_URIS[1], batches[0]]);
    expect(await scanQrAll(mixed)).toHaveLength(3);
  });

  it('refuses a picture whose codes hold something else, with a clear typed error', async () => {
    const url = renderQr('https://example.com/login', { format: 'pixels' });
    await expect(scanQr(url, { expect: 'key-uri' })).rejects.toThrow(InvalidKeyUriError);
    await expect(scanQr(url, { expect: 'key-uri' })).rejects.toThrow(
      /^the QR code does not hold a key \(otpauth\) URI: /,
    );
    await expect(
      scanQr(renderQr('otpauth://totp/x?digits=6', { format: 'pixels' }), { expect: 'otpauth' }),
    ).rejects.toThrow('the QR code does not hold a key or transfer URI: key URI has no "secret" parameter');
    await expect(
      scanQr(renderQr('otpauth-migration://offline?data=!!', { format: 'pixels' }), { expect: 'migration' }),
    ).rejects.toThrow(InvalidMigrationError);
    expect(
      await scanQr(
        blankImage(50, 50, () => [255, 255, 255]),
        { expect: 'key-uri' },
      ),
    ).toBeNull();
  });

  it('refuses an unknown expectation or cascade', async () => {
    await expect(scanQr(renderQr(KEY_URIS[0]!, { format: 'pixels' }), { expect: 'url' as never })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(scanQr(renderQr(KEY_URIS[0]!, { format: 'pixels' }), { cascade: 'no' as never })).rejects.toThrow(
      '"cascade" must be true or false, got "no"',
    );
  });
});

describe('never a partial text', () => {
  it('reads a Kanji-mode code whole', async () => {
    const picture = segmentsCode([{ data: '漢字テスト', mode: 'kanji' }]);
    expect(await scanQr(picture)).toBe('漢字テスト');
    expect([null, '漢字テスト']).toContain(scanQrSync(picture));
  });

  it('the jsQR path gives no code, not an empty text, for Shift_JIS bytes it cannot convert', async () => {
    const sjis = Uint8Array.from([0x8a, 0xbf, 0x8e, 0x9a]); // 漢字 in Shift_JIS, in byte mode
    const picture = segmentsCode([{ data: sjis, mode: 'byte' }]);
    expect(scanQrSync(picture)).toBeNull();
    const text = await scanQr(picture);
    expect(text === null || (text !== '' && !text.includes('\uFFFD'))).toBe(true);
  });
});

describe('where WebAssembly cannot load', () => {
  it('falls back to the jsQR path, and reads again with ZXing-C++ once given the file', async () => {
    setQrReaderWasm(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9])); // not a WebAssembly module
    const photo = paste(
      blankImage(640, 480, () => [40, 40, 40]),
      renderQr(KEY_URIS[0]!, { format: 'pixels', scale: 4 }),
      100,
      60,
    );
    expect(await scanQr(photo)).toBe(KEY_URIS[0]);
    // Only the fallback's single result: the second code in a picture is not found without ZXing-C++.
    expect(await scanQrAll(screenshot([batches[0]!, batches[1]!]))).toHaveLength(1);
    setQrReaderWasm(WASM);
    expect(await scanQrAll(screenshot([batches[0]!, batches[1]!]))).toHaveLength(2);
  });

  it('refuses a source that is neither a URL nor bytes', () => {
    expect(() => setQrReaderWasm(42 as never)).toThrow(InvalidArgumentError);
    expect(() => setQrReaderWasm('' as never)).toThrow(
      /"source" must be a URL or the bytes of zxing_reader\.wasm, got ""/,
    );
  });
});

describe('totp-lab scan --all --expect', () => {
  const png = (name: string, image: RgbaImage) => {
    const grey = new Uint8Array(image.width * image.height);
    for (let i = 0; i < grey.length; i++) grey[i] = image.data[i * 4]! < 128 ? 1 : 0;
    const path = join(dir, name);
    writeFileSync(path, encodePng1Bit(grey, image.width, image.height));
    return path;
  };

  it('prints every code with --all, and only what --expect allows', async () => {
    const file = png('batches.png', screenshot([batches[0]!, batches[1]!, 'https://example.com/']));
    expect(await cli('scan', file, '--all')).toEqual({
      code: 0,
      stdout: `${batches[0]}\n${batches[1]}\nhttps://example.com/`,
      stderr: '',
    });
    expect(await cli('scan', file, '--all', '--json', '--expect', 'migration')).toEqual({
      code: 0,
      stdout: JSON.stringify({ texts: [batches[0], batches[1]] }),
      stderr: '',
    });
    expect(await cli('scan', file, '--json')).toEqual({
      code: 0,
      stdout: JSON.stringify({ text: batches[0] }),
      stderr: '',
    });
  });

  it('exits 2 with one line when the code holds something else or --expect is unknown', async () => {
    const file = png('url.png', renderQr('https://example.com/', { format: 'pixels' }));
    const refused = await cli('scan', file, '--expect', 'key-uri');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^totp-lab: the QR code does not hold a key \(otpauth\) URI: [^\n]+$/);
    const unknown = await cli('scan', file, '--expect', 'url');
    expect(unknown).toMatchObject({
      code: 2,
      stderr: 'totp-lab: scan: --expect must be one of any, key-uri, migration, otpauth, got "url"',
    });
    expect(
      await cli(
        'scan',
        png(
          'blank.png',
          blankImage(80, 80, () => [255, 255, 255]),
        ),
        '--all',
        '--json',
      ),
    ).toEqual({ code: 1, stdout: '{"texts":[]}', stderr: '' });
  });
});
