/**
 * Crash-safe file replacement: the new contents go to a temporary file in the same directory,
 * which is flushed to disk and then renamed over the target. rename(2) within one file system is
 * atomic (POSIX), so a reader or a crash sees either the old file or the new one, never a mix; the
 * directory is flushed afterwards so the rename itself survives a power loss.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The name of a temporary file for `path`: `.<name>.<pid>.<8 hex>.tmp`, hidden and recognisable. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function tempNamePattern(path: string): RegExp {
  const escaped = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.\\d+\\.[0-9a-f]{8}\\.tmp$`);
}

/**
 * Replaces `path` with `text` atomically and durably: once the promise resolves, the new contents
 * are on disk (as far as the operating system's fsync promises), and at no moment does `path` hold
 * anything but a complete old or new version.
 * @param mode permission bits of the new file (default 0o600: a store may hold TOTP secrets).
 */
export async function writeFileAtomic(path: string, text: string, mode = 0o600): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Flushes a directory's entries (a rename) to disk. Not possible on Windows, where it is skipped. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems cannot flush a directory; the rename has happened, so that is not a failure.
    const code = (error as { code?: unknown }).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Deletes temporary files that a crashed writer of `path` left behind. Call it only while holding
 * the lock that every writer of `path` takes, so no live writer's temporary file is removed.
 * @returns how many files were removed.
 */
export async function removeLeftoverTempFiles(path: string): Promise<number> {
  const pattern = tempNamePattern(path);
  let removed = 0;
  for (const name of await readdir(dirname(path))) {
    if (!pattern.test(name)) continue;
    await unlink(join(dirname(path), name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}
