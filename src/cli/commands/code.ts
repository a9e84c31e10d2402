import { generateCode, secondsLeft, stepAt } from '../../core/code.js';
import { freshStepTime } from '../../core/fresh-step.js';
import { CODE_FLAGS, parse, parseInteger, parseTime, quoteArg, readCodeParams } from '../args.js';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';

export const codeCommand: Command = {
  name: 'code',
  summary: 'print the current code for a secret or otpauth:// URI',
  help: `Usage: totp-lab code <secret|otpauth-uri> [options]

Prints the one-time code. Flags override what a URI says; --counter (or an
otpauth://hotp URI) makes it HOTP. An otpauth://steam/ URI (or one with
encoder=steam) gives a Steam Guard code: 5 characters of Steam's alphabet.

Options:
  --time <t>          Unix seconds, or an ISO-8601 date-time with Z or an
                      offset (2025-01-16T09:00:00+01:00); default: now
  --algorithm <a>     SHA1, SHA256 or SHA512 (default SHA1)
  --digits <n>        6, 7 or 8 (default 6)
  --period <s>        TOTP step in seconds (default 30)
  --counter <n>       HOTP counter
  --min-remaining <s> TOTP only: when fewer than <s> seconds are left in the
                      period, wait (in real time) for the next period and print
                      its code instead. With --time nothing waits: the code is
                      the one at the next period start. <s> is from 1 to the
                      period minus 1. For tests that type the code somewhere.
  --json              print { code, remaining, step } (remaining is null for HOTP)
  -h, --help          show this help

Examples:
  totp-lab code JBSWY3DPEHPK3PXP
  totp-lab code GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --time 59 --digits 8
  totp-lab code JBSWY3DPEHPK3PXP --json --min-remaining 5
  totp-lab code 'otpauth://steam/Steam:anna?secret=ON2XAZLSMR2XAZLSONSWG4TFOQ'`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse(
      'code',
      args,
      { ...CODE_FLAGS, json: { type: 'boolean' }, 'min-remaining': { type: 'string' } },
      { min: 1, max: 1 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const p = readCodeParams(positionals[0]!, values);
    const codeAt = (time: number, counter?: number) =>
      generateCode(p.secret, {
        algorithm: p.algorithm,
        digits: p.digits,
        period: p.period,
        time,
        ...(p.steam && { encoder: 'steam' as const }),
        ...(counter !== undefined && { counter }),
      });
    const time = values.time !== undefined ? parseTime(values.time) : undefined;
    let shown: { code: string; remaining: number | null; step: number };
    if (values['min-remaining'] !== undefined) {
      const minRemaining = parseInteger(values['min-remaining'], 'min-remaining');
      if (p.counter !== undefined)
        throw new UsageError('--min-remaining applies to TOTP codes only, not to HOTP (--counter or an hotp URI)');
      if (minRemaining < 1 || minRemaining >= p.period) {
        throw new UsageError(
          `--min-remaining must be from 1 to the period minus 1 (${p.period - 1}), got ${quoteArg(values['min-remaining'])}`,
        );
      }
      // With --time nothing waits: the code is the one at the next period start. Without it,
      // wait in real time until a code with enough time left is current.
      let at = freshStepTime(time ?? Date.now(), p.period, minRemaining);
      while (time === undefined && at > Date.now()) {
        await new Promise((resolve) => setTimeout(resolve, at - Date.now()));
        at = freshStepTime(Date.now(), p.period, minRemaining);
      }
      shown = { code: codeAt(at), remaining: secondsLeft(at, p.period), step: stepAt(at, p.period) };
    } else {
      const at = time ?? Date.now();
      const code = codeAt(at, p.counter);
      const hotp = p.counter !== undefined;
      shown = {
        code,
        remaining: hotp ? null : secondsLeft(at, p.period),
        step: hotp ? p.counter! : stepAt(at, p.period),
      };
    }
    io.out(values.json ? JSON.stringify(shown) : shown.code);
    return EXIT_OK;
  },
};
