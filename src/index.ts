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
  InvalidMigrationError,
  InvalidImageError,
} from './core/errors.js';
export { encodeMigration, decodeMigration } from './core/formats/migration/migration.js';
export { parseUriList, formatUriList } from './core/formats/uri-list.js';
export { parseAegisVault, toAegisVault } from './core/formats/aegis.js';
export { readAccounts } from './core/formats/read-accounts.js';

export type { Clock, ManualClock } from './core/clock.js';
export type { RandomSource } from './core/random.js';
export type { SecretInput, GenerateSecretOptions } from './core/secret.js';
export type { CodeOptions, VerifyOptions, VerifyResult } from './core/code.js';
export type { PrepareSecretOptions } from './core/prepared-secret.js';
export type { KeyUri, ParsedKeyUri, BuildKeyUriInput } from './core/key-uri.js';
export type { Algorithm, Digits } from './core/options.js';
export type { TotpLabErrorCode } from './core/errors.js';
export type { AccountInput } from './core/account.js';
export type { AegisImport, AegisEntry, AegisVault } from './core/formats/aegis.js';
export type { AccountsFormat, ReadAccountsResult } from './core/formats/read-accounts.js';
export type {
  MigrationAccount,
  MigrationBatch,
  DecodedMigration,
  EncodeMigrationOptions,
} from './core/formats/migration/migration.js';

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
export { AUTHENTICATOR_APPS, DEFAULT_AUTHENTICATOR_APP } from './sim/phone/apps.js';
export type { AuthenticatorApp, AuthenticatorAppId, KeyParameter } from './sim/phone/apps.js';
export type { TransferProgress } from './sim/transfer-progress.js';
export type { Store, StoreValue } from './sim/store.js';
export type { RgbaImage, QrCamera } from './core/image.js';
export { createProvider } from './sim/provider.js';
export { UGYFELKAPU_ACTIVATION_DELAY_MS } from './sim/provider-options.js';
export { MESSAGES, MESSAGES_HU, MESSAGES_EN, formatMessage } from './sim/messages.js';
export { DEFAULT_THROTTLE, throttleDelayMs } from './sim/throttle.js';
export {
  hashPassword,
  verifyPassword,
  encodePasswordHash,
  decodePasswordHash,
  DEFAULT_PASSWORD_HASH_ITERATIONS,
  LOW_COST_HASHING_FOR_TESTS,
} from './core/password-hash.js';
export {
  generateDeletionCode,
  formatDeletionCode,
  normalizeDeletionCode,
  hashDeletionCode,
  verifyDeletionCode,
  DEFAULT_DELETION_CODE_LENGTH,
  DEFAULT_DELETION_CODE_GROUP,
} from './core/deletion-code.js';
export type { Provider, LoginOk, AccountStatus } from './sim/provider.js';
export type { ProviderOptions, ProviderProfile } from './sim/provider-options.js';
export type { Refusal } from './sim/context.js';
export type { RegisterResult, UnlockResult } from './sim/provider/accounts.js';
export type {
  EnrollmentStarted,
  EnrollmentConfirmed,
  EnrollmentFinished,
  EnrollmentAbandoned,
} from './sim/provider/enrollment.js';
export type { DeletionCodeRedeemed } from './sim/provider/deletion.js';
export type { AuditEvent, AuditEventType, RefusalReason } from './sim/audit.js';
export type { FaultKind, FaultSwitchboard, FaultWindow, ActiveFault } from './sim/faults.js';
export type { Language, MessageKey, MessageCatalog } from './sim/messages.js';
export type { ThrottlePolicy } from './sim/throttle.js';
export type { PasswordHash, HashingOptions } from './core/password-hash.js';
export type { DeletionCodeOptions } from './core/deletion-code.js';

export { DEFAULT_SEARCH_STEPS, MAX_SEARCH_STEPS } from './sim/provider/trainer-view.js';
export type { StepView, CodeKey, CodeVerdict, CodeExplanation, ExplainCodeInput } from './sim/provider/trainer-view.js';
export { DEFAULT_ATTEMPT_HISTORY } from './sim/audit.js';
export { AUDIT_EVENT_NAMES, REFUSAL_REASON_NAMES, describeAuditEvent } from './sim/audit-texts.js';
export { explainAttempt, formatSpan } from './sim/attempt-texts.js';
export type { ExplainAttemptOptions } from './sim/attempt-texts.js';
export type {
  AttemptReason,
  AttemptParams,
  AttemptRecord,
  AttemptExplanation,
  AttemptsExplained,
  ExplainAttemptsOptions,
  SpanCase,
} from './sim/attempt-types.js';
export { isTotpLabError } from './core/errors.js';
export { MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH } from './sim/store.js';

