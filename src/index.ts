// totp-lab: core (TOTP/HOTP, secrets, key URIs, clocks) and the simulator.

export { systemClock, manualClock } from './core/clock.js';
export { cryptoRandom } from './core/random.js';
export { generateSecret, toSecretBase32, MIN_NEW_SECRET_BYTES, DEFAULT_SECRET_BYTES } from './core/secret.js';
export { toBase32, fromBase32 } from './core/base32.js';
export { generateCode, verifyCode, stepAt, secondsLeft, normalizeTypedCode } from './core/code.js';
export { prepareSecret, PreparedSecret } from './core/prepared-secret.js';
export { buildKeyUri, parseKeyUri } from './core/key-uri.js';
export { constantTimeEqual } from './core/constant-time.js';
export { ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_DIGITS, DEFAULT_PERIOD, DEFAULT_WINDOW } from './core/options.js';
export {
  TotpLabError,
  InvalidArgumentError,
  InvalidSecretError,
  InvalidKeyUriError,
  InvalidStateError,
} from './core/errors.js';

export type { Clock, ManualClock } from './core/clock.js';
export type { RandomSource } from './core/random.js';
export type { SecretInput, GenerateSecretOptions } from './core/secret.js';
export type { CodeOptions, VerifyOptions, VerifyResult } from './core/code.js';
export type { PrepareSecretOptions } from './core/prepared-secret.js';
export type { KeyUri, ParsedKeyUri, BuildKeyUriInput } from './core/key-uri.js';
export type { Algorithm, Digits } from './core/options.js';
export type { TotpLabErrorCode } from './core/errors.js';

// Simulator
export { MemoryStore } from './sim/store.js';
export type { Store, StoreValue } from './sim/store.js';
export type { RgbaImage, QrCamera } from './core/image.js';
