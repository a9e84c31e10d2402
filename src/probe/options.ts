/**
 * The options of probeVerifier, checked once before any request: a wrong type or a value out of
 * range is an InvalidArgumentError naming the field. The values are copied out, so an object
 * changed (or a getter that answers differently) during the probe changes nothing.
 */
import { systemClock, type Clock } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { checkClock, checkList, checkOptions, checkRandomSource } from '../core/input.js';
import { checkAlgorithm, checkDigits, checkPeriod } from '../core/options.js';
import { cryptoRandom, type RandomSource } from '../core/random.js';
import { DEFAULT_LANGUAGE, checkLanguage, type Language } from '../sim/language.js';
import type { EnrolSource, HttpTemplate, ProbeAccounts, ProbeOptions, ProbeTarget } from './types.js';

export interface ResolvedOptions {
  target: ProbeTarget;
  accounts: ProbeAccounts | undefined;
  language: Language;
  clock: Clock;
  random: RandomSource;
  maxSteps: number;
  maxWrongCodes: number;
  lockoutWaitMs: number;
  maxRequests: number;
  maxAccounts: number;
  timeoutMs: number;
  decodeImage: ProbeOptions['decodeImage'];
  wait: (ms: number) => Promise<void>;
}

const bad = (field: string, expected: string, value: unknown) =>
  new InvalidArgumentError(`"${field}" must be ${expected}, got ${describeValue(value)}`);

function integer(value: unknown, field: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw bad(field, `an integer from ${min} to ${max}`, value);
  return value;
}

function fn<T>(value: unknown, field: string): T {
  if (typeof value !== 'function') throw bad(field, 'a function', value);
  return value as T;
}

function text(value: unknown, field: string, max = 65_536): string {
  if (typeof value !== 'string' || value.length > max) throw bad(field, `a text of at most ${max} characters`, value);
  return value;
}

function http(value: Record<string, unknown>, field: string): HttpTemplate {
  const headers = value['headers'] === undefined ? [] : checkList(value['headers'] as string[], `${field}.headers`, 50);
  return {
    request: text(value['request'], `${field}.request`, 4096),
    ...(value['body'] !== undefined && { body: text(value['body'], `${field}.body`) }),
    headers: headers.map((h, i) => text(h, `${field}.headers[${i}]`, 8192)),
  };
}

function command(value: unknown, field: string): string | readonly string[] {
  if (typeof value === 'string') return text(value, field, 8192);
  return checkList(value as string[], field, 100).map((a, i) => text(a, `${field}[${i}]`, 8192));
}

function readTarget(value: unknown): ProbeTarget {
  const t = checkOptions(value as Record<string, unknown>, 'target');
  const kind = t['kind'];
  if (kind === 'function') return { kind, verify: fn(t['verify'], 'target.verify') };
  if (kind === 'http') {
    const accepted = t['accepted'];
    if (
      accepted !== undefined &&
      !(typeof accepted === 'string' && accepted.length <= 1000) &&
      !(accepted instanceof RegExp)
    )
      throw bad('target.accepted', 'a regular expression or its text (at most 1000 characters)', accepted);
    return { kind, ...http(t, 'target'), ...(accepted !== undefined && { accepted: accepted as string | RegExp }) };
  }
  if (kind === 'command')
    return { kind, command: command(t['command'], 'target.command'), run: fn(t['run'], 'target.run') };
  throw bad('target.kind', 'function, http or command', kind);
}

function readEnrol(value: unknown): EnrolSource {
  const v = checkOptions(value as Record<string, unknown>, 'accounts.via');
  const kind = v['kind'];
  if (kind === 'function') return { kind, enroll: fn(v['enroll'], 'accounts.via.enroll') };
  if (kind === 'http') return { kind, ...http(v, 'accounts.via') };
  if (kind === 'command')
    return { kind, command: command(v['command'], 'accounts.via.command'), run: fn(v['run'], 'accounts.via.run') };
  throw bad('accounts.via.kind', 'function, http or command', kind);
}

function readAccounts(value: unknown): ProbeAccounts | undefined {
  if (value === undefined) return undefined;
  const a = checkOptions(value as Record<string, unknown>, 'accounts');
  const kind = a['kind'];
  if (kind === 'generate')
    return {
      kind,
      ...(a['algorithm'] !== undefined && { algorithm: checkAlgorithm(a['algorithm'], 'accounts.algorithm') }),
      ...(a['digits'] !== undefined && { digits: checkDigits(a['digits'], 'accounts.digits') }),
      ...(a['period'] !== undefined && { period: checkPeriod(a['period'], 'accounts.period') }),
    };
  if (kind === 'secret')
    return {
      kind,
      secret: text(a['secret'], 'accounts.secret', 8192),
      ...(a['username'] !== undefined && { username: text(a['username'], 'accounts.username', 256) }),
    };
  if (kind === 'enroll') return { kind, via: readEnrol(a['via']) };
  throw bad('accounts.kind', 'generate, secret or enroll', kind);
}

/** @throws {InvalidArgumentError} naming the first field that is wrong */
export function readProbeOptions(options: ProbeOptions): ResolvedOptions {
  const o = checkOptions(options as unknown as Record<string, unknown>, 'options');
  const decodeImage =
    o['decodeImage'] === undefined ? undefined : fn<ProbeOptions['decodeImage']>(o['decodeImage'], 'decodeImage');
  const wait =
    o['wait'] === undefined
      ? (ms: number) => new Promise<void>((resolve) => globalThis.setTimeout(resolve, ms))
      : fn<(ms: number) => Promise<void>>(o['wait'], 'wait');
  return {
    target: readTarget(o['target']),
    accounts: readAccounts(o['accounts']),
    language: o['language'] === undefined ? DEFAULT_LANGUAGE : checkLanguage(o['language']),
    clock: o['clock'] === undefined ? systemClock : checkClock(o['clock']),
    random: o['random'] === undefined ? cryptoRandom : checkRandomSource(o['random']),
    maxSteps: integer(o['maxSteps'], 'maxSteps', 1, 20, 10),
    maxWrongCodes: integer(o['maxWrongCodes'], 'maxWrongCodes', 1, 50, 10),
    lockoutWaitMs: integer(o['lockoutWaitMs'], 'lockoutWaitMs', 0, 600_000, 15_000),
    maxRequests: integer(o['maxRequests'], 'maxRequests', 10, 10_000, 300),
    maxAccounts: integer(o['maxAccounts'], 'maxAccounts', 1, 200, 40),
    timeoutMs: integer(o['timeoutMs'], 'timeoutMs', 1, 120_000, 10_000),
    decodeImage,
    wait,
  };
}
