/**
 * Turns the argument of `totp-lab import` into an export: a migration or key URI given directly,
 * or a file (any export format: text, or bytes for binary ones). Image files are recognised by their
 * first bytes so they can be told apart from exports and handed to a QR reader.
 */
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from './io.js';
import { quoteArg } from './args.js';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The image formats a transfer QR code is usually saved as, by their magic bytes. */
const IMAGE_SIGNATURES: Array<[string, number[]]> = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['WebP', [0x52, 0x49, 0x46, 0x46]],
];

/** What the argument held: exported text, or an image file (its bytes and format). */
export type ImportSource =
  | { kind: 'text'; text: string; name: string }
  | { kind: 'bytes'; bytes: Uint8Array; name: string }
  | { kind: 'image'; bytes: Uint8Array; format: string; name: string };

/**
 * Reads the argument: text starting with `otpauth-migration:` or `otpauth:` is used as it is,
 * anything else is a file path.
 * @throws {UsageError} for a missing, unreadable, oversized or non-UTF-8 file
 */
export async function readImportSource(arg: string): Promise<ImportSource> {
  if (/^otpauth(-migration)?:/i.test(arg.trim())) return { kind: 'text', text: arg, name: 'the argument' };
  const name = quoteArg(arg);
  let bytes: Uint8Array;
  try {
    const info = await stat(arg);
    if (!info.isFile()) throw new UsageError(`import: ${name} is not a file`);
    if (info.size > MAX_FILE_BYTES)
      throw new UsageError(`import: ${name} is too large (${info.size} bytes, at most ${MAX_FILE_BYTES})`);
    bytes = await readFile(arg);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `import: cannot read ${name}: ${code === 'ENOENT' ? 'no such file (give a migration URI or an export file: see docs/formats.md)' : (code ?? 'read error')}`,
    );
  }
  const image = IMAGE_SIGNATURES.find(([, magic]) => magic.every((b, i) => bytes[i] === b));
  if (image) return { kind: 'image', bytes, format: image[0], name };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), name };
  } catch {
    // Binary exports (andOTP's encrypted backup) and app databases: recognised by their content.
    return { kind: 'bytes', bytes, name };
  }
}
