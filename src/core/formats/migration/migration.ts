/**
 * Google Authenticator's account transfer: `otpauth-migration://offline?data=<base64>`, where the
 * data is a protobuf MigrationPayload:
 *
 *   MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
 *                      int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5; }
 *   OtpParameters    { bytes secret = 1; string name = 2; string issuer = 3; Algorithm algorithm = 4;
 *                      DigitCount digits = 5; OtpType type = 6; int64 counter = 7; }
 *
 * `batch_size` is the number of QR codes in the export and `batch_index` this one's place (from 0);
 * all share `batch_id`. The format has no period and no 7-digit code: imported TOTP accounts get
 * 30 seconds, and {@link encodeMigration} refuses accounts it cannot carry faithfully.
 */
import { checkList, checkOptions } from '../../input.js';
import { toAccount, describeAccount, type AccountInput } from '../../account.js';
import { toBase32, fromBase32 } from '../../base32.js';
import { InvalidArgumentError, InvalidMigrationError, describeValue } from '../../errors.js';
import type { KeyUri } from '../../key-uri.js';
import { DEFAULT_PERIOD, type Algorithm, type Digits } from '../../options.js';
import { cryptoRandom, type RandomSource } from '../../random.js';
import { refusalOf } from '../capabilities.js';
import { fromBase64, toBase64 } from './base64.js';
import { ProtoWriter, readFields, wireName, WIRE_LENGTH, WIRE_VARINT, type WireField } from './protobuf.js';

/** An account read from a migration payload: a key URI's fields plus the name as stored. */
export interface MigrationAccount extends KeyUri {
  /** The `name` field as stored; `account` is this without a leading `<issuer>:`. */
  rawName: string;
}

/** Where a payload sits in its export. Absent fields read as 0, as protobuf defaults are. */
export interface MigrationBatch {
  version: number;
  /** How many payloads (QR codes) the export has; 0 when the exporter did not say. */
  size: number;
  /** This payload's place in the export, from 0. */
  index: number;
  /** Shared by every payload of one export (a signed 32-bit number). */
  id: number;
}

/** What one migration URI holds. */
export interface DecodedMigration {
  accounts: MigrationAccount[];
  batch: MigrationBatch;
}

/** Options of {@link encodeMigration}. */
export interface EncodeMigrationOptions {
  /** Accounts per payload (default 10, as Google Authenticator does); more accounts make more URIs. */
  batchSize?: number;
  /** The shared batch id, a signed 32-bit integer (default: random from `random`). */
  batchId?: number;
  /** Where the batch id comes from (default: the platform CSPRNG). */
  random?: RandomSource;
}

const SCHEME = 'otpauth-migration://offline';
const MAX_URI_LENGTH = 100_000;
const ALGORITHM_CODES: Record<Algorithm, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };
const ALGORITHM_NAMES: Record<number, Algorithm> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
const DIGIT_CODES: Partial<Record<Digits, number>> = { 6: 1, 8: 2 };
const DIGIT_COUNTS: Record<number, Digits> = { 0: 6, 1: 6, 2: 8 };

/**
 * Encodes accounts as one or more migration URIs, `batchSize` accounts each.
 *
 * The format cannot say "period 60", "7 digits" or "Steam"; rather than export an account that
 * would give wrong codes on the other phone, such an account is refused with an error naming it.
 * @returns the URIs in batch order (batch_index 0, 1, …)
 * @throws {InvalidArgumentError} for an empty list, a bad option, or an account with a period other
 *   than 30 s, with 7 digits or of Steam Guard (the message names the account, never the secret)
 * @example
 * encodeMigration([{ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: 'JBSWY3DPEHPK3PXP' }]);
 * // ['otpauth-migration://offline?data=Ci8KCkhlbGxv…']
 */
