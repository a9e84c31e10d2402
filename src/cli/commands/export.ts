import { encodeMigration } from '../../core/formats/migration/migration.js';
import { parseKeyUri } from '../../core/key-uri.js';
import { TotpLabError } from '../../core/errors.js';
import { parse, parseInteger, quoteArg } from '../args.js';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'turn otpauth:// URIs into Google Authenticator transfer URIs',
  help: `Usage: totp-lab export <otpauth-uri>... [--batch-size <n>] [--out-dir <dir>]

Encodes accounts as otpauth-migration://offline?data=… URIs, the text of
Google Authenticator's "Transfer accounts" QR codes, and prints one per line
(one per batch of --batch-size accounts; all share a random batch id).

The format has no period field and no 7-digit codes: an account with a period
other than 30 s or with 7 digits is refused rather than exported wrongly.
The output holds the secret keys: treat it like a password.

Options:
  --batch-size <n>    accounts per URI, 1 to 1000 (default 10)
  --out-dir <dir>     also write one QR code picture per batch there
                      (transfer-1-of-N.png …), to show to the new phone
  -h, --help          show this help

Example:
  totp-lab export 'otpauth://totp/Bank:anna?secret=JBSWY3DPEHPK3PXP&issuer=Bank'`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse('export', args, { 'batch-size': { type: 'string' }, 'out-dir': { type: 'string' } }, { min: 1, max: 10_000 });
    if (values.help) return io.out(this.help), EXIT_OK;
    const batchSize = values['batch-size'] === undefined ? 10 : parseInteger(values['batch-size'], 'batch-size');
    if (batchSize < 1 || batchSize > 1000) throw new UsageError(`--batch-size must be from 1 to 1000, got ${batchSize}`);
    const accounts = positionals.map((uri, i) => {
      try {
        return parseKeyUri(uri);
      } catch (error) {
        if (error instanceof TotpLabError && positionals.length > 1) throw new UsageError(`export: argument ${i + 1}: ${error.message}`);
        throw error;
      }
    });
    const uris = encodeMigration(accounts, { batchSize });
    // The directory first: a refused --out-dir must not leave the secrets half printed.
    if (values['out-dir'] !== undefined) await makeOutDir(values['out-dir']);
    for (const uri of uris) io.out(uri);
    if (values['out-dir'] !== undefined) await writeBatchImages(values['out-dir'], uris, io);
    return EXIT_OK;
  },
};

/** Creates --out-dir (and its parents) if missing. */
async function makeOutDir(dir: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  try {
    if (dir.includes('\0')) throw Object.assign(new Error('NUL in path'), { code: 'a NUL character in the path' });
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`export: cannot create --out-dir ${quoteArg(dir)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
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
