/**
 * The on-disk form of a FileStore: one JSON document with a versioned envelope,
 * `{ "format": "totp-lab-store", "version": 1, "data": { "<key>": <value>, … } }`.
 * Reading is strict: anything else is refused with a one-line StoreError naming the file, so a
 * damaged or foreign file is never mistaken for an empty store and overwritten.
 */
import { describeValue, InvalidArgumentError } from '../core/errors.js';
import { MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH, checkStoreValueSize, type StoreValue } from '../sim/store.js';
import { StoreError } from './store-error.js';

/** The envelope's `format` value. */
export const STORE_FORMAT = 'totp-lab-store';
/** The envelope version this code reads and writes. */
export const STORE_VERSION = 1;

/** Parses a store file's text into its entries. */
export function parseStoreFile(path: string, text: string): Map<string, StoreValue> {
  const where = `store file ${JSON.stringify(path)}`;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '')
    throw new StoreError(path, `${where} is empty (truncated?); restore it from a backup or delete it to start afresh`);
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch (error) {
    // The parser's own message may quote the file's contents (secrets), so only its position is kept.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    const at = position === undefined ? '' : ` at position ${position}`;
    throw new StoreError(
      path,
      `${where} is not valid JSON${at} (truncated or hand-edited?); fix it, restore it from a backup or delete it to start afresh`,
    );
  }
  if (!isPlainObject(envelope)) {
    throw new StoreError(
      path,
      `${where} is not a totp-lab store: expected a JSON object, got ${describeJson(envelope)}`,
    );
  }
  if (envelope.format !== STORE_FORMAT) {
    throw new StoreError(
      path,
      `${where} is not a totp-lab store: "format" must be "${STORE_FORMAT}", got ${describeJson(envelope.format)}`,
    );
  }
  if (envelope.version !== STORE_VERSION) {
    throw new StoreError(
      path,
      `${where} has "version" ${describeJson(envelope.version)}; this totp-lab reads version ${STORE_VERSION}`,
    );
  }
  const data = envelope.data;
  if (!isPlainObject(data)) {
    throw new StoreError(path, `${where} is damaged: "data" must be an object, got ${describeJson(data)}`);
  }
  // Object.entries sees a "__proto__" key that JSON.parse created as an own property, so it survives.
  const entries = Object.entries(data) as [string, StoreValue][];
  for (const [key, value] of entries) {
    // The bound every store keeps on writing, also on reading: a hand-edited file nested 200 000
    // deep is refused here, instead of every later update failing with a RangeError.
    try {
      checkStoreValueSize(key, value);
    } catch (error) {
      throw new StoreError(
        path,
        `${where} is damaged: the value for key ${describeValue(key)} is larger than ${MAX_STORE_VALUE_CHARS} characters or nested deeper than ${MAX_STORE_VALUE_DEPTH}`,
        { cause: error },
      );
    }
  }
  return new Map(entries);
}

/** Serialises entries into a store file's text, keys sorted so files diff well. */
export function formatStoreFile(entries: ReadonlyMap<string, StoreValue>): string {
  // A prototype-less object, so a "__proto__" key is stored as data rather than changing a prototype.
  const data: Record<string, StoreValue> = Object.create(null) as Record<string, StoreValue>;
  for (const key of [...entries.keys()].sort()) data[key] = entries.get(key)!;
  return `${JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION, data }, null, 2)}\n`;
}

/**
 * Checks that `value` is JSON data a store can keep exactly: null, booleans, finite numbers,
 * strings, dense arrays and plain objects, without cycles. JSON.stringify would silently turn NaN
 * into null or a Date into a string; a store must not change what it was given.
 * @throws {InvalidArgumentError} naming the key and where in the value the problem is.
 */
export function checkStoreValue(key: string, value: unknown): asserts value is StoreValue {
  const ancestors = new Set<object>();
  const visit = (v: unknown, at: string): void => {
    const fail = (what: string, where = at): never => {
      throw new InvalidArgumentError(
        `the value for key ${describeValue(key)} must be JSON data (null, boolean, finite number, string, array or plain object), got ${what} at ${where || 'the top'}`,
      );
    };
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) fail(describeValue(v));
      return;
    }
    if (typeof v !== 'object') return void fail(describeValue(v));
    if (ancestors.has(v)) fail('a cycle');
    ancestors.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) fail('a hole', `${at}[${i}]`);
        visit(v[i], `${at}[${i}]`);
      }
    } else if (isPlainObject(v)) {
      for (const [k, item] of Object.entries(v)) visit(item, `${at}.${k}`);
    } else {
      fail(`an object of type ${(v as object).constructor?.name ?? 'unknown'}`);
    }
    ancestors.delete(v);
  };
  visit(value, '');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (isPlainObject(value)) return 'an object';
  return typeof value === 'boolean' ? String(value) : describeValue(value);
}
