/**
 * A command line split into program arguments the way a POSIX shell splits words, and nothing
 * more: quotes and backslashes group, but there is no expansion, no pipe, no redirection and no
 * variable. The probe runs the program itself (never through a shell) and fills placeholders into
 * each argument afterwards, so a code such as "123 456" stays one argument and a secret is never
 * part of a line a shell reads or keeps in its history.
 */
import { ProbeTargetError } from './errors.js';

const MAX_COMMAND_LENGTH = 8192;

/**
 * @throws {ProbeTargetError} for an empty command, an unclosed quote, or shell syntax the probe does not run
 * @example
 * splitCommand(`python3 verify.py {secret} "{code}"`); // ['python3', 'verify.py', '{secret}', '{code}']
 */
export function splitCommand(line: string, what = 'the command'): string[] {
  if (typeof line !== 'string' || line.length > MAX_COMMAND_LENGTH)
    throw new ProbeTargetError(`${what} must be a command line of at most ${MAX_COMMAND_LENGTH} characters`);
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word = `${word ?? ''}${line[++i]}`;
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if ('|&;<>`$()'.includes(c)) {
      throw new ProbeTargetError(
        `${what} uses ${JSON.stringify(c)}, which needs a shell; the probe runs one program without a shell (put the pipeline in a script)`,
      );
    } else word = (word ?? '') + c;
  }
  if (quote !== null) throw new ProbeTargetError(`${what} has an unclosed ${quote} quote`);
  if (word !== null) words.push(word);
  if (words.length === 0) throw new ProbeTargetError(`${what} is empty`);
  return words;
}
