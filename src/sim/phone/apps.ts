/**
 * Which authenticator app the virtual phone runs. Real apps differ in what they make of a key URI
 * and what their export keeps; each persona below reproduces behaviour reported in public bug
 * reports (docs/phone.md cites them). The point for a trainer: the same QR code works in one app and
 * fails in another unless the service keeps to SHA-1, 6 digits and 30 seconds, as Ügyfélkapu+ does.
 */
import { InvalidArgumentError, InvalidStateError, describeValue } from '../../core/errors.js';
import type { KeyUri } from '../../core/key-uri.js';
import { DEFAULT_ALGORITHM, DEFAULT_DIGITS, DEFAULT_PERIOD } from '../../core/options.js';
import type { Language, Localized } from '../language.js';

/** The key-URI parameters an app may read or drop; a dropped one is taken as its default. */
export type KeyParameter = 'algorithm' | 'digits' | 'period';

/** The built-in apps. */
export type AuthenticatorAppId = 'faithful' | 'sha1-only' | 'scan-only' | 'lossy-export';

/** What an app does with key URIs, typed keys and its export. */
export interface AuthenticatorApp {
  readonly id: AuthenticatorAppId;
  readonly name: Localized;
  /** What it does differently, for the selector and the docs. */
  readonly description: Localized;
  /** The parameters it reads from a key URI (or a typed key, or an import); the others become SHA1, 6, 30. */
  readonly reads: readonly KeyParameter[];
  /** Whether it has "enter a setup key" ("Nem tudom beolvasni a kódot" needs it). */
  readonly manualEntry: boolean;
  /** The parameters its export writes; the others come out as SHA1, 6, 30. */
  readonly exportKeeps: readonly KeyParameter[];
}

const ALL: readonly KeyParameter[] = Object.freeze(['algorithm', 'digits', 'period'] as const);

/** An app frozen all the way down: the catalog is shared by every phone. */
const frozen = (app: AuthenticatorApp): AuthenticatorApp =>
  Object.freeze({
    ...app,
    name: Object.freeze({ ...app.name }),
    description: Object.freeze({ ...app.description }),
    reads: Object.freeze([...app.reads]),
    exportKeeps: Object.freeze([...app.exportKeeps]),
  });

/** The built-in apps, by id. */
export const AUTHENTICATOR_APPS: Readonly<Record<AuthenticatorAppId, AuthenticatorApp>> = Object.freeze({
  faithful: frozen({
    id: 'faithful',
    name: { hu: 'Pontos alkalmazás', en: 'Faithful app' },
    description: {
      hu: 'Minden kulcsparamétert betart (algoritmus, számjegyek, időlépés), van kézi kulcsbevitel, és az exportja mindent megőriz.',
      en: 'Honours every key parameter (algorithm, digits, period), has manual key entry, and its export keeps everything.',
    },
    reads: ALL,
    manualEntry: true,
    exportKeeps: ALL,
  }),
  'sha1-only': frozen({
    id: 'sha1-only',
    name: { hu: 'Csak SHA-1 alkalmazás', en: 'SHA-1-only app' },
    description: {
      hu: 'Beolvassa a SHA-256/SHA-512, 8 számjegyű vagy 60 másodperces QR-kódot is, de SHA-1, 6 számjegyű, 30 másodperces kódot mutat.',
      en: 'Reads a SHA-256/SHA-512, 8-digit or 60-second QR code without complaint, yet shows SHA-1, 6-digit, 30-second codes.',
    },
    reads: [],
    manualEntry: true,
    exportKeeps: ALL,
  }),
  'scan-only': frozen({
    id: 'scan-only',
    name: { hu: 'Csak beolvasó alkalmazás', en: 'Scan-only app' },
    description: {
      hu: 'Nincs kézi kulcsbevitel: csak QR-kódot tud beolvasni, így ugyanazon a telefonon megnyitott QR-kódot nem tud felvenni.',
      en: 'No manual key entry: it can only scan a QR code, so a QR code shown on the same phone cannot be added.',
    },
    reads: ALL,
    manualEntry: false,
    exportKeeps: ALL,
  }),
  'lossy-export': frozen({
    id: 'lossy-export',
    name: { hu: 'Hiányos exportú alkalmazás', en: 'Lossy-export app' },
    description: {
      hu: 'Helyes kódot mutat, de az exportjából kimarad az időlépés: a 60 másodperces fiók a másik telefonon 30 másodperces lesz.',
      en: 'Shows the right codes, but its export leaves out the period: a 60-second account arrives on the other phone as 30-second.',
    },
    reads: ALL,
    manualEntry: true,
    exportKeeps: ['algorithm', 'digits'],
  }),
});

/** The default app: the one that honours every parameter. */
export const DEFAULT_AUTHENTICATOR_APP: AuthenticatorAppId = 'faithful';

/** Checks an app id. @throws {InvalidArgumentError} naming the ids there are */
export function checkAppId(value: unknown, field = 'app'): AuthenticatorAppId {
  if (typeof value === 'string' && Object.hasOwn(AUTHENTICATOR_APPS, value)) return value as AuthenticatorAppId;
  throw new InvalidArgumentError(
    `"${field}" must be one of ${Object.keys(AUTHENTICATOR_APPS).join(', ')}, got ${describeValue(value)}`,
  );
}

/** The account as the app understands it: what it does not read becomes SHA1, 6, 30. */
export function asAppReads(app: AuthenticatorApp, account: KeyUri): KeyUri {
  return keepOnly(account, app.reads);
}

/** The account as the app's export writes it: what it does not keep comes out as SHA1, 6, 30. */
export function asAppExports(app: AuthenticatorApp, account: KeyUri): KeyUri {
  return keepOnly(account, app.exportKeeps);
}

function keepOnly(account: KeyUri, kept: readonly KeyParameter[]): KeyUri {
  return {
    ...account,
    algorithm: kept.includes('algorithm') ? account.algorithm : DEFAULT_ALGORITHM,
    digits: kept.includes('digits') ? account.digits : DEFAULT_DIGITS,
    // HOTP has no period to drop.
    period: account.type === 'totp' && !kept.includes('period') ? DEFAULT_PERIOD : account.period,
  };
}

/** Refuses manual entry in an app that has none, as the missing button would. */
export function needManualEntry(app: AuthenticatorApp, language: Language): void {
  if (app.manualEntry) return;
  throw new InvalidStateError(
    language === 'hu'
      ? `${app.name.hu}: nincs kézi kulcsbevitel, csak QR-kódot lehet beolvasni`
      : `${app.name.en}: there is no manual key entry, only scanning a QR code`,
  );
}
