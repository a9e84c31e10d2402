/**
 * The types a virtual phone ({@link createAuthenticator}) takes and gives: plain data, so a
 * browser demo or a test can show, compare and store them.
 */
import type { Clock } from '../core/clock.js';
import type { QrCamera } from '../core/image.js';
import type { KeyUri } from '../core/key-uri.js';
import type { Language } from './language.js';
import type { RandomSource } from '../core/random.js';
import type { AccountsFormat } from '../core/formats/read-accounts.js';
import type { TransferProgress } from './transfer-progress.js';

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
}

/** An account as the app's list shows it: no secret, the current code and the time it has left. */
export interface AccountView {
  id: string;
  type: 'totp' | 'hotp';
  issuer: string | null;
  account: string;
  algorithm: KeyUri['algorithm'];
  digits: KeyUri['digits'];
  period: number | null;
  /** HOTP: the counter the next "next code" will use. */
  counter: number | null;
  /** TOTP: the code now; HOTP: the code on screen, or null before "next code" was pressed. */
  code: string | null;
  /** TOTP: whole seconds until the code changes; null for HOTP. */
  secondsLeft: number | null;
}

/** The outcome of adding one account: added, or refused as a duplicate (a normal result). */
export type AddResult =
  | { status: 'added'; account: AccountView; /** Set when another entry has the same name but a different key. */ warning?: string }
  | { status: 'duplicate'; account: AccountView; message: string };

/** The outcome of importing several accounts at once. */
export interface ImportResult {
  format: AccountsFormat;
  added: AccountView[];
  /** Accounts already on the phone (same issuer, account and secret), left alone. */
  duplicates: AccountView[];
  /** Aegis entries that could not be used, with the reason. */
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

