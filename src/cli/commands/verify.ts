import { verifyCode } from '../../core/code.js';
import { CODE_FLAGS, parse, parseTime, readCodeParams, readWindow } from '../args.js';
import { EXIT_NO, EXIT_OK, type CliIo, type Command } from '../io.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a code; exit 0 if valid, 1 if not',
  help: `Usage: totp-lab verify <secret|otpauth-uri> <code> [options]

Checks a code as a server would. Exits 0 and prints the step difference (delta)
when the code is valid, exits 1 when it is not. Spaces inside the code are ignored.
An otpauth://steam/ (or encoder=steam) URI checks a Steam Guard code.

Options:
  --time <t>          Unix seconds, or an ISO-8601 date-time with Z or an
                      offset (2025-01-16T09:00:00+01:00); default: now
  --window <n>        steps accepted either side (TOTP) or ahead (HOTP), default 1
  --algorithm <a>     SHA1, SHA256 or SHA512
  --digits <n>        6, 7 or 8
  --period <s>        TOTP step in seconds
  --counter <n>       HOTP counter expected next
  --json              print { valid, delta, counter }
  -h, --help          show this help`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse(
      'verify',
      args,
      { ...CODE_FLAGS, window: { type: 'string' }, json: { type: 'boolean' } },
      { min: 2, max: 2 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const p = readCodeParams(positionals[0]!, values);
    const window = readWindow(values.window);
    const time = values.time !== undefined ? parseTime(values.time) : Date.now();
    const result = verifyCode(p.secret, positionals[1]!, {
      algorithm: p.algorithm,
      digits: p.digits,
      period: p.period,
      time,
      ...(p.steam && { encoder: 'steam' as const }),
      ...(window !== undefined && { window }),
      ...(p.counter !== undefined && { counter: p.counter }),
    });
    if (values.json) io.out(JSON.stringify(result.valid ? result : { valid: false, delta: null, counter: null }));
    else
      io.out(
        result.valid
          ? `valid (delta ${result.delta >= 0 ? '+' : ''}${result.delta}, ${p.counter === undefined ? 'step' : 'counter'} ${result.counter})`
          : 'invalid',
      );
    return result.valid ? EXIT_OK : EXIT_NO;
  },
};
