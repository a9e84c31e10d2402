import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, type ExportFormat } from '../../core/formats/capabilities.js';
import { detectExport } from '../../core/formats/detect.js';
import { withDetails, type DetailedAccount } from '../../core/formats/details.js';
import { readExport } from '../../core/formats/read-accounts.js';
import { formatTransferReport, planTransfer, type TransferReport } from '../../core/formats/report.js';
import { writeExport } from '../../core/formats/write-export.js';
import { encodeMigration } from '../../core/formats/migration/migration.js';
import { parseKeyUri, type KeyUri } from '../../core/key-uri.js';
import { TotpLabError, UnsupportedFormatError } from '../../core/errors.js';
import { parse, parseInteger, quoteArg } from '../args.js';
import { readImportSource } from '../import-source.js';
import { EXIT_NO, EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';
import { PASSWORD_ENV, readPassword } from '../password.js';
import { warnAbout } from './import.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write accounts for another app: Google transfer URIs, a URI list, Aegis, 2FAS, Ente Auth or CXF',
  help: `Usage: totp-lab export <otpauth-uri>... [--format F] [options]
       totp-lab export --in <export-file> [--format F] [options]

Writes accounts, given as otpauth:// key URIs or read from any export file
that 'totp-lab import' reads (--in), in one of these formats (--format):
  migration        otpauth-migration://offline?data=… URIs, the text of
                   Google Authenticator's "Transfer accounts" QR codes, one
                   per batch of --batch-size accounts (the default format)
  uri-list         otpauth:// key URIs, one per line
  aegis            an Aegis vault, plain JSON (notes and groups kept)
  aegis-encrypted  an Aegis vault encrypted with a password (scrypt,
                   AES-256-GCM), as Aegis itself writes them
  2fas             a 2FAS backup (.2fas, plain; one group per account)
  ente             an Ente Auth plain export (notes and groups as tags)
  cxf              FIDO Credential Exchange Format JSON (TOTP only)

An account the format cannot carry (the migration format has no period
field, no 7-digit codes and no Steam Guard codes; CXF has no HOTP and no
Steam) is left out with a warning naming it, never written wrongly; notes,
groups and icons a format has no place for are named in warnings too.
--report prints, before anything is written, what the move keeps, changes or
drops, account by account; --strict refuses (exit 1, nothing written) an
export that would lose anything.
The password (aegis-encrypted, or an encrypted --in file) comes from
--password-file, from ${PASSWORD_ENV}, or from a prompt on a terminal
(asked twice for a new export); never from an argument.
The output holds the secret keys: treat it like a password.

Options:
  --format <f>          ${EXPORT_FORMATS.join(', ')}
  --in <file>           read the accounts from an export file
  --password-file FILE  read the password from the first line of FILE
  --report              print the transfer report on stderr first
  --strict              refuse an export that would lose anything
  --batch-size <n>      migration: accounts per URI, 1 to 1000 (default 10)
  --out-dir <dir>       migration: also write one QR code picture per batch
                        there (transfer-1-of-N.png …), to show to the new phone
  -h, --help            show this help

Examples:
  totp-lab export 'otpauth://totp/Bank:anna?secret=JBSWY3DPEHPK3PXP&issuer=Bank'
  totp-lab export --in backup.2fas --format aegis-encrypted --password-file pw.txt > aegis.json
  totp-lab export --in aegis.json --format migration --report --strict`,
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
        report: { type: 'boolean' },
        strict: { type: 'boolean' },
      },
      { min: 0, max: 10_000 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const format = (values.format ?? 'migration') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format))
      throw new UsageError(
        `export: --format must be one of ${EXPORT_FORMATS.join(', ')}, got ${quoteArg(values.format!)}`,
      );
    if (format !== 'migration' && (values['batch-size'] !== undefined || values['out-dir'] !== undefined)) {
      throw new UsageError('export: --batch-size and --out-dir apply to --format migration only');
    }
    if ((values.in === undefined) === (positionals.length === 0))
      throw new UsageError(
        `export: ${positionals.length === 0 ? 'missing argument: give' : 'give either'} otpauth:// URIs or --in FILE (see 'totp-lab export --help')`,
      );
    const batchSize = values['batch-size'] === undefined ? 10 : parseInteger(values['batch-size'], 'batch-size');
    if (batchSize < 1 || batchSize > 1000)
      throw new UsageError(`--batch-size must be from 1 to 1000, got ${batchSize}`);
    const all =
      values.in === undefined ? fromUris(positionals) : await fromFile(values.in, values['password-file'], io);
    const report = planTransfer(all, format);
    if (values.report) for (const line of formatTransferReport(report)) io.err(line);
    if (values.strict && !report.lossless) return refuseLossy(report, io);
    const accounts = keptAccounts(all, report, values.report === true, io);
    if (format === 'migration') return exportMigration(accounts, batchSize, values['out-dir'], io);
    const password =
      format === 'aegis-encrypted'
        ? await readPassword(
            { command: 'export', what: 'encrypted Aegis vault', file: values['password-file'], confirm: true },
            io,
          )
        : undefined;
    io.out((await writeExport(accounts, format, password === undefined ? {} : { password })).trimEnd());
    return EXIT_OK;
  },
};

/** --strict: one line saying how many accounts would lose what, and nothing written. */
function refuseLossy(report: TransferReport, io: CliIo): number {
  const losing = report.accounts.length - report.kept;
  io.err(
    `totp-lab: export: refused (--strict): ${losing} of ${report.accounts.length} accounts would not arrive whole as ${report.name}${report.accounts.length > 0 ? '; see what with --report' : ''}`,
  );
  return EXIT_NO;
}

/**
 * The accounts the format can carry. Each one left out, and (unless the report was printed) each
 * detail lost, is named in a warning; when none is left, the first reason is the error.
 */
function keptAccounts(all: DetailedAccount[], report: TransferReport, reported: boolean, io: CliIo): DetailedAccount[] {
  const kept = all.filter((_, i) => report.accounts[i]!.outcome !== 'dropped');
  if (kept.length === 0 && all.length > 0) {
    const first = report.accounts[0]!;
    throw new UsageError(
      `export: no account can be written as ${EXPORT_FORMAT_NAMES[report.format]}: accounts[0] ${JSON.stringify(first.name)}: ${first.why}`,
    );
  }
  if (!reported)
    for (const line of formatTransferReport(report).slice(1))
      if (!line.startsWith('kept')) io.err(`warning: ${line.replace(/^(dropped|changed) +/, '$1 ')}`);
  return kept;
}

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

async function fromFile(file: string, passwordFile: string | undefined, io: CliIo): Promise<DetailedAccount[]> {
  const source = await readImportSource(file);
  if (source.kind === 'image')
    throw new UsageError(`export: --in ${source.name} is an image; read it with 'totp-lab import' first`);
  const input = source.kind === 'text' ? source.text : source.bytes;
  const found = await detectExport(input);
  if (!found.readable)
    throw new UnsupportedFormatError(`export: --in ${source.name}: ${found.name} cannot be read; ${found.advice}`);
  const password = found.encrypted
    ? await readPassword({ command: 'export', what: found.name, file: passwordFile }, io)
    : undefined;
  const read = await readExport(input, password === undefined ? {} : { password });
  warnAbout(read, io);
  if (read.accounts.length === 0) throw new UsageError(`export: no accounts found in ${source.name}`);
  return withDetails(read);
}

async function exportMigration(
  accounts: DetailedAccount[],
  batchSize: number,
  outDir: string | undefined,
  io: CliIo,
): Promise<number> {
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
