// Steam Guard codes against published vectors of two independent implementations, and the key-URI
// forms authenticator apps use for them.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildKeyUri,
  fromBase32,
  generateCode,
  InvalidArgumentError,
  InvalidKeyUriError,
  parseKeyUri,
  STEAM_ALPHABET,
  toBase32,
  verifyCode,
} from '../../src/index.js';

const b32 = (bytes: string | Uint8Array) =>
  toBase32(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);

describe('Steam Guard codes', () => {
  it('match ValvePython/steam (tests/test_guard.py) and steamguard-cli (token.rs test_generate_code)', () => {
    // ValvePython: generate_twofactor_code_for_time(b'superdupersecret', timestamp=…)
    const valve = b32('superdupersecret');
    expect(generateCode(valve, { encoder: 'steam', time: 3_000_030 * 1000 })).toBe('YRGQJ');
    expect(generateCode(valve, { encoder: 'steam', time: 3_000_029 * 1000 })).toBe('94R9D');
    // steamguard-cli: shared_secret "zvIayp3JPvtvX/QGHqsqKBk/44s=" at 1616374841
    const cli = b32(new Uint8Array(Buffer.from('zvIayp3JPvtvX/QGHqsqKBk/44s=', 'base64')));
    expect(generateCode(cli, { encoder: 'steam', time: 1_616_374_841_000 })).toBe('2F9J5');
  });

  it('equal a reading of the algorithm on node:crypto for any key and time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 40 }), fc.integer({ min: 0, max: 2 ** 40 }), (key, t) => {
        const counter = Buffer.alloc(8);
        counter.writeBigUInt64BE(BigInt(Math.floor(t / 30)));
        const mac = createHmac('sha1', key).update(counter).digest();
        let value = mac.readUInt32BE(mac[19]! & 0xf) & 0x7fffffff;
        let code = '';
        for (let i = 0; i < 5; i++, value = Math.floor(value / 26)) code += STEAM_ALPHABET[value % 26];
        expect(generateCode(toBase32(key), { encoder: 'steam', time: t * 1000 })).toBe(code);
      }),
    );
  });

  it('verify in any case and with spaces, within the window, and refuse other characters', () => {
    const secret = b32('superdupersecret');
    const at = 3_000_030 * 1000;
    expect(verifyCode(secret, 'yrg qj', { encoder: 'steam', time: at })).toEqual({
      valid: true,
      delta: 0,
      counter: 100001,
    });
    expect(verifyCode(secret, '94R9D', { encoder: 'steam', time: at })).toMatchObject({ valid: true, delta: -1 });
    for (const wrong of ['YRGQ', 'YRGQJJ', 'YRGQA', '12345', 'YRGQ1'])
      expect(verifyCode(secret, wrong, { encoder: 'steam', time: at }).valid, wrong).toBe(false);
  });

  it('refuse an unknown encoder and a length a Steam code cannot have, naming the field', () => {
    expect(() => generateCode('JBSWY3DP', { encoder: 'yandex' as never })).toThrow(/"encoder" must be "steam"/);
    expect(() => generateCode('JBSWY3DP', { encoder: 'steam', digits: 9 as never })).toThrow(InvalidArgumentError);
    expect(() => generateCode('JBSWY3DP', { digits: 5 })).toThrow(/"digits" must be 6, 7 or 8, got 5/);
    expect(generateCode('JBSWY3DP', { encoder: 'steam', digits: 7, time: 0 })).toMatch(/^[2-9B-Y]{7}$/);
  });
});

describe('Steam key URIs', () => {
  const secret = 'JRZCL47CMXVOQMNPZR2F7J4RGI';

  it('read otpauth://steam/ (Aegis, Ente Auth) and encoder=steam (KeePassXC) alike', () => {
    const steam = {
      type: 'steam',
      issuer: 'Steam',
      account: 'anna',
      secret,
      algorithm: 'SHA1',
      digits: 5,
      period: 30,
      counter: null,
    };
    expect(parseKeyUri(`otpauth://steam/Steam:anna?secret=${secret}&issuer=Steam`)).toMatchObject(steam);
    expect(parseKeyUri(`otpauth://totp/Steam:anna?secret=${secret}&issuer=Steam&digits=5&encoder=steam`)).toMatchObject(
      steam,
    );
    expect(parseKeyUri(`otpauth://totp/Steam:anna?secret=${secret}&encoder=Steam`)).toMatchObject({
      type: 'steam',
      digits: 5,
    });
  });

  it('are written as otpauth://steam/ and read back the same', () => {
    const uri = buildKeyUri({ type: 'steam', issuer: 'Steam', account: 'anna', secret });
    expect(uri).toBe(`otpauth://steam/Steam:anna?secret=${secret}&issuer=Steam&algorithm=SHA1&digits=5&period=30`);
    const { issuerMismatch: _m, ...read } = parseKeyUri(uri);
    expect(buildKeyUri(read)).toBe(uri);
    expect(generateCode(read.secret, { encoder: 'steam', time: 0 })).toBe(
      generateCode(fromBase32(secret), { encoder: 'steam', time: 0 }),
    );
  });

  it('refuse what would give wrong codes: another encoder, a counter-based Steam URI, 9 characters', () => {
    expect(() => parseKeyUri(`otpauth://totp/a?secret=${secret}&encoder=yandex`)).toThrow(/"encoder" must be "steam"/);
    expect(() => parseKeyUri(`otpauth://hotp/a?secret=${secret}&counter=1&encoder=steam`)).toThrow(InvalidKeyUriError);
    expect(() => parseKeyUri(`otpauth://steam/a?secret=${secret}&digits=9`)).toThrow(/Steam Guard code/);
    expect(() => buildKeyUri({ type: 'steam', account: 'a', secret, counter: 3 })).toThrow(/"counter" does not apply/);
  });
});
