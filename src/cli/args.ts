/**
 * Argument helpers shared by the commands: strict parsing with one-line errors, times, numbers,
 * and the "secret or otpauth:// URI" argument most commands take.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseKeyUri, type ParsedKeyUri } from '../core/key-uri.js';
import { toSecretBase32 } from '../core/secret.js';
import {
  checkAlgorithm,
  checkDigits,
  checkPeriod,
  checkCounter,
  checkWindow,
  type Algorithm,
  type Digits,
} from '../core/options.js';
import { UsageError } from './io.js';
import { checkSteamDigits, type CodeLength } from '../core/steam.js';
import { InvalidArgumentError } from '../core/errors.js';
import { parseTimeInput, quoteInput } from '../core/time-input.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with `--help` added and its errors turned into one-line usage errors. */
export function parse<O extends Options>(
  command: string,
  args: string[],
  options: O,
  positionals: { min: number; max: number },
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    const message =
      error instanceof Error
        ? shortenQuoted(error.message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, ''))
        : String(error);
    throw new UsageError(`${command}: ${message}`);
  }
  const values = parsed.values as { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string } & {
    help?: boolean;
  };
  if (!values.help) {
    const count = parsed.positionals.length;
    if (count < positionals.min) throw new MissingArgumentError(command, count);
    if (count > positionals.max)
      throw new UsageError(
        `${command}: unexpected argument ${quoteArg(parsed.positionals[positionals.max]!)} (see 'totp-lab ${command} --help')`,
      );
  }
  return { values, positionals: parsed.positionals };
}

/** A required positional argument is absent; `main` names it from the command's usage line. */
export class MissingArgumentError extends UsageError {
  constructor(
    readonly command: string,
    readonly position: number,
    name?: string,
  ) {
    super(`${command}: missing argument${name ? ` ${name}` : ''} (see 'totp-lab ${command} --help')`);
  }
}

/**
 * node:util refuses `--time -5` as "ambiguous" (the value looks like a flag). A value that looks
 * like a negative number is meant as the value: pass it as `--time=-5`, so our own range check
 * answers with a message that names the flag.
 */
function joinNegativeValues(args: string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = /^--([^=]+)$/.exec(args[i]!)?.[1];
    const next = args[i + 1];
    if (flag !== undefined && options[flag]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`--${flag}=${next}`);
      i++;
    } else joined.push(args[i]!);
  }
  return joined;
}

/**
 * node:util's messages quote the offending argument in full ('--<a megabyte>'): cut each quoted
 * part to 40 characters and blank control characters, so the message stays one short line.
 */
function shortenQuoted(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f]/g, '?').replace(/'([^']{40})[^']+'/g, "'$1…'");
}

/** Quotes an argument for an error message, shortened so it stays one line. */
export function quoteArg(text: string): string {
  return quoteInput(text);
}

/** `--time` (see parseTimeInput in core): a usage error naming the flag. Returns ms. */
export function parseTime(text: string, flag = 'time'): number {
  try {
    return parseTimeInput(text, `--${flag}`);
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new UsageError(error.message);
    throw error;
  }
}

/** A whole decimal number for a flag, or a usage error naming the flag. */
export function parseInteger(text: string, flag: string): number {
  if (/^-\d+$/.test(text)) throw new UsageError(`--${flag} must not be negative, got ${quoteArg(text)}`);
  if (!/^\d{1,16}$/.test(text)) throw new UsageError(`--${flag} must be a whole number, got ${quoteArg(text)}`);
  return Number(text);
}

export interface CodeParams {
  secret: string;
  algorithm: Algorithm;
  digits: Digits | CodeLength;
  /** Steam Guard codes (an `otpauth://steam/` or `encoder=steam` URI). */
  steam: boolean;
  period: number;
  counter: number | undefined;
  uri: ParsedKeyUri | undefined;
}

/**
 * Reads the `<secret|otpauth-uri>` argument and the flags that override what a URI says.
 * Errors name the flag or field, never the secret.
 */
export function readCodeParams(
  target: string,
  flags: {
    algorithm?: string | undefined;
    digits?: string | undefined;
    period?: string | undefined;
    counter?: string | undefined;
  },
): CodeParams {
  const uri = /^otpauth:/i.test(target.trim()) ? parseKeyUri(target) : undefined;
  const secret = uri ? uri.secret : toSecretBase32(target);
  const steam = uri?.type === 'steam';
  if (steam && flags.counter !== undefined)
    throw new UsageError('--counter does not apply to a Steam Guard URI (its codes are time-based)');
  const algorithm = flags.algorithm !== undefined ? checkAlgorithm(flags.algorithm) : (uri?.algorithm ?? 'SHA1');
  const digits =
    flags.digits !== undefined
      ? (steam ? checkSteamDigits : checkDigits)(parseInteger(flags.digits, 'digits'))
      : (uri?.digits ?? 6);
  const period = flags.period !== undefined ? checkPeriod(parseInteger(flags.period, 'period')) : (uri?.period ?? 30);
  const counter =
    flags.counter !== undefined ? checkCounter(parseInteger(flags.counter, 'counter')) : (uri?.counter ?? undefined);
  return { secret, algorithm, digits, steam, period, counter, uri };
}

export function readWindow(text: string | undefined): number | undefined {
  return text === undefined ? undefined : checkWindow(parseInteger(text, 'window'));
}

export const CODE_FLAGS = {
  time: { type: 'string' },
  algorithm: { type: 'string' },
  digits: { type: 'string' },
  period: { type: 'string' },
  counter: { type: 'string' },
} as const;
