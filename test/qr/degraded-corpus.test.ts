// scanQr on the degraded corpus against ZXing-C++ alone (zxing-wasm with its own defaults) and the
// jsQR path that scanQr used to be (scanQrSync): it must read at least as many as ZXing-C++ alone,
// strictly more than the old path, never a wrong text, and nothing where there is no code.
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../src/core/image.js';
import { scanQrAll, scanQrSync } from '../../src/qr/index.js';
import { codeFreeCorpus, degradedCorpus } from './degraded-corpus.js';

/** ZXing-C++ alone: the package's default reader options, QR codes only, nothing before or after. */
async function zxingAlone(image: RgbaImage): Promise<string[]> {
  const results = await readBarcodes({ data: image.data, width: image.width, height: image.height } as ImageData, {
    formats: ['QRCode'],
  });
  return results.filter((r) => r.isValid).map((r) => r.text);
}

describe('the degraded-picture corpus', () => {
  beforeAll(async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    await prepareZXingModule({
      overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer },
      fireImmediately: true,
    });
  });

  it('scanQr reads at least as many as ZXing-C++ alone and more than the jsQR path, with no wrong text', async () => {
    const corpus = degradedCorpus();
    expect(corpus.length).toBeGreaterThan(100);
    const read = { scanQr: 0, zxing: 0, jsqr: 0 };
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const { name, image, text } of corpus) {
      const texts = await scanQrAll(image);
      const zxing = await zxingAlone(image);
      const old = scanQrSync(image);
      if (texts.includes(text!)) read.scanQr++;
      else missed.push(name);
      if (zxing.includes(text!)) read.zxing++;
      if (old === text) read.jsqr++;
      if (texts.some((t) => t !== text)) wrong.push(name);
    }
    console.log(
      `degraded corpus: ${corpus.length} pictures; scanQr ${read.scanQr}, ZXing-C++ alone ${read.zxing}, jsQR path ${read.jsqr}; missed: ${missed.join(', ')}`,
    );
    expect(wrong).toEqual([]);
    expect(read.scanQr).toBeGreaterThanOrEqual(read.zxing);
    expect(read.scanQr).toBeGreaterThan(read.jsqr);
  }, 600_000);

  it('finds nothing in pictures without a code', async () => {
    const found: string[] = [];
    for (const { name, image } of codeFreeCorpus()) {
      const texts = await scanQrAll(image);
      if (texts.length > 0) found.push(`${name}: ${texts.join(' ')}`);
    }
    expect(found).toEqual([]);
  }, 120_000);
});
