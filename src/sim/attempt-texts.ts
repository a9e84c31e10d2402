/**
 * Puts a kept attempt in words: the hidden reason for the trainer and what to tell the participant,
 * in Hungarian or English (attempt-texts-hu.ts, attempt-texts-en.ts). Spans ("wait another 40 s")
 * count from the time of reading, so a live view says how long is still left.
 */
import { checkTime } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { checkOptions } from '../core/input.js';
import type {
  AttemptCatalog,
  AttemptExplanation,
  AttemptParams,
  AttemptReason,
  AttemptRecord,
  AttemptWords,
  SpanCase,
} from './attempt-types.js';
import { ATTEMPT_TEXTS_EN } from './attempt-texts-en.js';
import { ATTEMPT_TEXTS_HU } from './attempt-texts-hu.js';
import { checkLanguage, type Language } from './language.js';
import { formatTime } from './messages.js';

const CATALOGS: Readonly<Record<Language, AttemptCatalog>> = { hu: ATTEMPT_TEXTS_HU, en: ATTEMPT_TEXTS_EN };

const DAYS = { ms: 86_400_000, hu: ['nap', 'napot', 'nappal'], en: ['day', 'days'] } as const;
const HOURS = { ms: 3_600_000, hu: ['óra', 'órát', 'órával'], en: ['h', 'h'] } as const;
const MINUTES = { ms: 60_000, hu: ['perc', 'percet', 'perccel'], en: ['min', 'min'] } as const;
const SECONDS = { ms: 1000, hu: ['mp', 'mp-et', 'mp-cel'], en: ['s', 's'] } as const;

/**
 * A span in words, rounded up: seconds under 100 s, minutes under 100 minutes, hours under two
 * days, then days. `formatSpan('hu', 40_000, 'accusative')` is "40 mp-et" ("várjon még 40 mp-et").
 */
export function formatSpan(language: Language, ms: number, form: SpanCase = 'nominative'): string {
  language = checkLanguage(language);
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 8.64e15)
    throw new InvalidArgumentError(`"ms" must be a number of ms from 0 to 8.64e15, got ${describeValue(ms)}`);
  if (form !== 'nominative' && form !== 'accusative' && form !== 'instrumental')
    throw new InvalidArgumentError(`"form" must be nominative, accusative or instrumental, got ${describeValue(form)}`);
  const unit = ms >= 2 * DAYS.ms ? DAYS : ms >= 100 * MINUTES.ms ? HOURS : ms >= 100 * SECONDS.ms ? MINUTES : SECONDS;
  const n = Math.max(1, Math.ceil(ms / unit.ms));
  if (language === 'hu') return `${n} ${unit.hu[form === 'nominative' ? 0 : form === 'accusative' ? 1 : 2]}`;
  return `${n} ${n === 1 ? unit.en[0] : unit.en[1]}`;
}

/** Options of {@link explainAttempt}. */
export type ExplainAttemptOptions = {
  language: Language;
  /** The time of reading (ms). */
  now: number;
  /** IANA time zone of the times in the texts (the provider's, Europe/Budapest by default). */
  timeZone?: string;
};

/**
 * A kept attempt with its texts. A reason this version does not know (a record written by a newer
 * one) is named as it is, with no advice.
 * @throws {InvalidArgumentError} for a record that is not one (a field of the wrong type, or a
 *   number its reason needs missing), naming the field
 */
export function explainAttempt(record: AttemptRecord, options: ExplainAttemptOptions): AttemptExplanation {
  const r = checkOptions(record, 'record') as Record<string, unknown>;
  const o = checkOptions(options, 'options');
  const language = checkLanguage(o.language);
  const now = checkTime(o.now, 'now');
  const zone = o.timeZone ?? 'Europe/Budapest';
  checkTimeZone(zone);
  const time = checkTime(r['time'], 'record.time');
  const event = r['event'];
  const reason = r['reason'];
  if (typeof event !== 'string' || typeof reason !== 'string')
    throw new InvalidArgumentError(`"record.event" and "record.reason" must be strings, got ${describeValue(reason)}`);
  const params = readParams(r['params'], reason);
  const words: AttemptWords = {
    now,
    at: (ms) => formatTime(language, ms, zone),
    span: (ms, form) => formatSpan(language, Math.max(0, ms), form),
  };
  const texts = Object.hasOwn(CATALOGS[language], reason) ? CATALOGS[language][reason as AttemptReason] : undefined;
  const [text, advice] = texts ? texts(params, words) : [reason, ''];
  return { time, event: event as AttemptRecord['event'], reason: reason as AttemptReason, params, text, advice };
}

const TIMES = ['activeFrom', 'retryAt', 'nextCodeAt', 'expiredAt', 'lockAt', 'expiresAt', 'until'] as const;
const COUNTS = ['failures', 'maxFailures', 'step', 'serverStep', 'stepOffset', 'period', 'window'] as const;
const WORDS = { fault: ['maintenance', 'outage', 'timeout'], factor: ['app', 'email', null] } as const;

/** The numbers each reason's texts need. */
const NEEDS: Partial<Record<AttemptReason, ReadonlyArray<keyof AttemptParams>>> = {
  'wrong-password': ['failures', 'maxFailures'],
  locked: ['maxFailures'],
  'activation-pending': ['activeFrom'],
  throttled: ['retryAt'],
  'clock-off': ['stepOffset', 'period', 'window'],
  'replayed-code': ['nextCodeAt'],
  'resend-too-soon': ['retryAt'],
  'too-many-sends': ['retryAt'],
  'password-expired': ['expiredAt'],
  'password-expired-locked': ['expiredAt'],
  fault: ['fault', 'operation'],
};

/** A record's params, field by field: times, whole numbers and the few words; nothing else is kept. */
function readParams(value: unknown, reason: string): AttemptParams {
  const given = checkOptions(value as object, 'record.params') as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  const wrong = (key: string, what: string) =>
    new InvalidArgumentError(`"record.params.${key}" must be ${what}, got ${describeValue(given[key])}`);
  for (const key of TIMES) {
    if (given[key] === undefined) continue;
    if (given[key] === null && (key === 'lockAt' || key === 'until')) params[key] = null;
    else params[key] = checkTime(given[key], `record.params.${key}`);
  }
  for (const key of COUNTS) {
    if (given[key] === undefined) continue;
    if (!Number.isSafeInteger(given[key])) throw wrong(key, 'a whole number');
    params[key] = given[key];
  }
  for (const [key, allowed] of Object.entries(WORDS)) {
    if (given[key] === undefined) continue;
    if (!(allowed as readonly unknown[]).includes(given[key])) throw wrong(key, allowed.join(', '));
    params[key] = given[key];
  }
  if (given['operation'] !== undefined) {
    if (typeof given['operation'] !== 'string' || given['operation'].length > 64) throw wrong('operation', 'a name');
    params['operation'] = given['operation'];
  }
  for (const key of Object.hasOwn(NEEDS, reason) ? NEEDS[reason as AttemptReason]! : []) {
    if (params[key] === undefined || params[key] === null) throw wrong(key, `set for ${reason}`);
  }
  return params as AttemptParams;
}

function checkTimeZone(zone: unknown): asserts zone is string {
  try {
    if (typeof zone === 'string' && zone.length <= 64) return void new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    // named in the error below
  }
  throw new InvalidArgumentError(
    `"timeZone" must be an IANA time zone such as Europe/Budapest, got ${describeValue(zone)}`,
  );
}
