import { readFile } from 'node:fs/promises';
import { localeLanguage } from '../../demo/terminal/style.js';
import { isLanguage, type Language } from '../../sim/language.js';
import { formatProbeReport } from '../../probe/format-report.js';
import { probeVerifier } from '../../probe/probe.js';
import type { ProbeAccounts, ProbeOptions, ProbeTarget } from '../../probe/types.js';
import { failures } from '../../probe/verdicts.js';
import { parse, parseInteger, quoteArg } from '../args.js';
import { EXIT_NO, EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';
import { programRunner } from '../program-runner.js';

export const probeCommand: Command = {
  name: 'probe',
  summary: "audit someone else's TOTP verifier against RFC 6238, RFC 4226 and Ügyfélkapu+'s rules",
  help: `Usage: totp-lab probe (--verify 'METHOD URL' | --verify-cmd COMMAND) [accounts] [options]

Plays the phone against a TOTP verifier and reports what it does: the steps
it accepts behind and ahead, a code replayed within its step, an older code
after a newer one (RFC 6238 §5.2), throttling or lockout after wrong codes
(RFC 4226 §7.3): after how many, for how long, whether a right code is then
refused and whether the locked answer differs from a wrong code's; input as
people type it ("123 456", white space around it, 5 and 7 digits, full-width
digits, empty); and an estimate of the verifier's clock offset. Codes of
other steps are computed from the secret, so nothing waits for the clock.
Exit 0 when nothing breaks a rule, 1 when a finding does, 2 for bad usage or
a target that cannot be reached. It locks accounts on purpose: probe only a
verifier you may test.

The verifier (one of):
  --verify 'METHOD URL'  an HTTP request; placeholders {code}, {username},
                         {secret} and the enrolment answer's fields (such as
                         {password}) are filled in, escaped for where they
                         stand; accepted = a 2xx answer
  --body TEXT            its body (JSON is sent as application/json)
  --header 'Name: value' a header (repeatable)
  --accepted REGEX       accepted = the answer's body matches REGEX instead
  --verify-cmd COMMAND   a program run without a shell, placeholders filled
                         into its arguments; accepted = exit status 0. It also
                         gets TOTP_LAB_PROBE_CODE, TOTP_LAB_PROBE_USERNAME and
                         TOTP_LAB_PROBE_SECRET in its environment

Accounts (one of; default: made up by the probe when the verifier takes
{secret}):
  --enroll 'METHOD URL'  a fresh account per measurement that needs one; the
                         answer holds a key URI (text, any JSON field, or a
                         PNG/JPEG QR code); {n} and {random} are filled in
  --enroll-body TEXT     its body;  --enroll-header 'Name: value' (repeatable)
  --enroll-cmd COMMAND   the same from a program's standard output
  --secret-file FILE     one given account: base32 or an otpauth:// URI on
                         the first line of FILE (the replay and window ahead
                         are measured; what needs fresh accounts is skipped)
  --secret VALUE         the same from the command line (it stays in the
                         shell's history: prefer --secret-file)
  --username NAME        the given account's {username}

Options:
  --json                 print the report as JSON (schema: docs/probe.md)
  --lang hu|en           the report's language (default: from the locale)
  --steps N              steps tried each way (default 10)
  --max-wrong N          wrong codes sent to find a lockout (default 10)
  --lockout-wait S       seconds to wait for a lockout to end (default 15)
  --timeout S            seconds each request or command may take (default 10)
  -h, --help             show this help

Examples:
  totp-lab probe --verify 'POST http://127.0.0.1:8080/login/code' \\
    --body '{"user":"{username}","code":"{code}"}' --enroll 'POST http://127.0.0.1:8080/test/enrol'
  totp-lab probe --verify-cmd 'python3 verify.py {secret} {code}' --lang hu`,
  async run(args: string[], io: CliIo) {
    const { values } = parse(
      'probe',
      args,
      {
        verify: { type: 'string' },
        body: { type: 'string' },
        header: { type: 'string', multiple: true },
        accepted: { type: 'string' },
        'verify-cmd': { type: 'string' },
        enroll: { type: 'string' },
        'enroll-body': { type: 'string' },
        'enroll-header': { type: 'string', multiple: true },
        'enroll-cmd': { type: 'string' },
        secret: { type: 'string' },
        'secret-file': { type: 'string' },
        username: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        language: { type: 'string' },
        steps: { type: 'string' },
        'max-wrong': { type: 'string' },
        'lockout-wait': { type: 'string' },
        timeout: { type: 'string' },
      },
      { min: 0, max: 0 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const list = (v: unknown) => (v as string[] | undefined) ?? [];
    const timeoutMs = seconds(values.timeout, 'timeout', 10, 120) * 1000;
    const run = programRunner(io.env, timeoutMs);
    const target = readTarget(values, list(values.header), run);
    const accounts = await readAccounts(values, list(values['enroll-header']), run);
    const { decodeImage } = await import('../../node/image-file.js');
    const options: ProbeOptions = {
      target,
      ...(accounts && { accounts }),
      language: readLanguage(values.lang ?? values.language, io.env),
      maxSteps: count(values.steps, 'steps', 10, 20),
      maxWrongCodes: count(values['max-wrong'], 'max-wrong', 10, 50),
      lockoutWaitMs: seconds(values['lockout-wait'], 'lockout-wait', 15, 600) * 1000,
      timeoutMs,
      decodeImage,
    };
    const report = await probeVerifier(options);
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else for (const line of formatProbeReport(report)) io.out(line);
    return failures(report.verdicts) > 0 ? EXIT_NO : EXIT_OK;
  },
};

type Values = Record<string, string | boolean | string[] | undefined>;

function readTarget(v: Values, headers: string[], run: ReturnType<typeof programRunner>): ProbeTarget {
  const http = v['verify'] as string | undefined;
  const cmd = v['verify-cmd'] as string | undefined;
  if ((http === undefined) === (cmd === undefined))
    throw new UsageError("probe: give the verifier as --verify 'METHOD URL' or as --verify-cmd COMMAND (one of them)");
  if (cmd !== undefined) {
    for (const flag of ['body', 'accepted'] as const)
      if (v[flag] !== undefined) throw new UsageError(`probe: --${flag} goes with --verify, not --verify-cmd`);
    if (headers.length > 0) throw new UsageError('probe: --header goes with --verify, not --verify-cmd');
    return { kind: 'command', command: cmd, run };
  }
  return {
    kind: 'http',
    request: http!,
    headers,
    ...(v['body'] !== undefined && { body: v['body'] as string }),
    ...(v['accepted'] !== undefined && { accepted: v['accepted'] as string }),
  };
}

async function readAccounts(
  v: Values,
  headers: string[],
  run: ReturnType<typeof programRunner>,
): Promise<ProbeAccounts | undefined> {
  const given = (['enroll', 'enroll-cmd', 'secret', 'secret-file'] as const).filter((f) => v[f] !== undefined);
  if (given.length > 1) throw new UsageError(`probe: give one of --${given.join(', --')}, not several`);
  if (v['enroll'] === undefined && (v['enroll-body'] !== undefined || headers.length > 0))
    throw new UsageError('probe: --enroll-body and --enroll-header go with --enroll');
  if (v['username'] !== undefined && v['secret'] === undefined && v['secret-file'] === undefined)
    throw new UsageError('probe: --username goes with --secret or --secret-file');
  if (v['enroll'] !== undefined)
    return {
      kind: 'enroll',
      via: {
        kind: 'http',
        request: v['enroll'] as string,
        headers,
        ...(v['enroll-body'] !== undefined && { body: v['enroll-body'] as string }),
      },
    };
  if (v['enroll-cmd'] !== undefined)
    return { kind: 'enroll', via: { kind: 'command', command: v['enroll-cmd'] as string, run } };
  const secret =
    v['secret-file'] !== undefined ? await firstLine(v['secret-file'] as string) : (v['secret'] as string | undefined);
  if (secret === undefined) return undefined;
  return { kind: 'secret', secret, ...(v['username'] !== undefined && { username: v['username'] as string }) };
}

async function firstLine(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `probe: cannot read --secret-file ${quoteArg(path)}: ${(error as NodeJS.ErrnoException).code ?? 'read error'}`,
    );
  }
  const line = text.split(/\r?\n/)[0]!.trim();
  if (line === '') throw new UsageError(`probe: --secret-file ${quoteArg(path)} is empty`);
  return line;
}

function readLanguage(value: string | undefined, env: CliIo['env']): Language {
  if (value === undefined) return localeLanguage(env);
  if (!isLanguage(value)) throw new UsageError(`probe: --lang must be hu or en, got ${quoteArg(value)}`);
  return value;
}

function count(text: string | undefined, flag: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const n = parseInteger(text, flag);
  if (n < 1 || n > max) throw new UsageError(`probe: --${flag} must be from 1 to ${max}, got ${quoteArg(text)}`);
  return n;
}

function seconds(text: string | undefined, flag: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const n = parseInteger(text, flag);
  if (n > max || (n === 0 && flag === 'timeout'))
    throw new UsageError(
      `probe: --${flag} must be from ${flag === 'timeout' ? 1 : 0} to ${max} seconds, got ${quoteArg(text)}`,
    );
  return n;
}
