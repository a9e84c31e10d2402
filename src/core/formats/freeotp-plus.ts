/**
 * FreeOTP+ JSON exports: `{ tokens: [{ type, algo, digits, period, counter, issuerExt, issuerInt,
 * label, secret }], tokenOrder }`, the secret as an array of signed bytes. FreeOTP+ stores an HOTP
 * counter one below the key URI's (it reads `counter=c` as c − 1 and writes counter + 1 into its
 * URIs), so the key URI's counter, stored + 1, is what is imported.
 */
import { InvalidMigrationError } from '../errors.js';
import { toBase32 } from '../base32.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson } from './json.js';

/** True for a parsed object shaped like a FreeOTP+ export. */
export const isFreeOtpPlus = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && Array.isArray(value.tokens) && Array.isArray(value.tokenOrder);

/**
 * Reads a FreeOTP+ export (text or parsed object).
 * @throws {InvalidMigrationError} naming the token and field when one is malformed
 */
export function parseFreeOtpPlus(input: string | unknown): FormatImport {
  const data = typeof input === 'string' ? parseJson(input, 'FreeOTP+ export') : input;
  if (!isFreeOtpPlus(data))
    throw new InvalidMigrationError('FreeOTP+ export must be an object with "tokens" and "tokenOrder"');
  const result = emptyImport();
  entryList(data.tokens, 'FreeOTP+ "tokens"').forEach((token, index) => {
    const where = `FreeOTP+ token ${index}`;
    if (!isObject(token)) throw new InvalidMigrationError(`${where} must be an object`);
    const { secret } = token;
    if (
      !Array.isArray(secret) ||
      secret.length > 1024 ||
      !secret.every((b) => Number.isInteger(b) && b >= -128 && b <= 255)
    ) {
      throw new InvalidMigrationError(`${where} "secret" must be an array of bytes`);
    }
    const issuer = typeof token.issuerExt === 'string' && token.issuerExt !== '' ? token.issuerExt : token.issuerInt;
    const counter = typeof token.counter === 'number' ? token.counter + 1 : token.counter;
    addEntry(result, index, where, {
      type: token.type,
      issuer,
      account: token.label,
      secret: toBase32(Uint8Array.from(secret as number[], (b) => b & 0xff)),
      algorithm: token.algo,
      digits: token.digits,
      period: token.period,
      counter,
    });
  });
  return result;
}
