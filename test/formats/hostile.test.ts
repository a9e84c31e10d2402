import fc from 'fast-check';
import { fuzzRuns } from '../support/hostile.js';
import { describe, expect, it } from 'vitest';
import { decodeMigration, encodeMigration, InvalidMigrationError } from '../../src/index.js';
import { fromBase64, toBase64 } from '../../src/core/formats/migration/base64.js';

const uri = (bytes: number[]) =>
  `otpauth-migration://offline?data=${encodeURIComponent(toBase64(Uint8Array.from(bytes)))}`;
const SECRET = [0x0a, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]; // field 1, 5 bytes "Hello"
const params = (...fields: number[]) => [0x0a, SECRET.length + fields.length, ...SECRET, ...fields];

const hostile: Array<[string, string, RegExp]> = [
  [
    'another scheme',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
    /must start with otpauth-migration:\/\/offline\?data=/,
  ],
  ['no data parameter', 'otpauth-migration://offline?foo=bar', /no "data" parameter/],
  ['empty data', 'otpauth-migration://offline?data=', /no "data" parameter/],
  ['bad percent-encoding', 'otpauth-migration://offline?data=%E0%A4%A', /invalid percent-encoding/],
  [
    'a character outside base64',
    'otpauth-migration://offline?data=CjEK*khl',
    /not valid base64: unexpected character at position 5/,
  ],
  ['an impossible base64 length', 'otpauth-migration://offline?data=CjEKC', /not valid base64: 5 characters/],
  ['no accounts', uri([0x10, 0x01]), /holds no accounts/],
  ['a truncated varint', uri([0x10, 0x81]), /truncated: MigrationPayload ends inside a field 2/],
  ['a length past the end', uri([0x0a, 0x20, 0x01]), /truncated: field 1 in MigrationPayload claims 32 bytes, 1 left/],
  ['a huge length', uri([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), /claims 4294967295 bytes/],
  ['a varint over 10 bytes', uri([0x10, ...Array(10).fill(0xff), 0x01]), /varint longer than/],
  ['a start-group wire type', uri([0x0b]), /unsupported wire type start-group/],
  ['field number 0', uri([0x02, 0x00]), /invalid field number 0/],
  [
    'otp_parameters as a varint',
    uri([0x08, 0x01]),
    /otp_parameters\[0\] must be length-delimited, got wire type varint/,
  ],
  [
    'batch_id as bytes',
    uri([...params(), 0x2a, 0x01, 0x00]),
    /batch id must be varint, got wire type length-delimited/,
  ],
  ['secret as a varint', uri([0x0a, 0x02, 0x08, 0x01]), /otp_parameters\[0\]\.secret must be length-delimited/],
  [
    'name as fixed32',
    uri(params(0x15, 1, 2, 3, 4)),
    /otp_parameters\[0\]\.name must be length-delimited, got wire type fixed32/,
  ],
  ['no secret', uri([0x0a, 0x03, 0x12, 0x01, 0x61]), /otp_parameters\[0\] has no secret/],
  ['a name that is not UTF-8', uri(params(0x12, 0x01, 0xff)), /name is not valid UTF-8/],
  ['MD5', uri(params(0x20, 0x04)), /algorithm must be SHA1, SHA256 or SHA512.*MD5/],
  ['an unknown algorithm', uri(params(0x20, 0x09)), /algorithm .* got 9/],
  ['an unknown digit count', uri(params(0x28, 0x05)), /digits must be 6 or 8 \(1 or 2\), got 5/],
  ['an unknown type', uri(params(0x30, 0x07)), /type must be HOTP or TOTP \(1 or 2\), got 7/],
  [
    'a negative counter',
    uri(params(0x30, 0x01, 0x38, ...Array(9).fill(0xff), 0x01)),
    /counter must be an integer from 0 to 2\^53 - 1, got -1/,
  ],
  [
    'a counter past 2^53',
    uri(params(0x30, 0x01, 0x38, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10)),
    /counter must be .* got 9007199254740992/,
  ],
  ['a URI over 100 000 characters', `otpauth-migration://offline?data=${'A'.repeat(100_001)}`, /too long/],
];

describe('hostile migration URIs', () => {
  it.each(hostile)('refuses %s with a clear InvalidMigrationError', (_what, input, message) => {
    expect(() => decodeMigration(input)).toThrow(InvalidMigrationError);
    expect(() => decodeMigration(input)).toThrow(message);
    try {
      decodeMigration(input);
    } catch (error) {
      expect((error as InvalidMigrationError).code).toBe('INVALID_MIGRATION');
    }
  });

  it('skips unknown fields of every wire type', () => {
    const decoded = decodeMigration(
      uri([...params(0x48, 0x05, 0x51, 1, 2, 3, 4, 5, 6, 7, 8, 0x5d, 1, 2, 3, 4, 0x62, 0x01, 0x00), 0x70, 0x01]),
    );
    expect(decoded.accounts[0]).toMatchObject({ secret: 'JBSWY3DP', type: 'totp', account: '' });
  });

  it('reads a 10-byte negative int32 batch id and writes the same bytes Google Authenticator does', () => {
    // scito-1 (a real export) ends with version 1, size 1, index 0 and batch_id -1320898453 as 10 bytes.
    const scito1 =
      'CjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpGgtyYXNwYmVycnlwaSABKAEwAhABGAEgACjr4JKK%2B%2F%2F%2F%2F%2F8B';
    const real = fromBase64(decodeURIComponent(scito1)).slice(-17);
    const [written] = encodeMigration([{ account: 'a', secret: 'JBSWY3DP' }], { batchId: -1320898453 });
    const ours = fromBase64(decodeURIComponent(written!.split('data=')[1]!));
    expect([...ours.slice(-real.length)]).toEqual([...real]);
    expect([...real.slice(0, 7)]).toEqual([0x10, 1, 0x18, 1, 0x20, 0, 0x28]);
    expect(decodeMigration(written!).batch.id).toBe(-1320898453);
  });

  it('never throws anything but InvalidMigrationError on random bytes, and never quotes the data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeMigration(uri([...bytes]));
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidMigrationError);
          expect((error as Error).message).not.toMatch(/[\u0000-\u001f]/);
        }
      }),
      fuzzRuns(100),
    );
  });

  it('does not quote the secret when a later field is wrong', () => {
    const secretText = 'SUPERSECRETKEYBYTES';
    const bytes = [...new TextEncoder().encode(secretText)];
    const input = uri([0x0a, bytes.length + 4, 0x0a, bytes.length, ...bytes, 0x28, 0x09]);
    expect(() => decodeMigration(input)).toThrow(InvalidMigrationError);
    try {
      decodeMigration(input);
    } catch (error) {
      expect((error as Error).message).not.toMatch(/SUPERSECRET|KNKVARKF/);
    }
  });
});
