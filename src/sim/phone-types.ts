/**
 * The types a virtual phone ({@link createAuthenticator}) takes and gives: plain data, so a
 * browser demo or a test can show, compare and store them.
 */
import type { Clock } from '../core/clock.js';
import type { QrCamera, RgbaImage } from '../core/image.js';
import type { KeyUri } from '../core/key-uri.js';
import type { Language } from './language.js';
import type { RandomSource } from '../core/random.js';
import type { AccountsFormat, ReadExportOptions } from '../core/formats/read-accounts.js';
import type { PhoneState } from './phone-state.js';
import type { TransferProgress } from './transfer-progress.js';
import type { AuthenticatorApp, AuthenticatorAppId } from './phone/apps.js';

/** Options of `createAuthenticator`. */
export interface AuthenticatorOptions {
  /** The true time; the phone shows codes for `clock.now() + driftMs`. */
  clock: Clock;
  /** How far the phone's clock is off, in ms (positive: ahead). Default 0, or what `state` says. */
  driftMs?: number;
  /** Draws and reads QR codes; needed only by `scan` and `exportQrImages` (see `totp-lab/qr`). */
  camera?: QrCamera;
  /** For export batch ids (default: the platform CSPRNG). */
  random?: RandomSource;
  /** The language of the phone's messages: `en` (default) or `hu`. */
  language?: Language;
  /** State saved earlier with `toJSON()` (object or JSON text). */
  state?: unknown;
  /**
   * The app the phone runs (default `faithful`, or what `state` says): see AUTHENTICATOR_APPS and
   * docs/phone.md for the apps that ignore key parameters, lack manual entry or export lossily.
   */
  app?: AuthenticatorAppId;
}

/** An account as the app's list shows it: no secret, the current code and the time it has left. */
export interface AccountView {
  id: string;
  /** `steam`: a Steam Guard account, whose code is 5 characters of Steam's alphabet. */
  type: KeyUri['type'];
  issuer: string | null;
  account: string;
  algorithm: KeyUri['algorithm'];
  digits: KeyUri['digits'];
  period: number | null;
  /** HOTP: the counter the next "next code" will use. */
  counter: number | null;
  /** TOTP and Steam: the code now; HOTP: the code on screen, or null before "next code" was pressed. */
  code: string | null;
  /** TOTP and Steam: whole seconds until the code changes; null for HOTP. */
  secondsLeft: number | null;
}

/** The outcome of adding one account: added, or refused as a duplicate (a normal result). */
export type AddResult =
  | {
      status: 'added';
      account: AccountView;
      /** Set when another entry has the same name but a different key. */ warning?: string;
    }
  | { status: 'duplicate'; account: AccountView; message: string };

/** The outcome of importing several accounts at once. */
export interface ImportResult {
  format: AccountsFormat;
  added: AccountView[];
  /** Accounts already on the phone (same issuer, account and secret), left alone. */
  duplicates: AccountView[];
  /** Entries that could not be used (mOTP, Yandex, …), with the reason. */
  skipped: Array<{ index: number; name: string; reason: string }>;
  /** For a migration batch: which batches of its export were scanned and which are missing. */
  transfers: TransferProgress[];
}

/** The outcome of pointing the camera at a picture. Nothing here is an exception. */
export type ScanResult =
  | (AddResult & { kind: 'key-uri' })
  | (ImportResult & { status: 'imported'; kind: 'migration' })
  | { status: 'no-code'; message: string }
  | { status: 'unrecognized'; message: string }
  | { status: 'invalid'; message: string };

/** What "Nem tudom beolvasni a kódot" (I can't scan the code) lets a user type by hand. */
export interface ManualEntry {
  issuer?: string | null;
  account: string;
  /** The secret key as shown under the QR code (base32; spaces and lower case are fine). */
  secret: string;
  type?: 'totp' | 'hotp';
  algorithm?: KeyUri['algorithm'];
  digits?: KeyUri['digits'];
  period?: number;
  counter?: number;
}

/** What `requestDelete` shows before the user confirms. */
export interface DeleteRequest {
  account: AccountView;
  warning: string;
}

