import { parseKeyUri } from '../../core/key-uri.js';
import { parse } from '../args.js';
import { EXIT_OK, type CliIo, type Command } from '../io.js';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'print the fields of an otpauth:// key URI',
  help: `Usage: totp-lab inspect <otpauth-uri> [--json]

Prints what a key URI says: type, issuer, account, secret, algorithm, digits,
period (TOTP) or counter (HOTP), and a warning when the label's issuer and the
issuer parameter differ.

Options:
  --json              print the fields as one JSON object
  -h, --help          show this help`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse('inspect', args, { json: { type: 'boolean' } }, { min: 1, max: 1 });
    if (values.help) return (io.out(this.help), EXIT_OK);
    const { issuerMismatch, ...fields } = parseKeyUri(positionals[0]!);
    if (values.json) {
      io.out(JSON.stringify({ ...fields, issuerMismatch }));
      return EXIT_OK;
    }
    for (const [name, value] of Object.entries(fields)) {
      if (value !== null || name === 'issuer') io.out(`${`${name}:`.padEnd(11)}${value ?? '(none)'}`);
    }
    if (issuerMismatch)
      io.err('warning: the issuer in the label differs from the issuer parameter; the parameter was used');
    return EXIT_OK;
  },
};
