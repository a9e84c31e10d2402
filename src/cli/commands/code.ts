import { generateCode, secondsLeft, stepAt } from '../../core/code.js';
import { CODE_FLAGS, parse, parseTime, readCodeParams } from '../args.js';
import { EXIT_OK, type CliIo, type Command } from '../io.js';

export const codeCommand: Command = {
  name: 'code',
  summary: 'print the current code for a secret or otpauth:// URI',
  help: `Usage: totp-lab code <secret|otpauth-uri> [options]

Prints the one-time code. Flags override what a URI says; --counter (or an
otpauth://hotp URI) makes it HOTP.

Options:
  --time <t>          Unix seconds or ISO-8601 date-time (default: now)
  --algorithm <a>     SHA1, SHA256 or SHA512 (default SHA1)
  --digits <n>        6, 7 or 8 (default 6)
  --period <s>        TOTP step in seconds (default 30)
  --counter <n>       HOTP counter
  --json              print { code, remaining, step } (remaining is null for HOTP)
  -h, --help          show this help

Examples:
  totp-lab code JBSWY3DPEHPK3PXP
  totp-lab code GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --time 59 --digits 8`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse('code', args, { ...CODE_FLAGS, json: { type: 'boolean' } }, { min: 1, max: 1 });
    if (values.help) return io.out(this.help), EXIT_OK;
    const p = readCodeParams(positionals[0]!, values);
    const time = values.time !== undefined ? parseTime(values.time) : Date.now();
    const code = generateCode(p.secret, { algorithm: p.algorithm, digits: p.digits, period: p.period, time, ...(p.counter !== undefined && { counter: p.counter }) });
    if (values.json) {
      const hotp = p.counter !== undefined;
      io.out(JSON.stringify({ code, remaining: hotp ? null : secondsLeft(time, p.period), step: hotp ? p.counter : stepAt(time, p.period) }));
    } else {
      io.out(code);
    }
    return EXIT_OK;
  },
};