export function encodeMigration(accounts: readonly AccountInput[], options: EncodeMigrationOptions = {}): string[] {
  checkList(accounts, 'accounts');
  options = checkOptions(options);
  if (accounts.length === 0) throw new InvalidArgumentError('"accounts" must hold at least one account');
  const { batchSize = 10, random = cryptoRandom } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    throw new InvalidArgumentError(`"batchSize" must be an integer from 1 to 1000, got ${describeValue(batchSize)}`);
  }
  const batchId = options.batchId ?? randomInt32(random);
  if (!Number.isInteger(batchId) || batchId < -(2 ** 31) || batchId >= 2 ** 31) {
    throw new InvalidArgumentError(`"batchId" must be a signed 32-bit integer, got ${describeValue(batchId)}`);
  }
  const entries = accounts.map((input, i) => encodeAccount(toAccount(input, `accounts[${i}]`), i));
  const count = Math.ceil(entries.length / batchSize);
  const uris: string[] = [];
  for (let index = 0; index < count; index++) {
    const payload = new ProtoWriter();
    for (const entry of entries.slice(index * batchSize, (index + 1) * batchSize)) payload.bytes(1, entry);
    payload.varint(2, 1).varint(3, count).varint(4, index).varint(5, batchId);
    uris.push(`${SCHEME}?data=${encodeURIComponent(toBase64(payload.finish()))}`);
  }
  return uris;
}

function encodeAccount(account: KeyUri, i: number): Uint8Array {
  const refusal = refusalOf('migration', account);
  if (refusal !== null) throw new InvalidArgumentError(`accounts[${i}] ${describeAccount(account)}: ${refusal}`);
  const digits = DIGIT_CODES[account.digits as Digits]!;
  // The name carries the issuer prefix, as Google Authenticator writes it, for apps that ignore `issuer`.
  const message = new ProtoWriter()
    .bytes(1, fromBase32(account.secret))
    .string(2, account.issuer === null ? account.account : `${account.issuer}:${account.account}`);
  if (account.issuer !== null) message.string(3, account.issuer);
  message
    .varint(4, ALGORITHM_CODES[account.algorithm])
    .varint(5, digits)
    .varint(6, account.type === 'hotp' ? 1 : 2);
  if (account.type === 'hotp') message.varint(7, account.counter!);
  return message.finish();
}

/**
 * Decodes one migration URI as real exporters write it: percent-encoded or raw base64, `+` read as
 * a space by a form decoder, missing padding, the URL-safe alphabet, negative batch ids, absent
 * version and batch fields, unspecified enums (SHA1, 6 digits, TOTP). `account` is the stored name
 * without a leading `<issuer>:`; TOTP accounts get a 30 s period (the format has none).
 * @throws {InvalidMigrationError} naming what is wrong (bad base64, truncated protobuf, wrong field
 *   type, unsupported algorithm…); the secret is never quoted
 * @example
 * decodeMigration('otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC');
 * // { accounts: [{ type: 'totp', issuer: 'Example', account: 'alice@google.com', … }],
 * //   batch: { version: 0, size: 0, index: 0, id: 0 } }
 */
export function decodeMigration(uri: string): DecodedMigration {
  const bytes = fromBase64(readData(uri));
  const accounts: MigrationAccount[] = [];
  const batch: MigrationBatch = { version: 0, size: 0, index: 0, id: 0 };
  const batchFields: Record<number, keyof MigrationBatch> = { 2: 'version', 3: 'size', 4: 'index', 5: 'id' };
  for (const field of readFields(bytes, 'MigrationPayload')) {
    if (field.number === 1) {
      accounts.push(
        decodeAccount(expect(field, WIRE_LENGTH, `otp_parameters[${accounts.length}]`).bytes, accounts.length),
      );
    } else if (batchFields[field.number] !== undefined) {
      const name = batchFields[field.number]!;
      const value = Number(BigInt.asIntN(32, expect(field, WIRE_VARINT, `batch ${name}`).value));
      batch[name] = value;
    }
  }
  if (accounts.length === 0) throw new InvalidMigrationError('migration payload holds no accounts');
  return { accounts, batch };
}

