import { TotpLabError, UnsupportedFormatError } from '../../core/errors.js';
import { buildKeyUri, type KeyUri } from '../../core/key-uri.js';
import { EXPORT_FORMATS } from '../../core/formats/capabilities.js';
import { detectExport } from '../../core/formats/detect.js';
import { withDetails } from '../../core/formats/details.js';
import { readExport, type ReadAccountsResult } from '../../core/formats/read-accounts.js';
import { checkExportFormat, formatTransferReport, planTransfer } from '../../core/formats/report.js';
import { parse, quoteArg } from '../args.js';
import { readImportSource, type ImportSource } from '../import-source.js';
import { EXIT_NO, EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';
import { PASSWORD_ENV, readPassword } from '../password.js';

export const importCommand: Command = {
  name: 'import',
  summary: "read accounts from an authenticator app's export (Aegis, 2FAS, Bitwarden, …) or a transfer QR code",
  help: `Usage: totp-lab import <export-file | migration-uri | image.png|jpg> [--json] [--password-file FILE]
       totp-lab import <export-file> --to FORMAT --report [--json] [--strict]

Reads exported accounts and prints one otpauth:// key URI per account. The
format is recognised by its content and named on stderr ("format: …"):
  Google Authenticator transfer (otpauth-migration:// URI, or a PNG/JPEG
  picture of its QR code), key-URI lists (Aegis/Ente Auth text export),
  Aegis vaults (plain or encrypted), 2FAS backups (plain or encrypted),
  Bitwarden JSON and CSV, andOTP (plain or encrypted), FreeOTP+,
  Authenticator Pro / Stratum, Proton Authenticator, LastPass Authenticator,
  Ente Auth encrypted exports, Proton Pass exports (zip), Steam Guard
  maFiles, TOTP Authenticator backups, FIDO Credential Exchange (CXF) JSON.
Known formats that cannot be read (app databases and settings files,
FreeOTP 2 and Authenticator Plus backups, PGP-encrypted files, …) are
refused with what to export instead. Steam Guard accounts are read as such
(otpauth://steam/, 5-character codes); entries of other kinds (mOTP, Yandex)
are skipped with a warning naming them.

--report --to FORMAT says, account by account, what moving these accounts
into FORMAT (${EXPORT_FORMATS.join(', ')}) keeps, changes or drops
(algorithm, digits, period, counter, Steam, icon, group, note); it prints no
secret and writes nothing. With --strict it exits 1 when the move would lose
anything. 'totp-lab export --in FILE --format FORMAT' then writes the file.

The password of an encrypted export comes from --password-file, from the
${PASSWORD_ENV} environment variable, or from a prompt on a terminal (not
echoed); never from an argument. A wrong password imports nothing.

The output holds the secret keys: treat it like a password.
Google Authenticator's format has no period: its TOTP accounts read as 30 s.

Options:
  --json                 print an array of { type, issuer, account, secret,
                         algorithm, digits, period, counter } (with --report:
                         the report as JSON)
  --password-file FILE   read the password from the first line of FILE
  --to FORMAT            with --report: the format to move the accounts to
  --report               print the transfer report instead of the accounts
  --strict               with --report: exit 1 when the move loses anything
  -h, --help             show this help

Examples:
  totp-lab import 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC'
  totp-lab import aegis-export.json --json
  totp-lab import backup.2fas --password-file ~/.backup-password
  totp-lab import aegis-export.json --to migration --report`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse(
      'import',
      args,
      {
        json: { type: 'boolean' },
        'password-file': { type: 'string' },
        to: { type: 'string' },
        report: { type: 'boolean' },
        strict: { type: 'boolean' },
      },
      { min: 1, max: 1 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const to = checkReportFlags(values);
    const source = await readImportSource(positionals[0]!);
    const input = await sourceInput(source);
    if (
      typeof input === 'string' &&
      input.split(/\r?\n/).every((line) => line.trim() === '' || line.trim().startsWith('#'))
    ) {
      throw new UsageError(`import: no accounts found in ${source.name}`);
    }
    const found = await detectExport(input);
    if (!found.readable && source.kind === 'bytes' && found.format === 'unknown') {
      throw new UsageError(`import: ${source.name} is neither UTF-8 text nor a known image format or binary export`);
    }
    if (!found.readable) {
      throw new UnsupportedFormatError(
        `import: ${source.name}: ${found.format === 'unknown' ? 'not a known export format' : `${found.name} cannot be read here`}; ${found.advice}`,
      );
    }
    const password = found.encrypted
      ? await readPassword({ command: 'import', what: found.name, file: values['password-file'] }, io)
      : undefined;
    const read = await readExport(input, password === undefined ? {} : { password });
    // Named once a file is read (a refusal names the format in its one line instead).
    if (source.kind !== 'text' || source.name !== 'the argument') io.err(`format: ${read.name}`);
    warnAbout(read, io);
    if (read.accounts.length === 0) throw new UsageError(`import: no accounts found in ${source.name}`);
    if (to !== undefined) {
      const report = planTransfer(withDetails(read), to);
      if (values.json) io.out(JSON.stringify(report, null, 2));
      else for (const line of formatTransferReport(report)) io.out(line);
      return values.strict && !report.lossless ? EXIT_NO : EXIT_OK;
    }
    for (const batch of read.batches) {
      if (batch.size > 1)
        io.err(
          `note: this is batch ${batch.index + 1} of ${batch.size} of export ${batch.id}; import the other batches too`,
        );
    }
    if (values.json) {
      io.out(JSON.stringify(read.accounts.map(toJson), null, 2));
    } else {
      for (const account of read.accounts) io.out(buildKeyUri(account));
    }
    return EXIT_OK;
  },
};

/** --report needs --to, and --to and --strict need --report: import never writes another format. */
function checkReportFlags(values: {
  to?: string | undefined;
  report?: boolean | undefined;
  strict?: boolean | undefined;
}) {
  if (values.report && values.to === undefined)
    throw new UsageError(`import: --report needs --to FORMAT (one of ${EXPORT_FORMATS.join(', ')})`);
  if (!values.report && (values.to !== undefined || values.strict))
    throw new UsageError(
      `import: ${values.to !== undefined ? '--to' : '--strict'} needs --report; to write another format use 'totp-lab export --in FILE --format FORMAT'`,
    );
  if (values.to === undefined) return undefined;
  try {
    return checkExportFormat(values.to, 'to');
  } catch {
    throw new UsageError(`import: --to must be one of ${EXPORT_FORMATS.join(', ')}, got ${quoteArg(values.to)}`);
  }
}

/** The entries left out and the values assumed, one warning line each. */
export function warnAbout(read: ReadAccountsResult, io: CliIo): void {
  const unit = read.format === 'uri-list' ? 'line' : 'entry';
  for (const s of read.skipped) io.err(`warning: skipped ${unit} ${s.index} ${JSON.stringify(s.name)}: ${s.reason}`);
  for (const warning of read.warnings) io.err(`warning: ${warning}`);
}

/** The export to read: the argument or file as it is, or the QR code in an image (read lazily). */
async function sourceInput(source: ImportSource): Promise<string | Uint8Array> {
  if (source.kind === 'text') return source.text;
  if (source.kind === 'bytes') return source.bytes;
  const { decodeImage } = await import('../../node/image-file.js');
  const { scanQr } = await import('../../qr/scan.js');
  let image;
  try {
    image = await decodeImage(source.bytes);
  } catch (error) {
    if (error instanceof TotpLabError) throw new UsageError(`import: ${source.name}: ${error.message}`);
    throw error;
  }
  const text = await scanQr(image);
  if (text === null) throw new UsageError(`import: no QR code found in the image ${source.name}`);
  return text;
}

function toJson(a: KeyUri) {
  return {
    type: a.type,
    issuer: a.issuer,
    account: a.account,
    secret: a.secret,
    algorithm: a.algorithm,
    digits: a.digits,
    period: a.period,
    counter: a.counter,
  };
}
