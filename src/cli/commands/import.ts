import { TotpLabError } from '../../core/errors.js';
import { buildKeyUri, type KeyUri } from '../../core/key-uri.js';
import { readAccounts } from '../../core/formats/read-accounts.js';
import { parse } from '../args.js';
import { readImportSource, type ImportSource } from '../import-source.js';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'read accounts from a migration URI or QR image, an Aegis vault or a URI list',
  help: `Usage: totp-lab import <migration-uri | image.png|jpg | aegis.json | uri-list.txt> [--json]

Reads exported accounts and prints one otpauth:// key URI per account. The input
is recognised by its content: an otpauth-migration:// URI (Google Authenticator's
"Transfer accounts" QR code text), a PNG or JPEG picture of such a QR code (or of
a setup QR code), a file holding such URIs one per line, a plain
(unencrypted) Aegis JSON vault, or a file of otpauth:// URIs, one per line
(blank lines and # comments are ignored).

The output holds the secret keys: treat it like a password.
Google Authenticator's format has no period: its TOTP accounts read as 30 s.

Options:
  --json              print an array of { type, issuer, account, secret,
                      algorithm, digits, period, counter }
  -h, --help          show this help

Examples:
  totp-lab import 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC'
  totp-lab import aegis-export.json --json`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse('import', args, { json: { type: 'boolean' } }, { min: 1, max: 1 });
    if (values.help) return io.out(this.help), EXIT_OK;
    const source = await readImportSource(positionals[0]!);
    const read = readAccounts(await sourceText(source));
    for (const skipped of read.skipped) io.err(`warning: skipped Aegis entry ${skipped.index} ${JSON.stringify(skipped.name)}: ${skipped.reason}`);
    if (read.accounts.length === 0) throw new UsageError(`import: no accounts found in ${source.name}`);
    for (const batch of read.batches) {
      if (batch.size > 1) io.err(`note: this is batch ${batch.index + 1} of ${batch.size} of export ${batch.id}; import the other batches too`);
    }
    if (values.json) {
      io.out(JSON.stringify(read.accounts.map(toJson), null, 2));
    } else {
      for (const account of read.accounts) io.out(buildKeyUri(account));
    }
    return EXIT_OK;
  },
};

/** The text to read: the argument or file as it is, or the QR code in an image (read lazily). */
async function sourceText(source: ImportSource): Promise<string> {
  if (source.kind === 'text') return source.text;
  const { decodeImage } = await import('../../node/image-file.js');
  const { scanQr } = await import('../../qr/scan.js');
  let image;
  try {
    image = await decodeImage(source.bytes);
  } catch (error) {
    if (error instanceof TotpLabError) throw new UsageError(`import: ${source.name}: ${error.message}`);
    throw error;
  }
  const text = scanQr(image);
  if (text === null) throw new UsageError(`import: no QR code found in the image ${source.name}`);
  return text;
}

function toJson(a: KeyUri) {
  return { type: a.type, issuer: a.issuer, account: a.account, secret: a.secret, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter };
}
