/**
 * SqliteStore: the durable embedded Store for one machine, on SQLite (better-sqlite3, loaded on
 * first use). One row per key; WAL, so readers never wait for the writer; every `update` one
 * transaction opened with BEGIN IMMEDIATE, which takes the database's write lock before reading,
 * so updates of one key never interleave, in this process or in any other on the same file.
 * `synchronous=FULL`: an update that has resolved is on disk. Updates that arrive together are
 * committed together (group commit: one transaction, one sync to disk), each still atomic and
 * each resolving only after the commit; an `fn` that throws writes nothing and fails only its own.
 * The file holds TOTP keys in clear: it is created readable by its owner only (0600) whatever the
 * umask, and SQLite gives its -wal and -shm files the same mode.
 */
import { chmod, open, stat } from 'node:fs/promises';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { cloneJson } from '../sim/json-clone.js';
import { checkStoreValueSize } from '../sim/store.js';
import type { Store, StoreValue } from '../sim/store.js';
import { loadDriver } from './optional-driver.js';
import { StoreError } from './store-error.js';

type Statement = {
  get(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  run(...args: unknown[]): unknown;
};
type Database = {
  pragma(text: string, options?: { simple: boolean }): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  close(): void;
  inTransaction: boolean;
};
type DatabaseConstructor = new (path: string, options?: { timeout?: number }) => Database;

/** The schema version this code writes and reads. */
export const SQLITE_SCHEMA_VERSION = 1;

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** How long to wait for another process's write lock, in ms (default 10 000). */
  busyTimeoutMs?: number;
}

/** A Store in one SQLite file. Open it with {@link openSqliteStore}. */
export class SqliteStore implements Store {
  readonly path: string;
  readonly #db: Database;
  readonly #get: Statement;
  readonly #put: Statement;
  readonly #delete: Statement;
  readonly #keys: Statement;
  #queue: {
    key: string;
    fn: (current: never) => StoreValue | undefined;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  }[] = [];

  /** @internal use {@link openSqliteStore} */
  constructor(path: string, db: Database) {
    this.path = path;
    this.#db = db;
    this.#get = db.prepare('SELECT value FROM totp_lab_store WHERE key = ?');
    this.#put = db.prepare(
      'INSERT INTO totp_lab_store (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.#delete = db.prepare('DELETE FROM totp_lab_store WHERE key = ?');
    this.#keys = db.prepare(
      'SELECT key FROM totp_lab_store WHERE substr(key, 1, length(?)) = ? ORDER BY key COLLATE BINARY',
    );
  }

  async get<T extends StoreValue>(key: string): Promise<T | undefined> {
    checkKey(key);
    const row = this.#run('read', () => this.#get.get(key)) as { value: string } | undefined;
    return row === undefined ? undefined : (this.#parse(row.value) as T);
  }

  async update<T extends StoreValue>(
    key: string,
    fn: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    checkKey(key);
    if (typeof fn !== 'function') throw new InvalidArgumentError(`"fn" must be a function, got ${describeValue(fn)}`);
    return new Promise<T | undefined>((resolve, reject) => {
      this.#queue.push({ key, fn: fn as never, resolve: resolve as (v: unknown) => void, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#flush());
    });
  }

  /** Runs the waiting updates in one transaction: synchronous from BEGIN to COMMIT, so nothing else in this process runs in between, and the IMMEDIATE lock keeps every other process out. */
  #flush(): void {
    const batch = this.#queue.splice(0, 1000);
    if (this.#queue.length > 0) setImmediate(() => this.#flush());
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.#run('lock', () => this.#db.exec('BEGIN IMMEDIATE'));
      try {
        for (const { key, fn } of batch) {
          const row = this.#run('read', () => this.#get.get(key)) as { value: string } | undefined;
          let next: StoreValue | undefined;
          let text: string | undefined;
          try {
            next = fn((row === undefined ? undefined : this.#parse(row.value)) as never);
            if (next !== undefined) checkStoreValueSize(key, next);
            text = next === undefined ? undefined : JSON.stringify(cloneJson(next));
          } catch (error) {
            outcomes.push({ ok: false, error });
            continue;
          }
          this.#run('write', () => (text === undefined ? this.#delete.run(key) : this.#put.run(key, text)));
          outcomes.push({ ok: true, value: next });
        }
        this.#run('write', () => this.#db.exec('COMMIT'));
      } finally {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      }
    } catch (error) {
      for (const op of batch) op.reject(error);
      return;
    }
    batch.forEach((op, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) op.resolve(outcome.value);
      else op.reject(outcome.error);
    });
  }

  async keys(prefix = ''): Promise<string[]> {
    if (typeof prefix !== 'string')
      throw new InvalidArgumentError(`"prefix" must be a string, got ${describeValue(prefix)}`);
    return (this.#run('read', () => this.#keys.all(prefix, prefix)) as { key: string }[]).map((r) => r.key);
  }

  /** Closes the database. */
  async close(): Promise<void> {
    this.#db.close();
  }

  #parse(text: string): StoreValue {
    try {
      // The copy bounds the nesting: a hand-edited deep value is a StoreError, never a RangeError later.
      return cloneJson(JSON.parse(text) as StoreValue);
    } catch {
      throw new StoreError(
        this.path,
        `SQLite store ${JSON.stringify(this.path)} holds a value that is not plain JSON data`,
      );
    }
  }

  #run<R>(verb: string, action: () => R): R {
    try {
      return action();
    } catch (error) {
      throw new StoreError(
        this.path,
        `cannot ${verb} SQLite store ${JSON.stringify(this.path)}: ${(error as Error)?.message ?? String(error)}`,
        { cause: error },
      );
    }
  }
}

