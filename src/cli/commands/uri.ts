import { buildKeyUri } from '../../core/key-uri.js';
import { generateSecret } from '../../core/secret.js';
import { checkAlgorithm, checkDigits, checkPeriod } from '../../core/options.js';
import { parse, parseInteger } from '../args.js';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';

export const uriCommand: Command = {
  name: 'uri',
  summary: 'print an otpauth:// key URI (with a new secret unless one is given)',
  help: `Usage: totp-lab uri --account <name> [options]

Prints an otpauth://totp key URI, the text inside a setup QR code. Without
--secret a new 160-bit secret is made from the system CSPRNG.

Options:
  --account <name>    the user's account name (required)
  --issuer <name>     the service, e.g. "Ügyfélkapu+"
  --secret <base32>   an existing secret key
  --algorithm <a>     SHA1, SHA256 or SHA512 (default SHA1)
  --digits <n>        6, 7 or 8 (default 6)
  --period <s>        step in seconds (default 30)
  -h, --help          show this help`,
  async run(args: string[], io: CliIo) {
    const { values } = parse(
      'uri',
      args,
      {
        account: { type: 'string' },
        issuer: { type: 'string' },
        secret: { type: 'string' },
        algorithm: { type: 'string' },
        digits: { type: 'string' },
        period: { type: 'string' },
      },
      { min: 0, max: 0 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    if (values.account === undefined) throw new UsageError("uri: --account is required (see 'totp-lab uri --help')");
    io.out(
      buildKeyUri({
        account: values.account,
        issuer: values.issuer ?? null,
        secret: values.secret ?? generateSecret(),
        ...(values.algorithm !== undefined && { algorithm: checkAlgorithm(values.algorithm) }),
        ...(values.digits !== undefined && { digits: checkDigits(parseInteger(values.digits, 'digits')) }),
        ...(values.period !== undefined && { period: checkPeriod(parseInteger(values.period, 'period')) }),
      }),
    );
    return EXIT_OK;
  },
};
