/**
 * Where the probe's accounts come from: secrets it makes up (for verifiers told the secret with
 * each code), one given account, or an enrolment run once per account (an HTTP request, a command
 * or a function) whose answer holds the key URI.
 */
import { toHex } from '../core/hex.js';
import { randomBytes, type RandomSource } from '../core/random.js';
import { generateSecret, toSecretBase32 } from '../core/secret.js';
import { accountFromKeyUri, keyUriFor, type Account } from './account.js';
import { splitCommand } from './argv.js';
import { ProbeTargetError, oneLine } from './errors.js';
import { readEnrolAnswer, type ImageDecoder } from './enrol-answer.js';
import { parseHttpTemplate, sendHttp, templateParts } from './http-request.js';
import { asIs, checkPlaceholders, fill } from './template.js';
import { runCommand } from './target.js';
import type { EnrolSource, ProbeAccounts } from './types.js';

export interface AccountSource {
  kind: ProbeAccounts['kind'];
  /** True when there is only the one account. */
  single: boolean;
  /** Enrolments made so far. */
  enrolments: number;
  /** A new account (the single one, the first time, for `secret`). */
  next(number: number): Promise<Account>;
}

/** Placeholders an enrolment template may use: the account's number and a random text. */
const ENROL_PLACEHOLDERS = ['n', 'random'];

export function createAccountSource(
  accounts: ProbeAccounts,
  random: RandomSource,
  timeoutMs: number,
  decodeImage: ImageDecoder | undefined,
): AccountSource {
  if (accounts.kind === 'generate') {
    const params = {
      algorithm: accounts.algorithm ?? 'SHA1',
      digits: accounts.digits ?? 6,
      period: accounts.period ?? 30,
    } as const;
    return {
      kind: 'generate',
      single: false,
      enrolments: 0,
      async next(number) {
        const username = `probe-${number}-${toHex(randomBytes(3, random))}`;
        const secret = generateSecret({ random });
        return accountFromKeyUri(number, keyUriFor({ username, secret, ...params }));
      },
    };
  }
  if (accounts.kind === 'secret') {
    const given = accounts.secret.trim();
    // A base32 secret gets the usual parameters (SHA1, 6 digits, 30 s); a key URI says its own.
    const keyUri = /^otpauth:/i.test(given)
      ? given
      : keyUriFor({
          username: accounts.username ?? 'probe',
          secret: toSecretBase32(given),
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
        });
    accountFromKeyUri(1, keyUri, {}, accounts.username); // checked now, before any request
    return {
      kind: 'secret',
      single: true,
      enrolments: 0,
      next: async (number) => accountFromKeyUri(number, keyUri, {}, accounts.username),
    };
  }
  return enrolSource(accounts.via, random, timeoutMs, decodeImage);
}

function enrolSource(
  via: EnrolSource,
  random: RandomSource,
  timeoutMs: number,
  decodeImage: ImageDecoder | undefined,
): AccountSource {
  const fetchAnswer = enrolFetcher(via, timeoutMs);
  const source: AccountSource = {
    kind: 'enroll',
    single: false,
    enrolments: 0,
    async next(number) {
      const values = { n: String(number), random: toHex(randomBytes(6, random)) };
      const raw = await fetchAnswer(values);
      source.enrolments++;
      const what = `the enrolment (${oneLine(fetchAnswer.description, 60)})`;
      const { keyUri, fields } = await readEnrolAnswer(raw, what, decodeImage);
      return accountFromKeyUri(number, keyUri, fields);
    },
  };
  return source;
}

type Fetcher = ((values: Record<string, string>) => Promise<string | Uint8Array>) & { description: string };

function enrolFetcher(via: EnrolSource, timeoutMs: number): Fetcher {
  if (via.kind === 'function') {
    const enroll = via.enroll;
    return Object.assign(
      async () => {
        const answer: unknown = await enroll();
        if (typeof answer !== 'string' && !(answer instanceof Uint8Array))
          throw new ProbeTargetError(
            'the enroll function must return a key URI, a JSON text or the bytes of a picture',
          );
        return answer;
      },
      { description: 'an enroll function' },
    );
  }
  if (via.kind === 'http') {
    const template = parseHttpTemplate(via, 'the enrolment request');
    checkPlaceholders('the enrolment request', templateParts(template), ENROL_PLACEHOLDERS, false);
    return Object.assign(
      async (values: Record<string, string>) => {
        const answer = await sendHttp(template, values, { timeoutMs, secrets: [], what: 'the enrolment' });
        if (answer.status < 200 || answer.status > 299)
          throw new ProbeTargetError(
            `the enrolment answered ${answer.status}: ${JSON.stringify(oneLine(new TextDecoder().decode(answer.bytes), 80))}`,
          );
        return answer.bytes;
      },
      { description: template.description },
    );
  }
  const argv = typeof via.command === 'string' ? splitCommand(via.command, 'the enrolment command') : [...via.command];
  if (argv.length === 0 || argv.some((a) => typeof a !== 'string'))
    throw new ProbeTargetError('the enrolment command must be a command line or a list of arguments');
  checkPlaceholders('the enrolment command', argv, ENROL_PLACEHOLDERS, false);
  const run = via.run;
  return Object.assign(
    async (values: Record<string, string>) => {
      const filled = argv.map((a) => fill(a, values, asIs));
      const result = await runCommand(
        run,
        filled,
        { TOTP_LAB_PROBE_ACCOUNT: values['n']! },
        'the enrolment command',
        [],
      );
      if (result.exitCode !== 0)
        throw new ProbeTargetError(`the enrolment command exited with status ${result.exitCode}`);
      return result.stdout;
    },
    { description: argv.join(' ') },
  );
}
