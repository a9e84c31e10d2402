import { TotpLabError } from '../core/errors.js';

/**
 * A store file could not be read, written or locked: it is corrupt, truncated, hand-edited into
 * something else, of an unknown format, or another process holds its lock for too long. The message
 * is one line and names the file; it never quotes the file's contents.
 */
export class StoreError extends TotpLabError {
  override name = 'StoreError' as const;
  /** The store file the error is about. */
  readonly path: string;

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super('STORE_ERROR', message, options);
    this.path = path;
  }
}
