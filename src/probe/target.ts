/**
 * The verifier under test, whatever its kind, behind one call: send this code for this account and
 * say whether it was accepted, what came back (for the evidence) and a signature of the answer (to
 * tell a locked account's answer from a wrong code's).
 */
import { describeValue } from '../core/errors.js';
import type { Account } from './account.js';
import { splitCommand } from './argv.js';
import { ProbeTargetError, oneLine } from './errors.js';
import { checkHttpPlaceholders, parseHttpTemplate, sendHttp } from './http-request.js';
import { asIs, checkPlaceholders, fill, maskSecrets, placeholdersOf, type PlaceholderValues } from './template.js';
import type { CommandRunner, ProbeTarget } from './types.js';

/** One answer of the verifier. */
export interface Answer {
  accepted: boolean;
  /** For the evidence: one short line, secrets masked. */
  shown: string;
  /** For comparing answers: the status and the body with numbers and tokens blurred. */
  signature: string;
}

export interface Target {
  kind: ProbeTarget['kind'];
  description: string;
  /** True when the verifier is told the secret with each code (then the probe may make up accounts). */
  takesSecret: boolean;
  /** True when the answer carries more than accepted or not (a status, a body, an output). */
  hasAnswerText: boolean;
  /** Checks the placeholders against an enrolment answer's fields (null: not known yet). */
  checkFields(fields: readonly string[] | null): void;
  attempt(code: string, account: Account): Promise<Answer>;
}

/** The values a template is filled with for one attempt. */
export function valuesFor(code: string, account: Account): PlaceholderValues {
  return { ...account.fields, code, username: account.info.username, secret: account.info.secret };
}

/** Numbers, long tokens and the code itself blurred, so "3 tries left" and "2 tries left" compare equal. */
export function blur(text: string): string {
  return text
    .replace(/[A-Za-z0-9_-]{20,}/g, '…')
    .replace(/\d+/g, '#')
    .trim()
    .slice(0, 2000);
}

/** The environment a command target gets, so a script need not take the secret as an argument. */
export const COMMAND_ENV = {
  code: 'TOTP_LAB_PROBE_CODE',
  username: 'TOTP_LAB_PROBE_USERNAME',
  secret: 'TOTP_LAB_PROBE_SECRET',
} as const;

/**
 * @throws {ProbeTargetError} for a template that cannot work (no {code}, a malformed URL or command)
 */
export function createTarget(target: ProbeTarget, timeoutMs: number): Target {
  if (target.kind === 'function') return functionTarget(target.verify);
  if (target.kind === 'http') return httpTarget(target, timeoutMs);
  return commandTarget(target.command, target.run, 'the verify command');
}

function functionTarget(verify: (code: string, account: Account['info']) => unknown): Target {
  return {
    kind: 'function',
    description: verify.name ? `function ${oneLine(verify.name, 40)}` : 'a function',
    takesSecret: true,
    hasAnswerText: false,
    checkFields: () => undefined,
    async attempt(code, account) {
      let result: unknown;
      try {
        result = await verify(code, account.info);
      } catch (error) {
        // A verifier that throws on odd input refuses it; the evidence says how.
        const shown = `threw ${error instanceof Error ? `${error.name}: ${oneLine(error.message, 80)}` : describeValue(error)}`;
        return { accepted: false, shown: maskSecrets(shown, account.secrets), signature: 'threw' };
      }
      if (typeof result !== 'boolean')
        throw new ProbeTargetError(`the verify function must return true or false, got ${describeValue(result)}`);
      return { accepted: result, shown: String(result), signature: String(result) };
    },
  };
}

function httpTarget(target: Extract<ProbeTarget, { kind: 'http' }>, timeoutMs: number): Target {
  const template = parseHttpTemplate(target, 'the verify request');
  checkHttpPlaceholders(template, 'the verify request', null);
  const accepted = readAccepted(target.accepted);
  const uses = [template.url, template.body ?? '', ...template.headers.map((h) => h.value)].flatMap(placeholdersOf);
  return {
    kind: 'http',
    description: template.description,
    takesSecret: uses.includes('secret'),
    hasAnswerText: true,
    checkFields: (fields) => checkHttpPlaceholders(template, 'the verify request', fields),
    async attempt(code, account) {
      const answer = await sendHttp(template, valuesFor(code, account), {
        timeoutMs,
        secrets: account.secrets,
        what: 'the verifier',
      });
      const body = new TextDecoder().decode(answer.bytes);
      const ok = accepted === null ? answer.status >= 200 && answer.status < 300 : accepted.test(body);
      const shown = maskSecrets(`${answer.status} ${oneLine(body, 120)}`, account.secrets);
      return { accepted: ok, shown, signature: `${answer.status} ${blur(maskSecrets(body, account.secrets))}` };
    },
  };
}

function readAccepted(value: string | RegExp | undefined): RegExp | null {
  if (value === undefined) return null;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags.replace(/[gy]/g, ''));
  try {
    return new RegExp(value);
  } catch {
    throw new ProbeTargetError(
      `the accepted pattern ${JSON.stringify(oneLine(String(value), 40))} is not a regular expression`,
    );
  }
}

/** A program run without a shell; exit status 0 accepts. */
function commandTarget(command: string | readonly string[], run: CommandRunner, what: string): Target {
  const argv = typeof command === 'string' ? splitCommand(command, what) : [...command];
  if (argv.length === 0 || argv.some((a) => typeof a !== 'string'))
    throw new ProbeTargetError(`${what} must be a command line or a list of arguments`);
  checkPlaceholders(what, argv, null);
  return {
    kind: 'command',
    description: argv.join(' '),
    // The secret is in its environment whether or not an argument names it.
    takesSecret: true,
    hasAnswerText: true,
    checkFields: (fields) => checkPlaceholders(what, argv, fields),
    async attempt(code, account) {
      const values = valuesFor(code, account);
      const { exitCode, stdout } = await runCommand(
        run,
        argv.map((a) => fill(a, values, asIs)),
        {
          [COMMAND_ENV.code]: code,
          [COMMAND_ENV.username]: account.info.username,
          [COMMAND_ENV.secret]: account.info.secret,
        },
        what,
        account.secrets,
      );
      const out = typeof stdout === 'string' ? stdout : new TextDecoder().decode(stdout);
      const shown = maskSecrets(`exit ${exitCode}${out.trim() ? ` ${oneLine(out, 100)}` : ''}`, account.secrets);
      return {
        accepted: exitCode === 0,
        shown,
        signature: `exit ${exitCode} ${blur(maskSecrets(out, account.secrets))}`,
      };
    },
  };
}

/** Runs a command through the given runner; a program that does not start is a ProbeTargetError. */
export async function runCommand(
  run: CommandRunner,
  argv: string[],
  env: Record<string, string>,
  what: string,
  secrets: readonly string[],
): Promise<{ exitCode: number; stdout: string | Uint8Array }> {
  let result: Awaited<ReturnType<CommandRunner>>;
  try {
    result = await run(argv, env);
  } catch (error) {
    if (error instanceof ProbeTargetError) throw error;
    const reason = error instanceof Error ? error.message : describeValue(error);
    throw new ProbeTargetError(
      `cannot run ${what} (${oneLine(argv[0]!, 60)}): ${maskSecrets(oneLine(reason, 100), secrets)}`,
      {
        cause: error,
      },
    );
  }
  if (typeof result !== 'object' || result === null || !Number.isInteger(result.exitCode))
    throw new ProbeTargetError(`${what}: the command runner must give { exitCode, stdout }`);
  return result;
}
