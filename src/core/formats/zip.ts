/**
 * Zip archives (Proton Pass exports, Authenticator Plus backups), read with fflate, loaded on
 * first use. A hostile archive cannot make the reader spend more than a bounded amount: at most
 * {@link MAX_ZIP_ENTRIES} entries are listed, and an entry is inflated in small slices of its
 * compressed data, stopping as soon as the output passes its limit, whatever sizes the archive
 * claims (a zip bomb stops at the limit, not at the gigabytes it would expand to).
 */
import { InvalidMigrationError } from '../errors.js';
import { MAX_EXPORT_CHARS } from './json.js';

/** Where a Proton Pass export keeps its data inside the zip. */
export const PROTON_PASS_DATA = 'Proton Pass/data.json';

/** More entries than any export holds. */
export const MAX_ZIP_ENTRIES = 1000;
// Each slice of compressed data inflates to at most about 1 000 times its size (DEFLATE's limit).
const SLICE = 16 * 1024;

/** One entry of an archive, as its central directory describes it. */
export interface ZipEntryInfo {
  name: string;
  /** Compression method: 0 stored, 8 deflated, 99 AES-encrypted (WinZip). */
  compression: number;
  originalSize: number;
}

/** True for bytes that start like a zip archive (a local file header, or an empty archive's end record). */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

const damaged = (cause: unknown) =>
  cause instanceof InvalidMigrationError
    ? cause
    : new InvalidMigrationError('zip archive is damaged or truncated', { cause });

/**
 * The archive's entries, from its central directory, without inflating anything.
 * @throws {InvalidMigrationError} for a damaged archive or more than {@link MAX_ZIP_ENTRIES} entries
 */
export async function listZip(bytes: Uint8Array): Promise<ZipEntryInfo[]> {
  const { unzipSync } = await import('fflate');
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: ({ name, compression, originalSize }) => {
        if (entries.length >= MAX_ZIP_ENTRIES)
          throw new InvalidMigrationError(`zip archive has more than ${MAX_ZIP_ENTRIES} entries`);
        entries.push({ name, compression, originalSize });
        return false;
      },
    });
  } catch (error) {
    throw damaged(error);
  }
  return entries;
}

/**
 * Inflates the entry called `name`.
 * @param limit the most bytes it may inflate to (default: the export size limit)
 * @throws {InvalidMigrationError} when the entry is missing, encrypted, damaged or larger than `limit`
 */
export async function readZipEntry(bytes: Uint8Array, name: string, limit = MAX_EXPORT_CHARS): Promise<Uint8Array> {
  const { Unzip, UnzipInflate } = await import('fflate');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let seen = 0;
  const entry: { state: 'looking' | 'reading' | 'done' } = { state: 'looking' };
  let failure: unknown = null;
  const unzip = new Unzip((file) => {
    if (++seen > MAX_ZIP_ENTRIES)
      throw new InvalidMigrationError(`zip archive has more than ${MAX_ZIP_ENTRIES} entries`);
    if (file.name !== name || entry.state !== 'looking') return;
    entry.state = 'reading';
    file.ondata = (error, chunk, final) => {
      if (error) return void (failure ??= error);
      total += chunk.length;
      if (total > limit)
        return void (failure ??= new InvalidMigrationError(`zip entry "${name}" inflates to more than ${limit} bytes`));
      chunks.push(chunk);
      if (final) entry.state = 'done';
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < bytes.length && entry.state !== 'done' && failure === null; i += SLICE)
      unzip.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.length);
  } catch (error) {
    failure ??= error;
  }
  if (failure !== null) throw damaged(failure);
  if (entry.state !== 'done') throw new InvalidMigrationError(`zip archive has no complete entry "${name}"`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) (out.set(chunk, at), (at += chunk.length));
  return out;
}
