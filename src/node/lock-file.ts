/**
 * An inter-process lock made of a file that only one process can create (link(2), or O_EXCL where
 * hard links are unsupported): whoever creates it holds the lock. The file records the holder's
 * pid, hostname and the time, so a lock left by a killed process can be recognised (its pid is gone
 * on this host, or the lock is older than `staleMs`) and removed.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a lock file holds. `token` is unique per acquisition, so a holder only ever removes its own lock. */
export interface LockInfo {
  pid: number;
  hostname: string;
  acquiredAt: string;
  token: string;
}

/** How {@link acquireLock} waits and when it treats a lock as left over. */
export interface LockOptions {
  /** How long to wait for a held lock before giving up. */
  timeoutMs: number;
  /** A lock older than this is stale even if its pid is alive (pid reuse, a hung or remote holder). */
  staleMs: number;
  /** Builds the error thrown when waiting runs out; it gets a one-line description of the holder. */
  onTimeout: (holder: string) => Error;
}

/** A held lock; `release` removes the lock file if it is still ours. */
export interface HeldLock {
  release(): Promise<void>;
}

/** A file's identity and contents as read once, to tell one lock instance from the next. */
interface Observed {
  identity: string;
  ageMs: number;
  info: LockInfo | undefined;
}

async function observe(path: string): Promise<Observed | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    // One handle for both, so the contents and the identity belong to the same file.
    const st = await handle.stat();
    const raw = await handle.readFile('utf8');
    return { identity: `${st.ino}:${st.mtimeMs}:${raw}`, ageMs: Date.now() - st.mtimeMs, info: parseLockInfo(raw) };
  } finally {
    await handle.close();
  }
}

function parseLockInfo(raw: string): LockInfo | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, hostname: host, acquiredAt, token } = value as Record<string, unknown>;
    if (!Number.isSafeInteger(pid) || (pid as number) <= 0) return undefined;
    if (typeof host !== 'string' || typeof acquiredAt !== 'string' || typeof token !== 'string') return undefined;
    return { pid: pid as number, hostname: host, acquiredAt, token };
  } catch {
    // A holder killed between creating and writing the file leaves it empty or partial.
    return undefined;
  }
}

/** Whether `pid` names a running process on this host. EPERM means it exists but is not ours. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

/** The tokens of the locks this process holds right now. */
const heldTokens = new Set<string>();

function isStale(lock: Observed, staleMs: number): boolean {
  if (lock.ageMs > staleMs) return true;
  // Without readable contents only age can tell: the holder may be between create and write.
  if (!lock.info || lock.info.hostname !== hostname()) return false;
  // Our own pid on a lock we do not hold was left by an earlier process that had the same pid,
  // as happens when a container restarts and its main process is pid 1 again.
  if (lock.info.pid === process.pid) return !heldTokens.has(lock.info.token);
  return !isProcessAlive(lock.info.pid);
}

function describeHolder(path: string, lock: Observed | undefined): string {
  if (!lock) return `${path} was held`;
  if (!lock.info) return `${path} is held (unreadable, ${Math.round(lock.ageMs)} ms old)`;
  return `${path} is held by pid ${lock.info.pid} on ${lock.info.hostname} since ${lock.info.acquiredAt}`;
}

/**
 * Creates `path` holding `contents`, only if it does not exist; false if it does. The contents go
 * to a candidate file first, which is then hard-linked to `path`: link(2) fails if `path` exists,
 * just like O_EXCL, but the lock never exists without its contents, so a holder killed at any
 * moment leaves a lock whose pid can be checked. Where hard links are not supported, the file is
 * created with O_EXCL and written.
 */
async function createExclusive(path: string, contents: string): Promise<boolean> {
  const candidate = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(candidate, contents, { flag: 'wx' });
    try {
      await link(candidate, path);
      return true;
    } catch (error) {
      if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(codeOf(error))) throw error;
    }
    await writeFile(path, contents, { flag: 'wx' });
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(candidate).catch(() => undefined);
  }
}

/**
 * Deletes candidate files (see createExclusive) that processes killed while taking the lock at
 * `path` left behind. Only those of processes no longer running on this host are touched.
 * @returns how many files were removed.
 */
export async function removeLeftoverLockCandidates(path: string): Promise<number> {
  const escaped = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  let removed = 0;
  for (const name of await readdir(dirname(path))) {
    const pid = Number(pattern.exec(name)?.[1] ?? 0);
    if (pid <= 0 || pid === process.pid || isProcessAlive(pid)) continue;
    await unlink(join(dirname(path), name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}

/** Creates a lock file for `info`, counting its token as held from before the file exists. */
async function createHeld(path: string, info: LockInfo): Promise<boolean> {
  heldTokens.add(info.token);
  let created = false;
  try {
    created = await createExclusive(path, lockContents(info));
    return created;
  } finally {
    if (!created) heldTokens.delete(info.token);
  }
}

function lockContents(info: LockInfo): string {
  return `${JSON.stringify(info)}\n`;
}

function newLockInfo(): LockInfo {
  return {
    pid: process.pid,
    hostname: hostname(),
    acquiredAt: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
}

/**
 * Removes a stale lock, but only the very instance that was judged stale. Two waiters may judge the
 * same dead lock at once; if the first removes it and a third process then takes a fresh lock, the
 * second must not remove that one. So removal happens under a short-lived second lock
 * (`<path>.break`), after re-reading the file and checking it is unchanged.
 * @returns false if another process is breaking the lock at this moment.
 */
async function breakStaleLock(path: string, stale: Observed, staleMs: number): Promise<boolean> {
  const breakPath = `${path}.break`;
  const breakerInfo = newLockInfo();
  if (!(await createHeld(breakPath, breakerInfo))) {
    // The breaker is held for a read and an unlink; if its holder died there, clear it the same way.
    const breaker = await observe(breakPath);
    if (breaker && isStale(breaker, staleMs)) await unlink(breakPath).catch(() => undefined);
    return false;
  }
  try {
    const current = await observe(path);
    if (current && current.identity === stale.identity) await unlink(path).catch(() => undefined);
    return true;
  } finally {
    await unlink(breakPath).catch(() => undefined);
    heldTokens.delete(breakerInfo.token);
  }
}

/**
 * Takes the lock at `path`, waiting (with growing pauses) while another process holds it and
 * removing it if it is stale.
 * @throws whatever `options.onTimeout` builds when `timeoutMs` passes first.
 */
export async function acquireLock(path: string, options: LockOptions): Promise<HeldLock> {
  const deadline = Date.now() + options.timeoutMs;
  let pause = 2;
  for (;;) {
    const info = newLockInfo();
    if (await createHeld(path, info)) {
      const contents = lockContents(info);
      return {
        async release() {
          // Remove only our own lock: if it was judged stale and replaced, the file is someone else's.
          const now = await readFile(path, 'utf8').catch(() => undefined);
          if (now === contents) await unlink(path).catch(() => undefined);
          heldTokens.delete(info.token);
        },
      };
    }
    const holder = await observe(path);
    if (!holder) continue; // released between our attempt and the read: try again at once
    if (isStale(holder, options.staleMs) && (await breakStaleLock(path, holder, options.staleMs))) continue;
    const left = deadline - Date.now();
    if (left <= 0) throw options.onTimeout(describeHolder(path, holder));
    // Jittered, growing pauses so waiters do not retry in lockstep.
    await sleep(Math.min(left, pause * (0.5 + Math.random())));
    pause = Math.min(pause * 2, 100);
  }
}

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

function isCode(error: unknown, code: string): boolean {
  return codeOf(error) === code;
}
