/**
 * Error classes. A wrong code or a refused login is a normal result, never an exception; these are
 * for misuse: a malformed secret, URI or option. Every class shares {@link TotpLabError} and carries
 * a stable `code`, so callers (and the CLI) branch on `error.code` instead of parsing messages.
 */

/** Stable machine-readable error codes. */
export type TotpLabErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_SECRET'
  | 'INVALID_KEY_URI'
  | 'INVALID_MIGRATION'
  | 'INVALID_IMAGE'
  | 'INVALID_STATE'
  | 'STORE_ERROR'
  | 'MAIL_NOT_SENT'
  | 'WRONG_PASSWORD'
  | 'UNSUPPORTED_FORMAT';

// A registry symbol is the same in every copy of this module, so errors from the ESM and the CJS
// build (both loaded in one process) are recognised alike; `instanceof` sees two classes there.
const BRAND = Symbol.for('totp-lab.TotpLabError');

/** The base class of every error this library throws on purpose. */
export class TotpLabError extends Error {
  override name = 'TotpLabError';
  readonly code: TotpLabErrorCode;

  constructor(code: TotpLabErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True for an error this library threw, from whichever copy of it: use this rather than
 * `instanceof TotpLabError` when both `import` and `require` may load the package in one process.
 * @example
 * try { generateCode('not base32!') } catch (error) { if (isTotpLabError(error)) console.log(error.code) }
 */
export function isTotpLabError(value: unknown): value is TotpLabError {
  return (
    value instanceof TotpLabError ||
    (typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true)
  );
}

/** A parameter has the wrong type or value (`"digits" must be 6, 7 or 8, got 12`). */
export class InvalidArgumentError extends TotpLabError {
  override name = 'InvalidArgumentError' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_ARGUMENT', message, options);
  }
}

/** A secret key could not be read. The message never contains the secret itself. */
export class InvalidSecretError extends TotpLabError {
  override name = 'InvalidSecretError' as const;
  constructor(message: string) {
    super('INVALID_SECRET', message);
  }
}

/** An otpauth:// key URI is malformed or violates the Key Uri Format. */
export class InvalidKeyUriError extends TotpLabError {
  override name = 'InvalidKeyUriError' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_KEY_URI', message, options);
  }
}

/**
 * An image could not be used: its pixel data does not match its dimensions, it is larger than the
 * documented pixel limit, or a file is not a readable PNG or JPEG (truncated, garbled, or not an image).
 */
export class InvalidImageError extends TotpLabError {
  override name = 'InvalidImageError' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_IMAGE', message, options);
  }
}

/** A step was called out of order (finishing an enrollment that was never confirmed, say). */
export class InvalidStateError extends TotpLabError {
  override name = 'InvalidStateError' as const;
  constructor(message: string) {
    super('INVALID_STATE', message);
  }
}

/**
 * Describes a received value for an error message, briefly and safely: long strings are cut,
 * so a message stays one line and never carries a whole payload.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const oneLine = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
    return oneLine.length > 40
      ? `${JSON.stringify(oneLine.slice(0, 40))}… (${value.length} characters)`
      : JSON.stringify(oneLine);
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (value instanceof Uint8Array) return `${value.constructor.name}(${value.length})`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a value of type ${typeof value}`;
}

/**
 * An account transfer could not be read: an otpauth-migration:// URI (Google Authenticator's
 * export) with bad base64, a truncated or malformed protobuf or a field of the wrong type, or an
 * Aegis vault that is encrypted or malformed. Never quotes a secret.
 */
export class InvalidMigrationError extends TotpLabError {
  override name = 'InvalidMigrationError' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_MIGRATION', message, options);
  }
}

/** An encrypted export could not be opened with the password given (or it was altered). Never names the password. */
export class WrongPasswordError extends TotpLabError {
  override name = 'WrongPasswordError' as const;
  constructor(message: string) {
    super('WRONG_PASSWORD', message);
  }
}

/** An export file of a known app that this library cannot read, or a file of no known format. */
export class UnsupportedFormatError extends TotpLabError {
  override name = 'UnsupportedFormatError' as const;
  constructor(message: string) {
    super('UNSUPPORTED_FORMAT', message);
  }
}
