/**
 * The readers of encrypted and zipped exports in one module, which readExport loads the first
 * time such a file comes: one chunk for an app's bundler to load on demand, not one per format.
 * Their cryptography (scrypt, Argon2id, XChaCha20-Poly1305) and the zip reader are loaded by them
 * in turn, when a file needs them.
 */
import { decryptAegisVault } from './aegis-encrypted.js';
import { decryptAndOtpBackup } from './andotp.js';
import { decryptEnteExport } from './ente-encrypted.js';
import type { FormatImport } from './entries.js';
import type { AccountsFormat } from './formats.js';
import { readProtonPassZip } from './proton-pass.js';
import { decryptTotpAuthenticatorBackup } from './totp-authenticator.js';
import { decryptTwoFasBackup } from './two-fas.js';

/** Reads a file's text or bytes, with its password where it has one. */
export type OnDemandReader = (input: string | Uint8Array, password: string) => Promise<FormatImport>;

const text = (input: string | Uint8Array) =>
  (typeof input === 'string' ? input : new TextDecoder().decode(input)).replace(/^\uFEFF/, '');
const bytes = (input: string | Uint8Array) => (typeof input === 'string' ? new TextEncoder().encode(input) : input);

export const ON_DEMAND_READERS: Partial<Record<AccountsFormat, OnDemandReader>> = {
  'aegis-encrypted': (input, password) => decryptAegisVault(text(input), password),
  '2fas-encrypted': (input, password) => decryptTwoFasBackup(text(input), password),
  'andotp-encrypted': (input, password) => decryptAndOtpBackup(bytes(input), password),
  'ente-encrypted': (input, password) => decryptEnteExport(text(input), password),
  'totp-authenticator': (input, password) => decryptTotpAuthenticatorBackup(text(input), password),
  'proton-pass': (input) => readProtonPassZip(bytes(input)),
};

export { toEncryptedAegisVault } from './aegis-encrypted.js';
