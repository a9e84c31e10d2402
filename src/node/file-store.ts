/**
 * A durable {@link Store} for Node: every key lives in one JSON file that is rewritten atomically
 * on each update, under a lock file shared by every process that uses the same path.
 */
import { checkOptions } from '../core/input.js';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { describeValue, InvalidArgumentError } from '../core/errors.js';
import { checkStoreValueSize, type Store, type StoreValue } from '../sim/store.js';
import { removeLeftoverTempFiles, writeFileAtomic } from './atomic-write.js';
import { acquireLock, removeLeftoverLockCandidates } from './lock-file.js';
import { checkStoreValue, formatStoreFile, parseStoreFile } from './store-format.js';
import { StoreError } from './store-error.js';

/** Options for {@link FileStore}. */
export interface FileStoreOptions {
  /** How long an update waits for another process's lock before failing with a StoreError. Default 10 000 ms. */
  lockTimeoutMs?: number;
  /**
   * A lock file older than this is taken to be left over even if its pid is running (the pid was
   * reused, or the holder is on another host). Must exceed the longest single update. Default 30 000 ms.
   */
  staleLockMs?: number;
}

/** How long an update waits for another process's lock by default, in milliseconds. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
/** The age in milliseconds after which a lock file is taken to be left over, by default. */
export const DEFAULT_STALE_LOCK_MS = 30_000;

/**
 * Updates of one file from one process run one at a time, even across FileStore instances, so
 * they queue here instead of contending for the lock file.
 */
const queues = new Map<string, Promise<void>>();

function enqueue<T>(path: string, task: () => Promise<T>): Promise<T> {
  const result = (queues.get(path) ?? Promise.resolve()).then(task);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(path, tail);
  void tail.then(() => {
    if (queues.get(path) === tail) queues.delete(path);
  });
  return result;
}

/**
 * A {@link Store} kept in one JSON file, for state that must outlive the process: the CLI between
 * runs, a demo server across restarts.
 *
 * - **Atomic and durable**: each update writes a temporary file, fsyncs it, renames it over the
 *   store and fsyncs the directory, so after a crash the file holds every update whose promise
 *   resolved, and never a half-written state.
 * - **Multi-process safe on one host**: updates take a lock file (`<path>.lock`, created with
 *   O_EXCL) and re-read the file under it, so two processes never lose each other's writes. A lock
 *   left by a killed process is recognised and removed.
 * - **Strict**: a corrupt, truncated or foreign file is refused with a {@link StoreError} naming
 *   it, never reset. A missing file is an empty store, created on the first write.
 *
 * Each update rewrites the whole file, which suits simulator-sized state (kilobytes to a few
 * megabytes), not a database. Do not use it on network file systems, whose O_EXCL, rename and
 * fsync guarantees vary.
 *
 * @example
 * ```ts
 * import { FileStore } from 'totp-lab/node';
 * const store = new FileStore('./state.json');
 * await store.update<number>('visits', (n) => (n ?? 0) + 1); // on disk once this resolves
 * await store.get<number>('visits');
 * ```
 */
export class FileStore implements Store {
  /** The absolute path of the store file. */
  readonly path: string;
  /** The absolute path of its lock file. */
  readonly lockPath: string;
  readonly #lockTimeoutMs: number;
  readonly #staleLockMs: number;
  #tempFilesChecked = false;
  #modeChecked = false;
  /** The last file contents parsed, so reading an unchanged file skips the parse (never the read). */
  #parsed: { text: string; entries: ReadonlyMap<string, StoreValue> } | undefined;

  /**
   * @param path the store file; its directory is created on the first write if missing.
   * @throws {InvalidArgumentError} for an empty path or a negative or non-finite option.
   */
  constructor(path: string, options: FileStoreOptions = {}) {
    if (typeof path !== 'string' || path === '' || path.includes('\0')) {
      throw new InvalidArgumentError(`"path" must be a non-empty file path, got ${describeValue(path)}`);
    }
    this.path = resolve(path);
    this.lockPath = `${this.path}.lock`;
    options = checkOptions(options);
    this.#lockTimeoutMs = checkDuration('lockTimeoutMs', options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
    this.#staleLockMs = checkDuration('staleLockMs', options.staleLockMs ?? DEFAULT_STALE_LOCK_MS);
  }

