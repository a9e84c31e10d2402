/**
 * Prepared secrets: a key with its HMAC states computed once (RFC 2104 §4), for code that checks
 * the same account many times — a server holding one per enrolled user, a load simulation.
 */
import { InvalidArgumentError, describeValue } from './errors.js';
import { HASHES, counterKey, type CounterKey } from './hmac.js';
import { DEFAULT_ALGORITHM, checkAlgorithm, type Algorithm } from './options.js';
import { toSecretBytes, type SecretInput } from './secret.js';

/** Options of {@link prepareSecret}. */
export interface PrepareSecretOptions {
  /** The HMAC hash the codes use (default SHA1). Fixed for the prepared secret's lifetime. */
  algorithm?: Algorithm;
}

// Lets the code functions read the key while it stays a private field: a prepared secret does not
// show its key material to JSON.stringify, console.log or property enumeration.
let readKey: (prepared: PreparedSecret) => CounterKey;
let wrapKey: (key: CounterKey) => PreparedSecret;

/**
 * An opaque, ready-to-use secret for one algorithm. Pass it to `generateCode` and `verifyCode`
 * wherever they take a secret; the results are the same as with the plain secret, only faster.
 * It stands in for the key, so keep it as secret as the key itself.
 */
export class PreparedSecret {
  /** The HMAC hash this secret was prepared for. */
  readonly algorithm: Algorithm;
  readonly #key: CounterKey;

  static {
    readKey = (prepared) => prepared.#key;
    wrapKey = (key) => new PreparedSecret(key);
  }

  /** Use {@link prepareSecret}. */
  private constructor(key: CounterKey) {
    this.algorithm = key.hash.algorithm;
    this.#key = key;
  }
}

/**
 * Reads a secret once and precomputes its HMAC states, so each code afterwards costs two hash
 * compressions instead of four plus the base32 decoding.
 * @param secret base32 text or bytes, as {@link toSecretBytes} reads them
 * @param options.algorithm the HMAC hash (default SHA1); codes must then use the same one
 * @throws {InvalidSecretError} when the secret is not base32 or bytes
 * @throws {InvalidArgumentError} when the algorithm is unknown
 * @example
 * const prepared = prepareSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
 * generateCode(prepared, { time: 59_000, digits: 8 }); // '94287082'
 * verifyCode(prepared, '287082', { time: 59_000 });   // { valid: true, delta: 0, counter: 1 }
 */
export function prepareSecret(secret: SecretInput, options: PrepareSecretOptions = {}): PreparedSecret {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  }
  const algorithm = options.algorithm === undefined ? DEFAULT_ALGORITHM : checkAlgorithm(options.algorithm);
  return wrapKey(counterKey(HASHES[algorithm], toSecretBytes(secret)));
}

/** The HMAC key inside a prepared secret. */
export function preparedKey(prepared: PreparedSecret): CounterKey {
  return readKey(prepared);
}
