/**
 * The plain data of the attempt trail (provider/attempt-trail.ts keeps it, provider.explainAttempts
 * reads it, attempt-texts.ts puts it in words): why an attempt was refused and the numbers behind it.
 */
import type { AuditEventType, RefusalReason } from './audit.js';
import type { FaultKind } from './faults.js';
import type { Language } from './language.js';

/**
 * Why an attempt was refused: the audit log's reason, made finer where the trail can tell more.
 * A `wrong-code` whose step was found becomes `clock-off` (the phone's clock is off by more than
 * the window), `pending-key` (at login: a code of the new phone whose setup is not finished) or
 * `old-key` (in a setup: a code of the binding being replaced). `fault` is a refusal by a fault of
 * the service, `unlocked` the administrator's unlock.
 */
export type AttemptReason =
  Exclude<RefusalReason, 'unknown-user'> | 'clock-off' | 'pending-key' | 'old-key' | 'fault' | 'unlocked';

/** The numbers that explain an attempt; which are set depends on the reason. Times in ms. */
export type AttemptParams = {
  /** Wrong passwords (or codes, or deletion codes) in a row, this one included. */
  failures?: number;
  /** Wrong passwords that lock the account. */
  maxFailures?: number;
  /** When the binding starts working (activation-pending). */
  activeFrom?: number;
  /** When the next attempt is allowed (throttled, a resend too soon or too often). */
  retryAt?: number;
  /** The step the code belongs to, and the service's step when it was typed. */
  step?: number;
  serverStep?: number;
  /** step − serverStep: negative when the phone's clock is behind. */
  stepOffset?: number;
  /** Seconds per step, and the steps either side the service accepts. */
  period?: number;
  window?: number;
  /** When the phone shows a code the replay guard lets through (replayed-code). */
  nextCodeAt?: number;
  /** When the password expired, and when an expired password locks the account (null: never). */
  expiredAt?: number;
  lockAt?: number | null;
  /** When the e-mailed code stopped working. */
  expiresAt?: number;
  /** The fault, the call it refused, and its announced end (null: none announced). */
  fault?: FaultKind;
  operation?: string;
  until?: number | null;
  /** The account's second factor (wrong-factor). */
  factor?: 'app' | 'email' | null;
};

/** One kept attempt: when, which audit event, why, and the numbers behind it. Plain JSON. */
export type AttemptRecord = {
  time: number;
  event: AuditEventType;
  reason: AttemptReason;
  params: AttemptParams;
};

/** One kept attempt in words, in the language asked for. */
export type AttemptExplanation = AttemptRecord & {
  /** Why the service refused (the participant is told only the generic refusal). */
  text: string;
  /** What to tell the participant ("várjon még 40 mp-et", "a telefon órája 2 lépéssel késik"). */
  advice: string;
};

/** The answer of `provider.explainAttempts`. */
export type AttemptsExplained = {
  username: string;
  /** False when there is no such account (its attempts are then in the audit log only). */
  exists: boolean;
  language: Language;
  /** The service's time the texts were written at: "wait another 40 s" counts from it. */
  now: number;
  /** The kept attempts, oldest first. */
  attempts: AttemptExplanation[];
};

/** Options of `provider.explainAttempts`. */
export type ExplainAttemptsOptions = {
  /** The language of the texts (default: the provider's). */
  language?: Language;
  /** Only the newest this many (default: all kept). */
  limit?: number;
};

/** The grammatical case a span is written in: Hungarian needs "40 mp", "40 mp-et", "40 mp-cel". */
export type SpanCase = 'nominative' | 'accusative' | 'instrumental';

/** What a catalog's texts may use. */
export interface AttemptWords {
  /** The time of reading (ms). */
  now: number;
  /** A moment as the service shows it (date and time, in its time zone). */
  at(ms: number): string;
  /** A span, rounded up to whole seconds, minutes, hours or days. */
  span(ms: number, form?: SpanCase): string;
}

/** One language's texts: for each reason, [the hidden reason, what to tell the participant]. */
export type AttemptCatalog = Readonly<
  Record<AttemptReason, (p: AttemptParams, w: AttemptWords) => readonly [text: string, advice: string]>
>;
