// totp-lab: core (TOTP/HOTP, secrets, key URIs, clocks) and the simulator.

export { systemClock, manualClock } from './core/clock.js';
export { cryptoRandom } from './core/random.js';
export { generateSecret, toSecretBase32, MIN_NEW_SECRET_BYTES, DEFAULT_SECRET_BYTES } from './core/secret.js';
export { toBase32, fromBase32 } from './core/base32.js';
export { generateCode, verifyCode, stepAt, secondsLeft, normalizeTypedCode } from './core/code.js';
export { buildKeyUri, parseKeyUri } from './core/key-uri.js';
export { constantTimeEqual } from './core/constant-time.js';
export { ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_DIGITS, DEFAULT_PERIOD, DEFAULT_WINDOW } from './core/options.js';
export {
  TotpLabError,
  InvalidArgumentError,
  InvalidSecretError,
  InvalidKeyUriError,
  InvalidStateError,
  InvalidMigrationError,
} from './core/errors.js';
export { encodeMigration, decodeMigration } from './core/migration/migration.js';
export { parseUriList, formatUriList } from './core/uri-list.js';
export { parseAegisVault, toAegisVault } from './core/aegis.js';
export { readAccounts } from './core/read-accounts.js';

export type { Clock, ManualClock } from './core/clock.js';
export type { RandomSource } from './core/random.js';
export type { SecretInput, GenerateSecretOptions } from './core/secret.js';
export type { CodeOptions, VerifyOptions, VerifyResult } from './core/code.js';
export type { KeyUri, ParsedKeyUri, BuildKeyUriInput } from './core/key-uri.js';
export type { Algorithm, Digits } from './core/options.js';
export type { TotpLabErrorCode } from './core/errors.js';
export type { AccountInput } from './core/account.js';
export type { AegisImport, AegisEntry, AegisVault } from './core/aegis.js';
export type { AccountsFormat, ReadAccountsResult } from './core/read-accounts.js';
export type { MigrationAccount, MigrationBatch, DecodedMigration, EncodeMigrationOptions } from './core/migration/migration.js';

// Simulator
export { MemoryStore } from './sim/store.js';
export { createAuthenticator } from './sim/authenticator.js';
export { phoneStateFromJSON } from './sim/phone-state.js';
export type { Authenticator } from './sim/authenticator.js';
export type {
  AuthenticatorOptions,
  AccountView,
  AddResult,
  ImportResult,
  ScanResult,
  ManualEntry,
  DeleteRequest,
  ExportOptions,
} from './sim/phone-types.js';
export type { PhoneState, PhoneAccount, TransferState } from './sim/phone-state.js';
export type { TransferProgress } from './sim/transfer-progress.js';
export type { Store, StoreValue } from './sim/store.js';
export type { RgbaImage, QrCamera } from './core/image.js';