/**
 * Opens (and on first use creates) a SQLite store.
 * @param path the database file, or a `sqlite:` URL (`sqlite:state.db`, `sqlite:///abs/path.db`)
 * @throws {InvalidStateError} when better-sqlite3 is not installed
 * @throws {StoreError} when the file cannot be opened or was written by a newer version
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const file = sqlitePath(path);
  const busy = options.busyTimeoutMs ?? 10_000;
  if (!Number.isInteger(busy) || busy < 0 || busy > 600_000)
    throw new InvalidArgumentError(`"busyTimeoutMs" must be 0 to 600000, got ${describeValue(busy)}`);
  const Driver = await loadDriver<DatabaseConstructor>('better-sqlite3', '12', 'the SQLite store');
  await keepPrivate(file);
  let db: Database;
  try {
    db = new Driver(file, { timeout: busy });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('BEGIN IMMEDIATE');
    db.exec(
      'CREATE TABLE IF NOT EXISTS totp_lab_store (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID',
    );
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
    db.exec('COMMIT');
    if (version > SQLITE_SCHEMA_VERSION)
      throw new Error(`schema version ${version} is newer than this totp-lab (${SQLITE_SCHEMA_VERSION})`);
  } catch (error) {
    throw new StoreError(
      file,
      `cannot open SQLite store ${JSON.stringify(file)}: ${(error as Error)?.message ?? String(error)}`,
      { cause: error },
    );
  }
  return new SqliteStore(file, db);
}

/**
 * Creates the database file 0600 (the mode a new file gets is masked by the umask, so it is set
 * afterwards), and makes an existing one readable by others 0600, with its -wal and -shm files:
 * SQLite creates those with the database's mode. Best effort: a file this user may not change, or
 * cannot create, is left for the driver to open or report.
 */
async function keepPrivate(file: string): Promise<void> {
  if (file === ':memory:') return;
  try {
    const handle = await open(file, 'wx', 0o600);
    await handle.chmod(0o600).finally(() => handle.close());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return;
    try {
      if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    } catch {
      return;
    }
  }
  for (const companion of ['-wal', '-shm']) await chmod(file + companion, 0o600).catch(() => undefined);
}

/** The file of a SQLite location: a path, or a `sqlite:` URL. */
export function sqlitePath(location: string): string {
  if (typeof location !== 'string' || location === '' || location.length > 4096 || location.includes('\0')) {
    throw new InvalidArgumentError(`"path" must be a SQLite file path or sqlite: URL, got ${describeValue(location)}`);
  }
  if (!location.startsWith('sqlite:')) return location;
  const rest = location.slice('sqlite:'.length);
  const file = rest.startsWith('//') ? decodeURIComponent(rest.replace(/^\/\/[^/]*/, '')) : rest;
  if (file === '')
    throw new InvalidArgumentError(`"path" must name a file after sqlite:, got ${describeValue(location)}`);
  return file;
}

function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string')
    throw new InvalidArgumentError(`store "key" must be a string, got ${describeValue(key)}`);
}