/** Which accounts a phone exports, and how many per migration QR code. */
export interface ExportOptions {
  /** The accounts to export (default: all). */
  ids?: readonly string[];
  /** Accounts per migration QR code (default 10). */
  batchSize?: number;
}

/**
 * A virtual phone running an authenticator app, as `createAuthenticator` makes it. Results are
 * plain data; what a real app would show as a message is a result, never an exception.
 */
export interface Authenticator {
  /** The phone's own time in ms: the clock plus the drift. */
  now(): number;
  /** The language of the phone's messages (`en` or `hu`); a trainer may switch it. */
  language: Language;
  /** How far the phone's clock is off, in ms. */
  readonly driftMs: number;
  /** The app the phone runs. */
  readonly app: AuthenticatorApp;
  /** Sets how far the phone's clock is off (a trainer turning the phone's clock). */
  setDrift(ms: number): void;
  /** Adds the account in an otpauth:// key URI. @throws {InvalidKeyUriError} for a malformed URI */
  addKeyUri(uri: string): AddResult;
  /**
   * Adds an account typed by hand ("Nem tudom beolvasni a kódot").
   * @throws {InvalidArgumentError} or {@link InvalidSecretError}; {@link InvalidStateError} when the app has no manual entry
   */
  addManually(entry: ManualEntry): AddResult;
  /**
   * Points the camera at a picture: a setup QR code (key URI) adds one account, a transfer QR code
   * (migration URI) imports its batch. @throws {InvalidStateError} when the phone has no camera
   */
  scan(image: RgbaImage): Promise<ScanResult>;
  /** Every account with its current code, in the order added. */
  list(): AccountView[];
  /** One account with its current code. @throws {InvalidArgumentError} for an unknown id */
  get(id: string): AccountView;
  /**
   * HOTP's "next code" button: shows the code for the account's counter and moves the counter on.
   * @returns the code now on screen
   * @throws {InvalidArgumentError} for an unknown id or a TOTP account
   */
  nextCode(id: string): string;
  /** "Swipe right to edit": changes the shown issuer and/or account name. @throws {InvalidArgumentError} */
  rename(id: string, names: { issuer?: string | null; account?: string }): AccountView;
  /** "Swipe left": asks to remove an account. Nothing is removed until {@link Authenticator.confirmDelete}. */
  requestDelete(id: string): DeleteRequest;
  /** Confirms the removal asked for with {@link Authenticator.requestDelete}; without that request nothing is removed. */
  confirmDelete(id: string): { deleted: boolean };
  /** Cancels a pending removal. */
  cancelDelete(): void;
  /** Exports accounts as migration URIs (one per batch). @throws {InvalidArgumentError} for an account the format cannot carry */
  exportMigration(opts?: ExportOptions): string[];
  /** Exports accounts as migration QR images via the camera, one per batch. @throws {InvalidStateError} without a camera */
  exportQrImages(opts?: ExportOptions): RgbaImage[];
  /** Imports one migration URI (one batch); `transfers` says which batches of its export are still missing. */
  importMigration(uri: string): ImportResult;
  /**
   * Imports what a phone exports as text, at once: migration URIs (one per line), a key-URI list,
   * a plain Aegis vault. @throws {UnsupportedFormatError} for another app's file: use `importFile`,
   * which loads the reader it needs
   */
  importText(text: string): ImportResult;
  /**
   * Imports an export file of any readable format (docs/formats.md), encrypted ones with
   * `options.password`. @throws {WrongPasswordError} for a wrong password (nothing is added)
   */
  importFile(input: string | Uint8Array, options?: ReadExportOptions): Promise<ImportResult>;
  /** Multi-QR imports still missing batches. */
  pendingTransfers(): TransferProgress[];
  /** Exports accounts as otpauth:// key URIs, one per line. */
  exportUriList(ids?: readonly string[]): string;
  /** Exports accounts as a plain (unencrypted) Aegis vault, as JSON text. */
  exportAegis(ids?: readonly string[]): string;
  /** The phone's state as plain data, secrets included; restore with `createAuthenticator({ clock, state })`. */
  toJSON(): PhoneState;
}
