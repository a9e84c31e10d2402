/**
 * The one reader of provider arguments (the argument object, usernames, passwords, codes) for
 * every provider flow, so each call that takes
 * them applies the same bounds before any work is done: no method keeps a megabyte username in its
 * audit log, and no two spellings of one name reach two accounts.
 *
 * Usernames are trimmed and put in Unicode Normalization Form C (NFC), as passwords are before
 * hashing: "kovács.jános" typed with a precomposed "á" (NFC, as most keyboards send it) and with
 * "a" + combining acute (NFD, as some macOS paths and pasted text carry it) is one account. Case is
 * NOT folded: the public descriptions of Ügyfélkapu do not say the real service folds case, and
 * folding depends on the locale (Turkish dotless i, German ß), so two names that differ in case are
 * two accounts, exactly as they were typed at registration.
 */
import { InvalidArgumentError, describeValue } from '../../core/errors.js';

/** The longest username, in UTF-16 code units after normalisation. */
export const MAX_USERNAME_LENGTH = 128;
/** The longest password, in UTF-16 code units, as password hashing accepts. */
export const MAX_PASSWORD_LENGTH = 4096;

/**
 * A username as the provider stores and compares it: trimmed, NFC, 1 to 128 printable characters.
 * @throws {InvalidArgumentError} naming "username" (a username is not secret, so it is shown, cut short)
 */
export function readUsername(value: unknown): string {
  if (typeof value !== 'string')
    throw new InvalidArgumentError(`"username" must be a string, got ${describeValue(value)}`);
  // Checked before normalising too, so a megabyte string costs no normalisation (NFC at most triples a length).
  const bad = (): never => {
    throw new InvalidArgumentError(
      `"username" must be 1 to ${MAX_USERNAME_LENGTH} printable characters, got ${describeValue(value)}`,
    );
  };
  if (value.length > MAX_USERNAME_LENGTH * 4 || !value.isWellFormed()) bad();
  const name = value.trim().normalize('NFC');
  if (name === '' || name.length > MAX_USERNAME_LENGTH || /[\u0000-\u001f\u007f-\u009f]/.test(name)) bad();
  return name;
}

/** The longest one-time code a flow reads (longer ones are misuse, not a wrong code). */
export const MAX_CODE_LENGTH = 64;

/**
 * The argument object every provider flow takes.
 * @throws {InvalidArgumentError} naming the flow when `input` is not an object
 */
export function readArguments(input: unknown, flow: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidArgumentError(`"${flow}" takes an object argument, got ${describeValue(input)}`);
  }
  return input as Record<string, unknown>;
}

/**
 * A typed secret that may be empty (a one-time code or a törlőkód: an empty one is a wrong one, a
 * normal refusal). Its value is never shown, only its type or length.
 * @throws {InvalidArgumentError} naming `field`
 */
export function readCode(value: unknown, field: string, max = MAX_CODE_LENGTH): string {
  if (typeof value !== 'string')
    throw new InvalidArgumentError(
      `"${field}" must be a string, got a value of type ${value === null ? 'null' : typeof value}`,
    );
  if (value.length > max)
    throw new InvalidArgumentError(`"${field}" must be at most ${max} characters, got ${value.length}`);
  return value;
}

/**
 * A password or another secret typed by the user: a string of 1 to `max` characters. Its value is
 * never shown, only its type or length.
 * @throws {InvalidArgumentError} naming `field`
 */
export function readSecret(value: unknown, field: string, max = MAX_PASSWORD_LENGTH): string {
  const secret = readCode(value, field, max);
  if (secret.length === 0) throw new InvalidArgumentError(`"${field}" must not be empty`);
  return secret;
}

/** The fields every password-bearing call starts with. */
export type Credentials = { username: string; password: string };

/**
 * Reads `username` and `password` from a provider method's argument object.
 * @throws {InvalidArgumentError} naming the first field that is wrong
 */
export function readCredentials(args: Record<string, unknown>): Credentials {
  return { username: readUsername(args['username']), password: readSecret(args['password'], 'password') };
}

/**
 * The id of a pending enrollment or device change, as startEnrollment returned it.
 * @throws {InvalidArgumentError} naming "enrollmentId"
 */
export function readEnrollmentId(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{32}$/.test(value)) {
    throw new InvalidArgumentError(
      `"enrollmentId" must be the 32-character id startEnrollment returned, got ${describeValue(value)}`,
    );
  }
  return value;
}
