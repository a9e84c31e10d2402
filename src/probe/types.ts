/**
 * What `probeVerifier` takes and what it reports. The report is plain JSON whose shape is the
 * stable schema documented in docs/probe.md (`schema: "totp-lab.probe/1"`): fields are added, never
 * renamed or removed, within one schema version.
 */
import type { Clock } from '../core/clock.js';
import type { RgbaImage } from '../core/image.js';
import type { Algorithm, Digits } from '../core/options.js';
import type { RandomSource } from '../core/random.js';
import type { Language } from '../sim/language.js';

/** The account a code is meant for, as a function target and the templates see it. */
export interface ProbeAccountInfo {
  readonly username: string;
  /** Base32, upper case, no padding. */
  readonly secret: string;
  readonly keyUri: string;
  readonly algorithm: Algorithm;
  readonly digits: Digits;
  readonly period: number;
}

/** A verifier in this process: true when it accepts the code for the account. */
export type VerifyFunction = (code: string, account: ProbeAccountInfo) => boolean | Promise<boolean>;

/** Runs a program without a shell; what it printed on standard output, and its exit status. */
export type CommandRunner = (
  argv: readonly string[],
  env: Readonly<Record<string, string>>,
) => Promise<{ exitCode: number; stdout: string | Uint8Array }>;

/** An HTTP request described by a template: `"POST http://127.0.0.1:8080/login/code"`. */
export interface HttpTemplate {
  /** `"METHOD URL"` (the method defaults to POST with a body, GET without). */
  request: string;
  /** The body; placeholders inside a JSON body are filled in JSON-escaped, in a form body URL-encoded. */
  body?: string;
  /** `"Name: value"` lines. */
  headers?: readonly string[];
}

/** The verifier under test. */
export type ProbeTarget =
  | { kind: 'function'; verify: VerifyFunction }
  | (HttpTemplate & {
      kind: 'http';
      /** A regular expression the body of an accepting answer matches (default: any 2xx answer accepts). */
      accepted?: string | RegExp;
    })
  | { kind: 'command'; command: string | readonly string[]; run: CommandRunner };

/** Where an enrolment comes from; its answer holds a key URI, a JSON field with one, or a QR code picture. */
export type EnrolSource =
  | { kind: 'function'; enroll: () => string | Uint8Array | Promise<string | Uint8Array> }
  | (HttpTemplate & { kind: 'http' })
  | { kind: 'command'; command: string | readonly string[]; run: CommandRunner };

/** The accounts the probe uses. */
export type ProbeAccounts =
  /** Fresh secrets made by the probe: for verifiers that take the secret with the code ({secret}, a function). */
  | { kind: 'generate'; algorithm?: Algorithm; digits?: Digits; period?: number }
  /** One given account (base32 or an otpauth:// URI): destructive measurements are skipped. */
  | { kind: 'secret'; secret: string; username?: string }
  /** A fresh account for each measurement that needs one. */
  | { kind: 'enroll'; via: EnrolSource };

/** Options of {@link probeVerifier}. */
export interface ProbeOptions {
  target: ProbeTarget;
  /** Default: `generate` for a function target or a template that uses {secret}; otherwise required. */
  accounts?: ProbeAccounts;
  /** The language of the report's texts (default hu). */
  language?: Language;
  /** The probe's clock (default the system clock). A clock with `advance` is moved on instead of waiting. */
  clock?: Clock;
  /** Where generated secrets and wrong codes come from (default the platform CSPRNG). */
  random?: RandomSource;
  /** Steps tried each way (default 10, at most 20). */
  maxSteps?: number;
  /** Wrong codes sent before giving up on a lockout (default 10, at most 50). */
  maxWrongCodes?: number;
  /** Real time the probe may wait for a lockout to end (default 15 000 ms, at most 600 000). */
  lockoutWaitMs?: number;
  /** Requests to the verifier at most (default 300). */
  maxRequests?: number;
  /** Accounts at most (default 40). */
  maxAccounts?: number;
  /** Time each request or command may take (default 10 000 ms). */
  timeoutMs?: number;
  /** Decodes a PNG or JPEG enrolment answer (Node: `decodeImage` from totp-lab/node). */
  decodeImage?: (bytes: Uint8Array) => RgbaImage | Promise<RgbaImage>;
  /** How the probe waits in real time (default setTimeout); tests may pass their own. */
  wait?: (ms: number) => Promise<void>;
}