function decodeAccount(bytes: Uint8Array, i: number): MigrationAccount {
  const where = `otp_parameters[${i}]`;
  let secret: Uint8Array | undefined;
  let rawName = '';
  let issuerName = '';
  let algorithm = 0;
  let digits = 0;
  let type = 0;
  let counter = 0n;
  for (const field of readFields(bytes, where)) {
    switch (field.number) {
      case 1:
        secret = expect(field, WIRE_LENGTH, `${where}.secret`).bytes;
        break;
      case 2:
        rawName = readText(expect(field, WIRE_LENGTH, `${where}.name`).bytes, `${where}.name`);
        break;
      case 3:
        issuerName = readText(expect(field, WIRE_LENGTH, `${where}.issuer`).bytes, `${where}.issuer`);
        break;
      case 4:
        algorithm = readEnum(field, `${where}.algorithm`);
        break;
      case 5:
        digits = readEnum(field, `${where}.digits`);
        break;
      case 6:
        type = readEnum(field, `${where}.type`);
        break;
      case 7:
        counter = expect(field, WIRE_VARINT, `${where}.counter`).value;
        break;
      default:
        break; // unknown fields are skipped, as protobuf readers must
    }
  }
  if (secret === undefined || secret.length === 0) throw new InvalidMigrationError(`${where} has no secret`);
  if (secret.length > 1024)
    throw new InvalidMigrationError(`${where}.secret must be at most 1024 bytes, got ${secret.length}`);
  const algorithmName = ALGORITHM_NAMES[algorithm];
  if (algorithmName === undefined) {
    throw new InvalidMigrationError(
      `${where}.algorithm must be SHA1, SHA256 or SHA512 (1, 2 or 3), got ${algorithm === 4 ? 'MD5 (4), which TOTP does not use' : algorithm}`,
    );
  }
  const digitCount = DIGIT_COUNTS[digits];
  if (digitCount === undefined)
    throw new InvalidMigrationError(`${where}.digits must be 6 or 8 (1 or 2), got ${digits}`);
  if (type > 2) throw new InvalidMigrationError(`${where}.type must be HOTP or TOTP (1 or 2), got ${type}`);
  const issuer = issuerName.trim() === '' ? null : issuerName.trim();
  const account =
    issuer !== null && rawName.startsWith(`${issuerName}:`)
      ? rawName.slice(issuerName.length + 1).replace(/^\s+/, '')
      : rawName;
  const base = {
    issuer,
    account: account.trimEnd(),
    rawName,
    secret: toBase32(secret),
    algorithm: algorithmName,
    digits: digitCount,
  };
  if (type !== 1) return { type: 'totp', ...base, period: DEFAULT_PERIOD, counter: null };
  // int64 on the wire; a counter must be a JavaScript-safe, non-negative integer.
  const signed = BigInt.asIntN(64, counter);
  if (signed < 0n || signed > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidMigrationError(`${where}.counter must be an integer from 0 to 2^53 - 1, got ${signed}`);
  }
  return { type: 'hotp', ...base, period: null, counter: Number(signed) };
}

/** The `data` parameter's value, percent-decoded. */
function readData(uri: string): string {
  if (typeof uri !== 'string')
    throw new InvalidMigrationError(`migration URI must be a string, got ${describeValue(uri)}`);
  const text = uri.trim();
  if (text.length > MAX_URI_LENGTH)
    throw new InvalidMigrationError(`migration URI is too long: ${text.length} characters (at most ${MAX_URI_LENGTH})`);
  const match = /^otpauth-migration:\/\/offline\/?\?(.*)$/is.exec(text);
  if (!match)
    throw new InvalidMigrationError(
      `migration URI must start with ${SCHEME}?data=, got ${describeValue(text.split('?')[0])}`,
    );
  const data = match[1]!.split('&').find((part) => part.toLowerCase().startsWith('data='));
  if (data === undefined || data.length === 5) throw new InvalidMigrationError('migration URI has no "data" parameter');
  try {
    return decodeURIComponent(data.slice(5));
  } catch {
    throw new InvalidMigrationError('migration URI "data" parameter has an invalid percent-encoding');
  }
}

function expect<W extends WireField['wire']>(field: WireField, wire: W, name: string): Extract<WireField, { wire: W }> {
  if (field.wire !== wire) {
    throw new InvalidMigrationError(
      `migration payload field ${name} must be ${wireName(wire)}, got wire type ${wireName(field.wire)}`,
    );
  }
  return field as Extract<WireField, { wire: W }>;
}

function readEnum(field: WireField, name: string): number {
  const value = expect(field, WIRE_VARINT, name).value;
  return Number(BigInt.asIntN(32, value));
}

function readText(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidMigrationError(`migration payload field ${name} is not valid UTF-8`);
  }
}

function randomInt32(random: RandomSource): number {
  const b = random.getRandomValues(new Uint8Array(4));
  return (b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!;
}
