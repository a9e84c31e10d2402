/**
 * PostgresStore: a Store shared by several instances on several machines, on PostgreSQL
 * (node-postgres, loaded on first use). Every `update` is one transaction that takes the key's row
 * lock (`SELECT … FOR UPDATE`) before reading: a missing key first gets a placeholder row (value
 * NULL, invisible to `get` and `keys`), so even the first write of a key is serialised. The schema
 * is created on first use, under an advisory lock, and carries a version.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { cloneJson } from '../sim/json-clone.js';
import { checkStoreValueSize } from '../sim/store.js';
import type { Store, StoreValue } from '../sim/store.js';
import { loadDriver } from './optional-driver.js';
import { describePostgresUrl, withoutPassword } from './postgres-url.js';
import { StoreError } from './store-error.js';

type QueryResult = { rows: Record<string, unknown>[] };
type Client = { query(sql: string, values?: unknown[]): Promise<QueryResult>; release(destroy?: boolean): void };
type Pool = {
  connect(): Promise<Client>;
  query(sql: string, values?: unknown[]): Promise<QueryResult>;
  end(): Promise<void>;
  on(event: 'error', fn: (e: Error) => void): void;
};
type PgModule = { Pool: new (options: { connectionString: string; max?: number }) => Pool };

/** The schema version this code writes and reads. */
export const POSTGRES_SCHEMA_VERSION = 1;

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** The table (default `totp_lab_store`; its version is kept in `<table>_meta`). */
  table?: string;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
}

/** What `fn` (or reading the stored value) threw: passed on unchanged after the rollback. */
class CallerError {
  constructor(readonly cause: unknown) {}
}

/** A Store in a PostgreSQL table. Open it with {@link openPostgresStore}. */
export class PostgresStore implements Store {
  readonly #pool: Pool;
  readonly #table: string;
  readonly #where: string;
  readonly #reason: (error: unknown) => string;

  /** @internal use {@link openPostgresStore} */
  constructor(pool: Pool, table: string, where: string, reason: (error: unknown) => string = String) {
    this.#pool = pool;
    this.#table = table;
    this.#where = where;
    this.#reason = reason;
  }

  async get<T extends StoreValue>(key: string): Promise<T | undefined> {
    checkKey(key);
    const result = await this.#query('read', `SELECT value FROM ${this.#table} WHERE key = $1 AND value IS NOT NULL`, [
      key,
    ]);
    const row = result.rows[0];
    return row === undefined ? undefined : (this.#parse(row['value'] as string) as T);
  }

  async update<T extends StoreValue>(
    key: string,
    fn: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    checkKey(key);
    if (typeof fn !== 'function') throw new InvalidArgumentError(`"fn" must be a function, got ${describeValue(fn)}`);
    const client = await this.#connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${this.#table} (key, value) VALUES ($1, NULL) ON CONFLICT (key) DO NOTHING`, [
        key,
      ]);
      const stored = (await client.query(`SELECT value FROM ${this.#table} WHERE key = $1 FOR UPDATE`, [key]))
        .rows[0]?.['value'];
      let next: T | undefined;
      let text: string | undefined;
      try {
        next = fn(typeof stored === 'string' ? (this.#parse(stored) as T) : undefined);
        // The copy refuses what JSON cannot hold, before anything is written.
        if (next !== undefined) checkStoreValueSize(key, next);
        text = next === undefined ? undefined : JSON.stringify(cloneJson(next));
      } catch (error) {
        await client.query('ROLLBACK');
        throw new CallerError(error);
      }
      if (text === undefined) await client.query(`DELETE FROM ${this.#table} WHERE key = $1`, [key]);
      else await client.query(`UPDATE ${this.#table} SET value = $2 WHERE key = $1`, [key, text]);
      await client.query('COMMIT');
      return next;
    } catch (error) {
      if (error instanceof CallerError) throw error.cause;
      // A broken connection goes back to the pool destroyed; PostgreSQL rolls the transaction back.
      broken = true;
      throw new StoreError(this.#where, `cannot update PostgreSQL store ${this.#where}: ${this.#reason(error)}`, {
        cause: error,
      });
    } finally {
      client.release(broken);
    }
  }

  async keys(prefix = ''): Promise<string[]> {
    if (typeof prefix !== 'string')
      throw new InvalidArgumentError(`"prefix" must be a string, got ${describeValue(prefix)}`);
    const result = await this.#query(
      'read',
      `SELECT key FROM ${this.#table} WHERE value IS NOT NULL AND left(key, length($1)) = $1 ORDER BY key COLLATE "C"`,
      [prefix],
    );
    return result.rows.map((r) => r['key'] as string);
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #connect(): Promise<Client> {
    try {
      return await this.#pool.connect();
    } catch (error) {
      throw new StoreError(this.#where, `cannot connect to PostgreSQL store ${this.#where}: ${this.#reason(error)}`, {
        cause: error,
      });
    }
  }

  async #query(verb: string, sql: string, values: unknown[]): Promise<QueryResult> {
    try {
      return await this.#pool.query(sql, values);
    } catch (error) {
      throw new StoreError(this.#where, `cannot ${verb} PostgreSQL store ${this.#where}: ${this.#reason(error)}`, {
        cause: error,
      });
    }
  }

  #parse(text: string): StoreValue {
    try {
      return cloneJson(JSON.parse(text) as StoreValue);
    } catch {
      throw new StoreError(this.#where, `PostgreSQL store ${this.#where} holds a value that is not plain JSON data`);
    }
  }
}