  /**
   * The value at `key` as last committed by any process, or undefined. The caller gets its own copy.
   * @throws {StoreError} if the file cannot be read or is not a valid store.
   */
  async get<T extends StoreValue>(key: string): Promise<T | undefined> {
    checkKey(key);
    const value = (await this.#read()).entries.get(key);
    return value === undefined ? undefined : (structuredClone(value) as T);
  }

  /**
   * Atomically replaces the value at `key` with `fn(current)` (undefined deletes it), holding the
   * lock file while it reads the latest file, applies `fn` and writes the result. `fn` must be
   * synchronous; if it throws, nothing is written and the error is passed on.
   * @returns what was stored, once it is durably on disk.
   * @throws {StoreError} if the file is not a valid store, or the lock stays held by another
   * process for longer than `lockTimeoutMs`.
   * @throws {InvalidArgumentError} if `fn` returns something that is not JSON data.
   */
  async update<T extends StoreValue>(
    key: string,
    fn: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    checkKey(key);
    if (typeof fn !== 'function') throw new InvalidArgumentError(`"fn" must be a function, got ${describeValue(fn)}`);
    return enqueue(this.path, () => this.#locked(() => this.#apply(key, fn)));
  }

  /**
   * The keys that start with `prefix`, sorted, as last committed by any process.
   * @throws {StoreError} if the file cannot be read or is not a valid store.
   */
  async keys(prefix = ''): Promise<string[]> {
    if (typeof prefix !== 'string')
      throw new InvalidArgumentError(`"prefix" must be a string, got ${describeValue(prefix)}`);
    return [...(await this.#read()).entries.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  /**
   * Everything stored, as one object (read from the file), for tests and trainers to inspect.
   * @throws {StoreError} if the file cannot be read or is not a valid store.
   */
  async snapshot(): Promise<Record<string, StoreValue>> {
    return structuredClone(Object.fromEntries((await this.#read()).entries));
  }

  async #apply<T extends StoreValue>(
    key: string,
    fn: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    const read = await this.#read();
    const entries = new Map(read.entries);
    const current = entries.get(key);
    const next: unknown = fn(current === undefined ? undefined : (structuredClone(current) as T));
    if (isThenable(next)) {
      throw new InvalidArgumentError(
        `"fn" must return the new value synchronously, got a promise for key ${describeValue(key)}`,
      );
    }
    if (next === undefined) {
      if (!entries.has(key)) return undefined;
      entries.delete(key);
    } else {
      checkStoreValueSize(key, next);
      checkStoreValue(key, next);
      entries.set(key, next);
    }
    const updated = formatStoreFile(entries);
    if (updated !== read.text) {
      await writeFileAtomic(this.path, updated).catch((error: unknown) => {
        throw new StoreError(
          this.path,
          `cannot write store file ${JSON.stringify(this.path)}: ${systemReason(error)}`,
          { cause: error },
        );
      });
    }
    return next as T | undefined;
  }

  async #locked<R>(task: () => Promise<R>): Promise<R> {
    const lock = await this.#acquire();
    try {
      if (!this.#tempFilesChecked) {
        // Only the lock holder writes temporary files, so any found now were left by a crash.
        // Tidying is best effort: a file that cannot be removed does not fail the update.
        await removeLeftoverTempFiles(this.path).catch(() => 0);
        await removeLeftoverLockCandidates(this.lockPath).catch(() => 0);
        this.#tempFilesChecked = true;
      }
      return await task();
    } finally {
      await lock.release();
    }
  }

  async #acquire() {
    const options = {
      timeoutMs: this.#lockTimeoutMs,
      staleMs: this.#staleLockMs,
      onTimeout: (holder: string) =>
        new StoreError(
          this.path,
          `cannot lock store file ${JSON.stringify(this.path)} within ${this.#lockTimeoutMs} ms: ${holder}; if no process is using the store, delete the lock file`,
        ),
    };
    try {
      return await acquireLock(this.lockPath, options);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw wrapSystemError(this.path, 'lock', error);
    }
    // The directory does not exist yet: create it, as the file itself is created on first write.
    // Private (0700) whatever the umask: a directory others may write to lets them swap the store.
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 }).catch((error: unknown) => {
      throw wrapSystemError(this.path, 'create the directory of', error);
    });
    return acquireLock(this.lockPath, options).catch((error: unknown) => {
      throw wrapSystemError(this.path, 'lock', error);
    });
  }

  async #makePrivate(): Promise<void> {
    await makePrivate(this.path).catch(() => undefined);
    this.#modeChecked = true;
  }

  /** The committed entries, shared with the cache: callers copy what they hand out. */
  async #read(): Promise<{ entries: ReadonlyMap<string, StoreValue>; text: string | undefined }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return { entries: new Map(), text: undefined };
      throw wrapSystemError(this.path, 'read', error);
    }
    if (!this.#modeChecked) await this.#makePrivate();
    // Comparing the whole text, not mtime or inode, which a quick rewrite can leave unchanged.
    if (this.#parsed?.text !== text) this.#parsed = { text, entries: parseStoreFile(this.path, text) };
    return this.#parsed;
  }
}

/**
 * A store file made by hand or by an older version may be readable by others (0644): it holds
 * TOTP keys, so it is made 0600 when first read, not only on the first write. Best effort: a file
 * owned by someone else is left as it is (and the platform decides who may read it).
 */
async function makePrivate(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const info = await stat(path);
  if ((info.mode & 0o077) !== 0) await chmod(path, info.mode & 0o700);
}

function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new InvalidArgumentError(`"key" must be a string, got ${describeValue(key)}`);
}

function checkDuration(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(
      `"${name}" must be a finite number of milliseconds, at least 0, got ${describeValue(value)}`,
    );
  }
  return value;
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function systemReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function wrapSystemError(path: string, verb: string, error: unknown): Error {
  if (error instanceof StoreError) return error;
  return new StoreError(path, `cannot ${verb} store file ${JSON.stringify(path)}: ${systemReason(error)}`, {
    cause: error,
  });
}
