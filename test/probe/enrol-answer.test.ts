// An enrolment may answer a key URI as text, a JSON object holding one (anywhere, or as a PNG data
// URL of its QR code), or the picture of a QR code itself (PNG or JPEG), read with the project's
// QR reader. Anything else is a one-line error naming what came back.
import { encode as encodeJpeg } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { buildKeyUri, isTotpLabError } from '../../src/index.js';
import { decodeImage } from '../../src/node/index.js';
import { readEnrolAnswer } from '../../src/probe/enrol-answer.js';
import { renderQr } from '../../src/qr/index.js';

const KEY_URI = buildKeyUri({ issuer: 'Próba', account: 'kovacs.janos', secret: 'JBSWY3DPEHPK3PXP', digits: 8 });
const read = (answer: string | Uint8Array) => readEnrolAnswer(answer, 'the enrolment', decodeImage);

describe('reading an enrolment answer', () => {
  it('takes a key URI as text, with white space around it', async () => {
    expect(await read(`  ${KEY_URI}\n`)).toEqual({ keyUri: KEY_URI, fields: {} });
    expect(await read(new TextEncoder().encode(KEY_URI))).toEqual({ keyUri: KEY_URI, fields: {} });
  });

  it('finds the key URI in any field of a JSON answer, and keeps the top-level text fields as placeholders', async () => {
    const answer = JSON.stringify({ ok: true, user: { id: 7, setup: { uri: KEY_URI } }, password: 'jelszó', tries: 3 });
    expect(await read(answer)).toEqual({ keyUri: KEY_URI, fields: { password: 'jelszó', tries: '3' } });
  });

  it('reads the QR code of a PNG or JPEG answer, or of a PNG data URL in JSON', async () => {
    const png = renderQr(KEY_URI, { format: 'png' });
    expect((await read(png)).keyUri).toBe(KEY_URI);
    const pixels = renderQr(KEY_URI, { format: 'pixels', scale: 6 });
    const jpeg = new Uint8Array(encodeJpeg({ data: pixels.data, width: pixels.width, height: pixels.height }, 90).data);
    expect((await read(jpeg)).keyUri).toBe(KEY_URI);
    const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    expect(await read(JSON.stringify({ qr: dataUrl, username: 'x' }))).toEqual({
      keyUri: KEY_URI,
      fields: { username: 'x' },
    });
  });

  it.each([
    ['plain text', 'hello', /answered no key URI .*"hello"/],
    ['JSON without a key URI', '{"ok":true}', /answered no key URI/],
    ['broken JSON', '{"ok":', /starts like JSON but is not JSON/],
  ])('refuses %s with one line naming it', async (_name, answer, message) => {
    const error = await read(answer).catch((e: unknown) => e);
    expect(isTotpLabError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a picture without a QR code, and a picture when no decoder was given', async () => {
    const blank = renderQr('x', { format: 'png' }).slice();
    await expect(
      readEnrolAnswer(blank, 'the enrolment', async () => ({
        data: new Uint8ClampedArray(64 * 64 * 4).fill(255),
        width: 64,
        height: 64,
      })),
    ).rejects.toThrow(/picture without a readable QR code/);
    await expect(readEnrolAnswer(blank, 'the enrolment', undefined)).rejects.toThrow(/no image decoder/);
  });
});