/**
 * Opens a PostgreSQL store; creates its table on first use.
 * @param url a `postgres://` or `postgresql://` connection URL (the password in it is never shown)
 * @throws {InvalidStateError} when pg is not installed
 * @throws {StoreError} when the database cannot be reached or its schema is newer than this code
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  if (typeof url !== 'string' || !/^postgres(ql)?:\/\//.test(url) || url.length > 4096) {
    throw new InvalidArgumentError(
      `"url" must be a postgres:// URL, got ${describeValue(typeof url === 'string' ? describePostgresUrl(url) : url)}`,
    );
  }
  try {
    new URL(url);
  } catch {
    throw new InvalidArgumentError(
      `"url" must be a valid postgres:// URL (percent-encode "@", ":" and "/" in the user name and password), got ${describePostgresUrl(url)}`,
    );
  }
  const table = options.table ?? 'totp_lab_store';
  if (typeof table !== 'string' || !/^[a-z_][a-z0-9_]{0,50}$/.test(table))
    throw new InvalidArgumentError(`"table" must be a lower-case SQL name, got ${describeValue(table)}`);
  const max = options.maxConnections ?? 10;
  if (!Number.isInteger(max) || max < 1 || max > 1000)
    throw new InvalidArgumentError(`"maxConnections" must be 1 to 1000, got ${describeValue(max)}`);
  const where = `${describePostgresUrl(url)} (table ${table})`;
  // The driver's own messages should not quote the password; should one ever do, it is cut out.
  const reason = (error: unknown) => withoutPassword((error as Error)?.message ?? String(error), url);
  const pg = await loadDriver<PgModule>('pg', '8', 'the PostgreSQL store');
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection that breaks must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const client = await pool.connect().catch(async (error: Error) => {
    await pool.end().catch(() => undefined);
    throw new StoreError(where, `cannot connect to PostgreSQL store ${where}: ${reason(error)}`, { cause: error });
  });
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`totp-lab:${table}`]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table}_meta (version integer NOT NULL)`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (key text PRIMARY KEY, value text)`);
    const rows = (await client.query(`SELECT version FROM ${table}_meta`)).rows;
    if (rows.length === 0)
      await client.query(`INSERT INTO ${table}_meta (version) VALUES ($1)`, [POSTGRES_SCHEMA_VERSION]);
    await client.query('COMMIT');
    const version = rows.length === 0 ? POSTGRES_SCHEMA_VERSION : Number(rows[0]!['version']);
    if (version > POSTGRES_SCHEMA_VERSION)
      throw new StoreError(
        where,
        `PostgreSQL store ${where} has schema version ${version}, newer than this totp-lab (${POSTGRES_SCHEMA_VERSION})`,
      );
  } catch (error) {
    client.release(true);
    await pool.end().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError(where, `cannot prepare PostgreSQL store ${where}: ${reason(error)}`, {
      cause: error,
    });
  }
  client.release();
  return new PostgresStore(pool, table, where, reason);
}

function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string')
    throw new InvalidArgumentError(`store "key" must be a string, got ${describeValue(key)}`);
}
