/**
 * The `totp-lab` command. Exit codes: 0 success, 1 a negative answer, 2 bad usage or bad input
 * (one line on stderr, never a stack trace, never a secret).
 */
import { isTotpLabError } from '../core/errors.js';
import { version } from '../../package.json';
import { MissingArgumentError } from './args.js';
import { COMMANDS } from './command-table.js';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './io.js';

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: totp-lab <command> [options]',
    '',
    'Simulates Ügyfélkapu+-style two-factor login: TOTP codes, key URIs, a provider and phones.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    "Run 'totp-lab <command> --help' for a command's options, 'totp-lab --version' for the version.",
  ].join('\n');
}

/** Runs the CLI with `args` (without the node and script paths) and returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(version);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  let command: Command | undefined;
  try {
    if (!entry) throw new UsageError(`unknown command ${JSON.stringify(name.slice(0, 40))} (see 'totp-lab --help')`);
    command = await entry.load();
    return await command.run(rest, io);
  } catch (thrown) {
    const error = thrown instanceof MissingArgumentError && command ? nameMissing(thrown, command) : thrown;
    io.err(`totp-lab: ${describeError(error)}`);
    if (io.env.TOTP_LAB_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT_USAGE;
  }
}

/** Names the missing argument from the command's usage line (`Usage: totp-lab verify <secret|otpauth-uri> <code>`). */
function nameMissing(error: MissingArgumentError, command: Command): MissingArgumentError {
  const usage = command.help.split('\n')[0]!.split(/\s+/).slice(3);
  const names: string[] = [];
  for (let i = 0; i < usage.length; i++) {
    if (usage[i]!.startsWith('[')) break;
    if (usage[i]!.startsWith('-')) i++;
    else if (usage[i]!.startsWith('<')) names.push(usage[i]!.replace(/\.\.\.$/, ''));
  }
  const name = names[Math.min(error.position, names.length - 1)];
  return name === undefined ? error : new MissingArgumentError(error.command, error.position, name);
}

function describeError(error: unknown): string {
  if (error instanceof UsageError || isTotpLabError(error)) return error.message.split('\n')[0]!;
  // Anything else is unexpected; keep it to one line and say so.
  return `unexpected error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}
