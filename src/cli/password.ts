/**
 * Where the CLI gets the password of an encrypted export: a file (`--password-file`), the
 * TOTP_LAB_PASSWORD environment variable, or a prompt on the terminal that does not echo. Never
 * from an argument, which would land in shell history and `ps`; never printed or put in an error.
 */
import { readFile } from 'node:fs/promises';
import { constantTimeEqual } from '../core/constant-time.js';
import { quoteArg } from './args.js';
import { UsageError, type CliIo } from './io.js';

export const PASSWORD_ENV = 'TOTP_LAB_PASSWORD';
const MAX_PASSWORD_FILE = 64 * 1024;

/** What {@link readPassword} needs to know. */
export interface PasswordRequest {
  command: string;
  /** What the password is for, in the prompt and messages: `"Aegis vault (encrypted JSON)"`. */
  what: string;
  file: string | undefined;
  /** Ask twice on a terminal (a new password for an export). */
  confirm?: boolean;
}

/**
 * @throws {UsageError} for an unreadable or empty password file, or when no source is available
 */
export async function readPassword(request: PasswordRequest, io: CliIo): Promise<string> {
  if (request.file !== undefined) {
    let text: string;
    try {
      const bytes = await readFile(request.file);
      if (bytes.length > MAX_PASSWORD_FILE) throw Object.assign(new Error('too large'), { code: 'larger than 64 KiB' });
      text = new TextDecoder().decode(bytes);
    } catch (error) {
      throw new UsageError(
        `${request.command}: cannot read --password-file ${quoteArg(request.file)}: ${(error as NodeJS.ErrnoException).code ?? 'read error'}`,
      );
    }
    // The file's first line is the password: an editor's final newline is not part of it.
    const password = text.split(/\r?\n/)[0]!;
    if (password === '') throw new UsageError(`${request.command}: --password-file ${quoteArg(request.file)} is empty`);
    return password;
  }
  const fromEnv = io.env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (io.isTty && process.stdin.isTTY) {
    const password = await promptHidden(`Password for the ${request.what}: `);
    if (request.confirm && !constantTimeEqual(await promptHidden('Again: '), password))
      throw new UsageError(`${request.command}: the passwords differ`);
    if (password === '') throw new UsageError(`${request.command}: no password given`);
    return password;
  }
  throw new UsageError(
    `${request.command}: ${request.what} needs a password: give --password-file FILE or set ${PASSWORD_ENV} (on a terminal you are asked)`,
  );
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHidden(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
