import { encodeMigration } from '../../core/formats/migration/migration.js';
import { toAegisVault } from '../../core/formats/aegis.js';
import { toEncryptedAegisVault } from '../../core/formats/aegis-encrypted.js';
import { toTwoFasBackup } from '../../core/formats/two-fas.js';
import { formatUriList } from '../../core/formats/uri-list.js';
import { detectFormat } from '../../core/formats/detect.js';
import { readExport } from '../../core/formats/read-accounts.js';
import { parseKeyUri, type KeyUri } from '../../core/key-uri.js';
import { TotpLabError, UnsupportedFormatError } from '../../core/errors.js';
import { parse, parseInteger, quoteArg } from '../args.js';
import { readImportSource } from '../import-source.js';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';
import { PASSWORD_ENV, readPassword } from '../password.js';

const FORMATS = ['migration', 'uri-list', 'aegis', 'aegis-encrypted', '2fas'] as const;
type ExportFormat = (typeof FORMATS)[number];

export const exportCommand: Command = {
  name: 'export',
  summary: 'write accounts as Google transfer URIs, a URI list, an Aegis vault or a 2FAS backup',
  help: `Usage: totp-lab export <otpauth-uri>... [--format F] [options]
       totp-lab export --in <export-file> [--format F] [options]

Writes accounts, given as otpauth:// key URIs or read from any export file
that 'totp-lab import' reads (--in), in one of these formats (--format):
  migration        otpauth-migration://offline?data=… URIs, the text of
                   Google Authenticator's "Transfer accounts" QR codes, one
                   per batch of --batch-size accounts (the default format)
  uri-list         otpauth:// key URIs, one per line
  aegis            an Aegis vault, plain JSON
  aegis-encrypted  an Aegis vault encrypted with a password (scrypt,
                   AES-256-GCM), as Aegis itself writes them
  2fas             a 2FAS backup (.2fas, plain)

The migration format has no period field and no 7-digit codes: an account with
a period other than 30 s or with 7 digits is refused rather than exported wrongly.
The password (aegis-encrypted, or an encrypted --in file) comes from
--password-file, from ${PASSWORD_ENV}, or from a prompt on a terminal
(asked twice for a new export); never from an argument.
The output holds the secret keys: treat it like a password.

Options:
  --format <f>          migration, uri-list, aegis, aegis-encrypted or 2fas
  --in <file>           read the accounts from an export file
  --password-file FILE  read the password from the first line of FILE
  --batch-size <n>      migration: accounts per URI, 1 to 1000 (default 10)
  --out-dir <dir>       migration: also write one QR code picture per batch
                        there (transfer-1-of-N.png …), to show to the new phone
  -h, --help            show this help

Examples:
  totp-lab export 'otpauth://totp/Bank:anna?secret=JBSWY3DPEHPK3PXP&issuer=Bank'
  totp-lab export --in backup.2fas --format aegis-encrypted --password-file pw.txt > aegis.json`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse(
      'export',
      args,
      {
        'batch-size': { type: 'string' },
        'out-dir': { type: 'string' },
        format: { type: 'string' },
        in: { type: 'string' },
        'password-file': { type: 'string' },
      },
      { min: 0, max: 10_000 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const format = (values.format ?? 'migration') as ExportFormat;
    if (!FORMATS.includes(format))
      throw new UsageError(`export: --format must be one of ${FORMATS.join(', ')}, got ${quoteArg(values.format!)}`);
    if (format !== 'migration' && (values['batch-size'] !== undefined || values['out-dir'] !== undefined)) {
      throw new UsageError('export: --batch-size and --out-dir apply to --format migration only');
    }
    if ((values.in === undefined) === (positionals.length === 0))
      throw new UsageError(
        `export: ${positionals.length === 0 ? 'missing argument: give' : 'give either'} otpauth:// URIs or --in FILE (see 'totp-lab export --help')`,
      );
    const accounts =
      values.in === undefined ? fromUris(positionals) : await fromFile(values.in, values['password-file'], io);
    if (format === 'migration') return exportMigration(accounts, values['batch-size'], values['out-dir'], io);
    if (format === 'uri-list') io.out(formatUriList(accounts).trimEnd());
    else if (format === 'aegis') io.out(JSON.stringify(toAegisVault(accounts), null, 4));
    else if (format === '2fas') io.out(JSON.stringify(toTwoFasBackup(accounts)));
    else {
      const password = await readPassword(
        { command: 'export', what: 'encrypted Aegis vault', file: values['password-file'], confirm: true },
        io,
      );
      io.out(JSON.stringify(await toEncryptedAegisVault(accounts, password), null, 4));
    }
    return EXIT_OK;
  },
};

function fromUris(uris: string[]): KeyUri[] {
  return uris.map((uri, i) => {
    try {
      return parseKeyUri(uri);
    } catch (error) {
      if (error instanceof TotpLabError && uris.length > 1)
        throw new UsageError(`export: argument ${i + 1}: ${error.message}`);
      throw error;
    }
  });
}

async function fromFile(file: string, passwordFile: string | undefined, io: CliIo): Promise<KeyUri[]> {
  const source = await readImportSource(file);
  if (source.kind === 'image')
    throw new UsageError(`export: --in ${source.name} is an image; read it with 'totp-lab import' first`);
  const input = source.kind === 'text' ? source.text : source.bytes;
  const found = detectFormat(input);
  if (!found.readable)
    throw new UnsupportedFormatError(`export: --in ${source.name}: ${found.name} cannot be read; ${found.advice}`);
  const password = found.encrypted
    ? await readPassword({ command: 'export', what: found.name, file: passwordFile }, io)
    : undefined;
  const read = await readExport(input, password === undefined ? {} : { password });
  for (const s of read.skipped) io.err(`warning: skipped entry ${s.index} ${JSON.stringify(s.name)}: ${s.reason}`);
  for (const warning of read.warnings) io.err(`warning: ${warning}`);
  if (read.accounts.length === 0) throw new UsageError(`export: no accounts found in ${source.name}`);
  return read.accounts;
}

async function exportMigration(
  accounts: KeyUri[],
  batchArg: string | undefined,
  outDir: string | undefined,
  io: CliIo,
): Promise<number> {
  const batchSize = batchArg === undefined ? 10 : parseInteger(batchArg, 'batch-size');
  if (batchSize < 1 || batchSize > 1000) throw new UsageError(`--batch-size must be from 1 to 1000, got ${batchSize}`);
  const uris = encodeMigration(accounts, { batchSize });
  // The directory first: a refused --out-dir must not leave the secrets half printed.
  if (outDir !== undefined) await makeOutDir(outDir);
  for (const uri of uris) io.out(uri);
  if (outDir !== undefined) await writeBatchImages(outDir, uris, io);
  return EXIT_OK;
}

/** Creates --out-dir (and its parents) if missing. */
async function makeOutDir(dir: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  const { describeFsError } = await import('../../node/image-file.js');
  try {
    if (dir.includes('\0')) throw Object.assign(new Error('NUL in path'), { code: 'a NUL character in the path' });
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`export: cannot create --out-dir ${quoteArg(dir)}: ${describeFsError(error)}`);
  }
}

/** Writes one PNG per batch, named so a person shows them to the new phone in order. */
async function writeBatchImages(dir: string, uris: string[], io: CliIo): Promise<void> {
  const { join } = await import('node:path');
  const { writeQrFile } = await import('../../node/image-file.js');
  for (const [i, uri] of uris.entries()) {
    const file = join(dir, `transfer-${i + 1}-of-${uris.length}.png`);
    await writeQrFile(file, uri);
    io.err(`wrote ${file}`);
  }
}
