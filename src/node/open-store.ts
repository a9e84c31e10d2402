/**
 * One way to name a store everywhere one is chosen (`--store`, `--state`): a file path (FileStore,
 * JSON), a `sqlite:` URL or a path ending in .db, .sqlite or .sqlite3 (SQLite), or a `postgres://`
 * URL (PostgreSQL). Database drivers are loaded only for their own stores.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { Store } from '../sim/store.js';
import { FileStore } from './file-store.js';

/** What kind of store a location names. */
export function storeKind(location: string): 'file' | 'sqlite' | 'postgres' {
  if (typeof location !== 'string')
    throw new InvalidArgumentError(`a store must be named by a string, got ${describeValue(location)}`);
  if (/^postgres(ql)?:\/\//i.test(location)) return 'postgres';
  if (location.startsWith('sqlite:') || /\.(db|sqlite3?)$/i.test(location)) return 'sqlite';
  // A URL of another kind (mysql://, redis://, a typo) must not quietly become a JSON file of that name.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1];
  if (scheme !== undefined) {
    throw new InvalidArgumentError(
      `a store URL must start with sqlite: or postgres://, got a ${scheme}:// URL; a plain path names a JSON file`,
    );
  }
  return 'file';
}

/**
 * Opens the store at `location`.
 * @throws {InvalidArgumentError} for an empty or malformed location
 * @throws {InvalidStateError} when the database driver is not installed
 * @throws {StoreError} when the store cannot be opened
 */
export async function openStore(location: string): Promise<Store & { close?(): Promise<void> }> {
  if (typeof location !== 'string' || location === '' || location.length > 4096) {
    throw new InvalidArgumentError(
      `a store must be a file path, sqlite: URL or postgres:// URL, got ${describeValue(location)}`,
    );
  }
  const kind = storeKind(location);
  if (kind === 'postgres') return (await import('./postgres-store.js')).openPostgresStore(location);
  if (kind === 'sqlite') return (await import('./sqlite-store.js')).openSqliteStore(location);
  return new FileStore(location);
}