// Export files of real authenticator apps: detection, readers and writers (docs/formats.md)
export { WrongPasswordError, UnsupportedFormatError } from './core/errors.js';
export { readExport } from './core/formats/read-accounts.js';
export { detectFormat, FORMAT_NAMES } from './core/formats/detect.js';
export { readUriList } from './core/formats/uri-list.js';
export { decryptAegisVault, toEncryptedAegisVault } from './core/formats/aegis-encrypted.js';
export { parseTwoFasBackup, decryptTwoFasBackup, toTwoFasBackup } from './core/formats/two-fas.js';
export { parseBitwardenJson, parseBitwardenCsv } from './core/formats/bitwarden.js';
export { parseAndOtpBackup, decryptAndOtpBackup } from './core/formats/andotp.js';
export { parseFreeOtpPlus } from './core/formats/freeotp-plus.js';
export { parseAuthenticatorPro } from './core/formats/authenticator-pro.js';
export { parseProtonExport } from './core/formats/proton.js';
export { parseLastPass } from './core/formats/lastpass.js';
export { KDF_LIMITS } from './core/formats/kdf.js';
export { detectExport } from './core/formats/detect.js';
export { parseSteamMaFile } from './core/formats/steam-mafile.js';
export { parseCxf, toCxf } from './core/formats/cxf.js';
export { toEnteExport } from './core/formats/ente.js';
export { decryptEnteExport } from './core/formats/ente-encrypted.js';
export { decryptTotpAuthenticatorBackup } from './core/formats/totp-authenticator.js';
export { parseProtonPass, readProtonPassZip } from './core/formats/proton-pass.js';
export { withDetails } from './core/formats/details.js';
export { EXPORT_FORMATS, EXPORT_FORMAT_NAMES } from './core/formats/capabilities.js';
export { planTransfer } from './core/formats/report.js';
export { writeExport } from './core/formats/write-export.js';
export { STEAM_ALPHABET } from './core/steam.js';
export type { AccountDetails, DetailedAccount } from './core/formats/details.js';
export type { ExportFormat } from './core/formats/capabilities.js';
export type { TransferReport, AccountReport, FieldReport, ReportField, FieldOutcome } from './core/formats/report.js';
export type { WriteExportOptions } from './core/formats/write-export.js';
export type { CxfDocument } from './core/formats/cxf.js';
export type { Encoder, CodeLength } from './core/steam.js';
export type { ReadExportOptions } from './core/formats/read-accounts.js';
export type { DetectedFormat } from './core/formats/detect.js';
export type { FormatImport, SkippedEntry } from './core/formats/entries.js';
export type { EncryptedAegisVault } from './core/formats/aegis-encrypted.js';
export type { TwoFasBackup, TwoFasService } from './core/formats/two-fas.js';
export type { ScryptParams, Argon2Params } from './core/formats/kdf.js';
export { DEFAULT_LANGUAGE, DEFAULT_PHONE_LANGUAGE, LANGUAGES, checkLanguage, isLanguage } from './sim/language.js';
export type { Localized } from './sim/language.js';
export { parseDurationInput, parseTimeInput } from './core/time-input.js';
export { createMemoryMailbox, MEMORY_MAILBOX_LIMIT } from './sim/mailer.js';
export type { Mailer, MailArrival, MailMessage, MemoryMailbox, MemoryMailboxOptions } from './sim/mailer.js';
export { MAIL_DELAY_KEY, MAX_MAIL_DELAY_MS } from './sim/mail-delay.js';
export {
  createStoreMailbox,
  MAILBOX_KEY_PREFIX,
  STORE_MAILBOX_PER_ADDRESS,
  STORE_MAILBOX_MAX_AGE_MS,
} from './sim/store-mailbox.js';
export type { StoreMailbox, StoreMailboxOptions, KeptMail } from './sim/store-mailbox.js';
export { readCodeMail } from './sim/mail-reading.js';
export type { CodeMailFields, MailPurpose } from './sim/mail-reading.js';
export {
  DEFAULT_EMAIL_CODE_POLICY,
  DEFAULT_PASSWORD_POLICY,
  DEFAULT_MAIL_FROM,
  UGYFELKAPU_PASSWORD_WARNINGS,
} from './sim/account-policy.js';
export type { EmailCodePolicy, ExpiryWarning, PasswordPolicy } from './sim/account-policy.js';
export type {
  PasswordOk,
  SecondFactorKind,
  EmailCodeSent,
  EmailFactorStarted,
  EmailFactorConfirmed,
  PasswordChanged,
  PasswordWarning,
  SeedAccountInput,
  SeededAccount,
  AccountCode,
  LastStep,
  AccountRemoved,
} from './sim/provider.js';
