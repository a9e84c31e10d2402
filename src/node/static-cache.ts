/**
 * Compressed, validated answers for the static server: each file is read once per version (its
 * size and modification time), compressed with gzip and brotli once, and given a strong ETag per
 * representation, so a page of a few hundred kilobytes is sent as a fraction of that, and a reload
 * costs a 304.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A content coding the server can send. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** One file's representations. */
export interface CachedFile {
  /** The bytes as stored (after any rewrite the server applies, such as the state tag). */
  identity: Buffer;
  /** Compressed bodies, present only when smaller than the identity body. */
  br?: Buffer;
  gzip?: Buffer;
  /** The strong ETag of the identity body; encoded bodies add `-br` or `-gz` inside the quotes. */
  etag: string;
}

/** Files larger than this are streamed as they are, neither cached nor compressed. */
export const MAX_CACHED_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Brotli's quality: 9 compresses the page's script to within a fifth of 11's size in a tenth of
 * its time (tens of milliseconds, not half a second), so even the first request is quick.
 */
const BROTLI_QUALITY = 9;

/** Bodies smaller than this are not worth a compression header. */
const MIN_COMPRESS_BYTES = 256;

/** Whether a content type is worth compressing (text and text-like formats; not images already compressed). */
export function isCompressible(type: string): boolean {
  return /^text\/|^application\/(json|javascript|manifest\+json|wasm)|^image\/(svg\+xml|x-icon)/.test(type);
}

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3): brotli when accepted, else
 * gzip, else the identity; a q=0 refuses a coding, `*` stands for the codings not named.
 */
export function chooseCoding(header: string | undefined, available: { br: boolean; gzip: boolean }): ContentCoding {
  if (header === undefined || header.trim() === '') return 'identity';
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param);
      if (m) weight = Number(m[1]);
    }
    q.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: string): number =>
    q.get(name) ?? (name === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  const candidates: ContentCoding[] = [];
  if (available.br && weight('br') > 0) candidates.push('br');
  if (available.gzip && weight('gzip') > 0) candidates.push('gzip');
  // The highest weight wins; on a tie, the list order (brotli first) decides.
  candidates.sort((a, b) => weight(b) - weight(a));
  return candidates[0] ?? 'identity';
}

/** The ETag of one representation. */
export function etagFor(file: CachedFile, coding: ContentCoding): string {
  return coding === 'identity' ? file.etag : `${file.etag.slice(0, -1)}-${coding === 'br' ? 'br' : 'gz'}"`;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** A cache of files by path, refreshed when a file's size or modification time changes. */
export class StaticFileCache {
  private readonly entries = new Map<string, { version: string; file: Promise<CachedFile> }>();

  /**
   * The file's representations; `rewrite` turns the stored text into the served one (it must give
   * the same result for the same input, as its output is cached).
   */
  get(
    path: string,
    size: number,
    mtimeMs: number,
    type: string,
    rewrite?: (text: string) => string,
  ): Promise<CachedFile> {
    const version = `${size}:${mtimeMs}`;
    const known = this.entries.get(path);
    if (known !== undefined && known.version === version) return known.file;
    const file = build(path, type, rewrite);
    this.entries.set(path, { version, file });
    // A failed read is not kept: the next request tries again.
    file.catch(() => {
      if (this.entries.get(path)?.file === file) this.entries.delete(path);
    });
    return file;
  }
}

async function build(path: string, type: string, rewrite: ((text: string) => string) | undefined): Promise<CachedFile> {
  let identity = await readFile(path);
  if (rewrite !== undefined) identity = Buffer.from(rewrite(identity.toString('utf8')), 'utf8');
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  const file: CachedFile = { identity, etag };
  if (isCompressible(type) && identity.length >= MIN_COMPRESS_BYTES) {
    const [br, gz] = await Promise.all([
      brotli(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
      gzipAsync(identity, { level: 9 }),
    ]);
    if (br.length < identity.length) file.br = br;
    if (gz.length < identity.length) file.gzip = gz;
  }
  return file;
}