/** pass: meets the rule; fail: breaks it; warn: allowed, but worth a look; info: a measurement, no rule. */
export type ProbeVerdictStatus = 'pass' | 'fail' | 'warn' | 'info' | 'skipped';

/** One verdict, for one measured field. */
export interface ProbeVerdict {
  /** The field it judges: `window.behind`, `replay.sameStep`, `input.space-inside`, … */
  id: string;
  status: ProbeVerdictStatus;
  /** The rule it meets or breaks, as cited in docs/probe.md (`RFC 6238 §5.2`). */
  rule: string;
  /** One sentence in the report's language. */
  summary: string;
}

/** One code the probe sent, and what came back. */
export interface ProbeAttempt {
  /** The account it was sent for (1-based, in the order the probe got them). */
  account: number;
  /** The step of the code relative to the probe's clock when sent; null for a code of no step. */
  step: number | null;
  /** The code as sent. */
  sent: string;
  accepted: boolean;
  /** What came back, shortened: `401 {"ok":false,…}`, `exit 1`, `false`. Secrets are masked. */
  answer: string;
  /** Milliseconds since the probe started. */
  atMs: number;
}

/** What an input case sends and what happened. */
export interface ProbeInputResult {
  case: InputCase;
  sent: string;
  expected: 'accepted' | 'refused';
  /** null when skipped. */
  outcome: 'accepted' | 'refused' | null;
  /** What came back (as in the evidence); null when skipped. */
  answer: string | null;
}

export type InputCase =
  'space-inside' | 'surrounding-space' | 'one-digit-short' | 'one-digit-long' | 'non-ascii-digits' | 'empty';

/** The report (see docs/probe.md for every field). */
export interface ProbeReport {
  schema: 'totp-lab.probe/1';
  language: Language;
  target: { kind: ProbeTarget['kind']; description: string };
  accounts: { source: ProbeAccounts['kind']; used: number; algorithm: Algorithm; digits: Digits; period: number };
  /** Requests (or calls, or runs) made to the verifier. */
  requests: number;
  /** Enrolments made (0 unless the accounts come from an enrolment). */
  enrolments: number;
  elapsedMs: number;
  window: {
    /** Steps behind the probe's clock that were accepted; null when not measured. */
    behind: number | null;
    ahead: number | null;
    /** How far each way the probe looked (a value equal to it means "at least"). */
    limit: number;
    evidence: ProbeAttempt[];
  };
  clock: { offsetSteps: number | null; offsetSeconds: number | null };
  replay: {
    sameStep: 'accepted' | 'refused' | null;
    olderAfterNewer: 'accepted' | 'refused' | null;
    evidence: ProbeAttempt[];
  };
  lockout: {
    /** Wrong codes after which the verifier locks or throttles; null when it did not, or not measured. */
    after: number | null;
    /** An upper bound when `after` could not be narrowed down (one account only). */
    atMost: number | null;
    /** Wrong codes sent to find it. */
    tried: number;
    wrongCodeAccepted: boolean;
    /** True when the answer to wrong codes changed at the lock (a "locked" text or status). */
    shownInAnswer: boolean;
    /** Whether a right code refused by the lock is answered differently from a wrong code. */
    distinctAnswer: boolean | null;
    rightCodeWhileLocked: 'accepted' | 'refused' | null;
    /** How long a right code stayed refused after the last wrong code. */
    duration: { atLeastMs: number; atMostMs: number | null } | null;
    evidence: ProbeAttempt[];
  };
  input: ProbeInputResult[];
  skipped: { measurement: string; reason: string }[];
  verdicts: ProbeVerdict[];
}
