/**
 * The provider's audit log, for trainers: what happened, when, to whom, and, for refusals, the
 * machine-readable reason that the user is never told (so an attacker cannot probe accounts).
 * It never holds a secret, password, one-time code or deletion code: events are built only from the
 * fixed fields below.
 */
import type { FaultKind } from './faults.js';

/** What happened. */
export type AuditEventType =
  | 'registered'
  | 'login-ok'
  | 'login-refused'
  | 'second-factor-ok'
  | 'second-factor-refused'
  | 'enrollment-started'
  | 'enrollment-confirmed'
  | 'enrollment-refused'
  | 'enrollment-finished'
  | 'enrollment-expired'
  | 'enrollment-abandoned'
  | 'device-change-started'
  | 'device-replaced'
  | 'deletion-code-redeemed'
  | 'deletion-code-refused'
  | 'locked'
  | 'busy'
  | 'already-enrolled'
  | 'unlocked'
  | 'fault'
  | 'email-code-sent'
  | 'email-code-refused'
  | 'email-factor-started'
  | 'email-factor-confirmed'
  | 'email-factor-refused'
  | 'password-expiring'
  | 'password-expired'
  | 'password-changed'
  | 'password-change-refused'
  | 'account-seeded'
  | 'account-removed'
  | 'last-step-forgotten';

/** Why something was refused. Kept only here; the user sees one generic message. */
export type RefusalReason =
  | 'unknown-user'
  | 'wrong-password'
  | 'locked'
  | 'busy'
  | 'already-enrolled'
  | 'not-enrolled'
  | 'activation-pending'
  | 'throttled'
  | 'wrong-code'
  | 'replayed-code'
  | 'wrong-deletion-code'
  | 'acknowledgement-missing'
  /** No e-mailed code matches: a typo, or a code of another account. */
  | 'email-code-wrong'
  /** The newest e-mailed code, typed after its 10 minutes. */
  | 'email-code-expired'
  /** An e-mailed code already accepted once. */
  | 'email-code-used'
  /** An older e-mailed code, replaced by a newer one. */
  | 'email-code-superseded'
  /** No code was e-mailed (or the last one was spent) before one was typed. */
  | 'email-code-missing'
  /** The account's second factor is not e-mail (or is e-mail, for a call that needs the app). */
  | 'wrong-factor'
  /** A new code was asked for before the resend delay passed. */
  | 'resend-too-soon'
  /** More codes were asked for in an hour than allowed. */
  | 'too-many-sends'
  /** The mailer refused the message. */
  | 'mail-failed'
  /** The right password, but expired: it must be changed. */
  | 'password-expired'
  /** The password has been expired longer than allowed: locked until unlock. */
  | 'password-expired-locked'
  /** The new password is unusable (the same as the old one). */
  | 'password-reused';

/** One entry of the audit log. */
export type AuditEvent = {
  /** Position in the log, from 1. */
  seq: number;
  /** Simulated time in ms since the epoch. */
  time: number;
  type: AuditEventType;
  /** The account concerned, as typed (also for unknown users), or null. */
  username: string | null;
  /** Why it was refused, for refusals. */
  reason?: RefusalReason;
  /** The operation a fault refused. */
  operation?: string;
  fault?: FaultKind;
};

/**
 * What the service knew at a refusal that the event must not keep: the code that was typed, and
 * which key it was judged against. Handed to observers (the per-account attempt trail works out
 * from it how far the phone's clock is off), never stored and never given to `onAudit`.
 */
export type AuditClue = { code?: string; key?: 'current' | 'pending' };

/** Sees every event as it is recorded, with its clue. */
export type AuditObserver = (event: AuditEvent, clue: AuditClue) => void;

/** The default number of refusals kept per account in the store, for `provider.explainAttempts`. */
export const DEFAULT_ATTEMPT_HISTORY = 20;

/** The default number of events kept (the oldest are dropped first). */
export const DEFAULT_AUDIT_LIMIT = 10_000;

/** A bounded in-memory log. Listeners see every event as it is recorded. */
export class AuditLog {
  readonly #events: AuditEvent[] = [];
  readonly #limit: number;
  readonly #listener: ((event: AuditEvent) => void) | undefined;
  readonly #observers: AuditObserver[] = [];
  #seq = 0;

  constructor(limit: number = DEFAULT_AUDIT_LIMIT, listener?: (event: AuditEvent) => void) {
    this.#limit = limit;
    this.#listener = listener;
  }

  record(
    time: number,
    type: AuditEventType,
    username: string | null,
    extra: Pick<AuditEvent, 'reason' | 'operation' | 'fault'> = {},
    clue: AuditClue = {},
  ): void {
    const event: AuditEvent = { seq: ++this.#seq, time, type, username, ...extra };
    this.#events.push(event);
    // Trimmed in batches, so recording stays O(1) amortised on hot paths.
    if (this.#events.length >= 2 * this.#limit) this.#events.splice(0, this.#events.length - this.#limit);
    this.#listener?.({ ...event });
    for (const observe of this.#observers) observe({ ...event }, clue);
  }

  /** Adds an observer of every event recorded from now on (the provider's attempt trail is one). */
  observe(observer: AuditObserver): void {
    this.#observers.push(observer);
  }

  /** A copy of the events kept, oldest first; with `sinceSeq`, only the later ones. */
  list(sinceSeq = 0): AuditEvent[] {
    const kept = this.#limit === 0 ? [] : this.#events.slice(-this.#limit);
    return kept.filter((e) => e.seq > sinceSeq).map((e) => ({ ...e }));
  }
}
