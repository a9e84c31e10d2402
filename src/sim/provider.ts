/**
 * createProvider(): a simulated Ügyfélkapu+-style service. Accounts with slow-hashed passwords,
 * TOTP login with the RFC 6238 §5.2 replay guard, enrollment with the one-time törlőkód, device
 * change, recovery with the törlőkód, lockout, throttling, faults and an audit log, all on an
 * injected Clock, RandomSource and Store. Runs unchanged in Node and in browsers. An account may
 * choose e-mailed codes instead of the app (through an injected Mailer), and passwords age: a
 * warning before expiry, a forced change at it, a lock long after it.
 *
 * Results are plain objects: `{ ok: true, … }` or `{ ok: false, messageKey, message, … }`. Every
 * refusal a prober could learn from (unknown user, wrong password, wrong or replayed code, no or
 * inactive second factor, throttled, locked) is the same generic `login.refused`; the real reason
 * goes to the audit log only. Misuse (wrong argument types, steps out of order) throws.
 */
import type { AttemptsExplained, ExplainAttemptsOptions } from './attempt-types.js';
import type { AuditEvent } from './audit.js';
import { ProviderContext, type Refusal } from './context.js';
import type { FaultSwitchboard } from './faults.js';
import { checkLanguage, type Language } from './language.js';
import { register, unlock, type RegisterResult, type UnlockResult } from './provider/accounts.js';
import { accountStatus, type AccountStatus } from './provider/account-status.js';
import { AttemptTrail } from './provider/attempt-trail.js';
import { redeemDeletionCode, type DeletionCodeRedeemed } from './provider/deletion.js';
import { startDeviceChange } from './provider/device-change.js';
import {
  abandonEnrollment,
  confirmEnrollment,
  finishEnrollment,
  startEnrollment,
  type EnrollmentAbandoned,
  type EnrollmentConfirmed,
  type EnrollmentFinished,
  type EnrollmentStarted,
} from './provider/enrollment.js';
import { explainAttempts } from './provider/explain-attempts.js';
import { login, verifyPassword, verifySecondFactor, type PasswordOk } from './provider/login.js';
import type { LoginOk } from './provider/second-factor.js';
import {
  explainCode,
  inspectSteps,
  type CodeExplanation,
  type ExplainCodeInput,
  type StepView,
} from './provider/trainer-view.js';
import { resolveProviderOptions, type ProviderOptions } from './provider-options.js';
import {
  confirmEmailFactor,
  startEmailFactor,
  type EmailFactorConfirmed,
  type EmailFactorStarted,
} from './provider/email-factor.js';
import { sendEmailCode, type EmailCodeSent } from './provider/email-login.js';
import { changePassword, type PasswordChanged } from './provider/password-age.js';
import { accountCode, forgetLastStep, readLastStep, type AccountCode, type LastStep } from './provider/account-code.js';
import { removeAccount, type AccountRemoved } from './provider/remove-account.js';
import { seedAccount, type SeedAccountInput, type SeededAccount } from './provider/seed-account.js';
import type { Mailer, MemoryMailbox } from './mailer.js';

export type { AccountStatus } from './provider/account-status.js';
export type { LoginOk } from './provider/second-factor.js';
export type { PasswordOk } from './provider/login.js';
export type { SecondFactorKind } from './provider/accounts.js';
export type { EmailFactorConfirmed, EmailFactorStarted } from './provider/email-factor.js';
export type { EmailCodeSent } from './provider/email-login.js';
export type { PasswordChanged, PasswordWarning } from './provider/password-age.js';
export type { AccountCode, LastStep } from './provider/account-code.js';
export type { AccountRemoved } from './provider/remove-account.js';
export type { SeedAccountInput, SeededAccount } from './provider/seed-account.js';

/** The simulated service. Every method is async; see the module comment for the result contract. */
export interface Provider {
  /** Creates an account. `register.taken` when the username exists. */
  register(input: { username: string; password: string; email: string }): Promise<RegisterResult>;
  /** Password + current code. The generic refusal for every reason a prober could use. */
  login(input: { username: string; password: string; code: string }): Promise<LoginOk | Refusal>;
  /**
   * The second step alone (no password hashing: cheap), for servers that check the password
   * elsewhere. Same replay guard, throttle and generic refusal as {@link login}.
   */
  verifySecondFactor(input: { username: string; code: string }): Promise<LoginOk | Refusal>;
  /** The password step alone (page one of a two-step login), with the same lockout and generic refusal. */
  verifyPassword(input: { username: string; password: string }): Promise<PasswordOk | Refusal>;
  /**
   * Step 1: the password again → a new secret, its key URI and its text form. An account whose
   * factor is e-mail must add `code`, a code just e-mailed (sendEmailCode): it moves to the app at
   * Befejezés. An account bound to a phone gets the generic refusal whatever the password (no
   * password oracle); move a binding with {@link Provider.startDeviceChange}.
   */
  startEnrollment(input: { username: string; password: string; code?: string }): Promise<EnrollmentStarted | Refusal>;
  /** Step 2: the first code from the phone → the green tick and the törlőkód, shown once. */
  confirmEnrollment(input: { enrollmentId: string; code: string }): Promise<EnrollmentConfirmed | Refusal>;
  /** Step 3: "Törlőkód mentéséről gondoskodtam" + Befejezés → active after the activation delay. */
  finishEnrollment(input: { enrollmentId: string; deletionCodeSaved: boolean }): Promise<EnrollmentFinished | Refusal>;
  /** Cancels an unfinished enrollment or device change; an old binding stays as it was. */
  abandonEnrollment(input: { enrollmentId: string }): Promise<EnrollmentAbandoned | Refusal>;
  /** "Beállítás másik eszközre": password + current code → a new secret, confirmed and finished as in enrollment. */
  startDeviceChange(input: { username: string; password: string; code: string }): Promise<EnrollmentStarted | Refusal>;
  /**
   * Lost phone: username + password + törlőkód remove the binding (not the account); the code is
   * spent. A wrong password and a wrong törlőkód get the same answer (`deletionCode.wrong`).
   */
  redeemDeletionCode(input: {
    username: string;
    password: string;
    deletionCode: string;
  }): Promise<DeletionCodeRedeemed | Refusal>;
  /**
   * The code page of an e-mail account, after the password step: mails a fresh 6-digit code (valid
   * 10 minutes, replacing any earlier one) and returns the 3-digit session number the mail repeats.
   * `emailCode.throttled` (with `retryAt`) when asked again too soon or too often.
   */
  sendEmailCode(input: { username: string }): Promise<EmailCodeSent | Refusal>;
  /**
   * Choosing e-mail as the second factor: the password, plus for a phone-bound account a current
   * app `code` or its `deletionCode` (which removes the binding at once). Mails a confirmation code.
   */
  startEmailFactor(input: {
    username: string;
    password: string;
    code?: string;
    deletionCode?: string;
  }): Promise<EmailFactorStarted | Refusal>;
  /** The confirmation code from the mail → e-mail is the account's second factor. */
  confirmEmailFactor(input: { setupId: string; code: string }): Promise<EmailFactorConfirmed | Refusal>;
  /**
   * The current password and a new one; works also once the password has expired. With `code` (a
   * current app or e-mailed code) the second factor is checked too, unless the password has expired
   * or the account has none: pass it always, unless your own session has passed the second factor.
   */
  changePassword(input: {
    username: string;
    password: string;
    newPassword: string;
    code?: string;
  }): Promise<PasswordChanged | Refusal>;
  /**
   * The administrator's "in person" unlock after too many wrong passwords or a password expired
   * too long ago (a change is then still required).
   */
  unlock(username: string): Promise<UnlockResult>;
  /** What a trainer may see about an account. */
  accountStatus(username: string): Promise<AccountStatus>;
  /** The audit log, oldest first (events after `sinceSeq` only, when given). */
  auditLog(sinceSeq?: number): AuditEvent[];
  /** For trainers: an account's steps, the period and window, and its last refusal (see trainer-view.ts). */
  inspect(username: string): Promise<StepView>;
  /** For trainers: which step a code belongs to and why it would be refused, counting nothing (never expose it to users). */
  explainCode(input: ExplainCodeInput): Promise<CodeExplanation>;
  /**
   * For trainers: why the account's last attempts were refused and what to tell the participant
   * ("várjon még 40 mp-et", "a telefon órája 2 lépéssel késik"), as reason codes, numbers and
   * texts in `options.language`. Kept in the store (the last `attemptHistory`, default 20), so every
   * instance sharing it answers alike. Never expose it to participants.
   */
  explainAttempts(username: string, options?: ExplainAttemptsOptions): Promise<AttemptsExplained>;
  /**
   * For tests and seed files: creates or replaces an account in a stated state (password, secret,
   * törlőkód, factor, activation, password age, lock); see provider/seed-account.ts.
   */
  seedAccount(input: SeedAccountInput): Promise<SeededAccount>;
  /** For tests: the app code on the service's clock with at least `minRemaining` s left (null: no such account). */
  accountCode(input: { username: string; minRemaining?: number }): Promise<AccountCode | null>;
  /** For tests: the replay guard's last accepted step (null: no such account). */
  lastStep(username: string): Promise<LastStep | null>;
  /** For tests: forgets the last accepted step, so a same-step code works once more (null: no such account). */
  forgetLastStep(username: string): Promise<LastStep | null>;
  /** For tests and trainers: removes an account (null: there was none). */
  removeAccount(username: string): Promise<AccountRemoved | null>;
  /** The fault switchboard: maintenance, outage and time-out, now or on a schedule. */
  readonly faults: FaultSwitchboard;
  /** The language of messages from now on. */
  language: Language;
  /** The issuer written into key URIs. */
  readonly issuer: string;
  /** Where the service's mail goes (the `mailer` option, or the default memory mailbox). */
  readonly mailer: Mailer;
  /** The default memory mailbox (the user's inbox in demos and tests), or null when `mailer` was given. */
  readonly mailbox: MemoryMailbox | null;
}

/**
 * Creates a simulated Ügyfélkapu+-style service.
 * @param options clock, random, store, language, hashing cost, TOTP parameters, delays; see {@link ProviderOptions}
 * @throws {InvalidArgumentError} when an option is out of range
 * @example
 * const clock = manualClock(Date.UTC(2025, 0, 16, 8));
 * const provider = createProvider({ clock, hashing: LOW_COST_HASHING_FOR_TESTS });
 * await provider.register({ username: 'kovacs.janos', password: 'titok-123', email: 'janos@example.hu' });
 * const started = await provider.startEnrollment({ username: 'kovacs.janos', password: 'titok-123' });
 * // show started.keyUri as a QR code; the phone answers with a code:
 * const confirmed = await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code: generateCode(started.secret, { clock }) });
 */
export function createProvider(options: ProviderOptions = {}): Provider {
  const ctx = new ProviderContext(resolveProviderOptions(options));
  const trail = new AttemptTrail(ctx);
  ctx.audit.observe(trail.note);
  /** A flow whose answer waits until the refusals it recorded are in the store's attempt trail. */
  const kept =
    <I, R>(flow: (c: ProviderContext, input: I) => Promise<R>) =>
    async (input: I): Promise<R> => {
      try {
        return await flow(ctx, input);
      } finally {
        await trail.settle();
      }
    };
  // A facade: each method is one flow in src/sim/provider/, all of the shape (ctx, input) => result.
  return {
    register: kept(register),
    login: kept(login),
    verifySecondFactor: kept(verifySecondFactor),
    verifyPassword: kept(verifyPassword),
    startEnrollment: kept(startEnrollment),
    confirmEnrollment: kept(confirmEnrollment),
    finishEnrollment: kept(finishEnrollment),
    abandonEnrollment: kept(abandonEnrollment),
    startDeviceChange: kept(startDeviceChange),
    redeemDeletionCode: kept(redeemDeletionCode),
    sendEmailCode: kept(sendEmailCode),
    startEmailFactor: kept(startEmailFactor),
    confirmEmailFactor: kept(confirmEmailFactor),
    changePassword: kept(changePassword),
    unlock: kept(unlock),
    accountStatus: (username) => accountStatus(ctx, username),
    auditLog: (sinceSeq = 0) => ctx.audit.list(sinceSeq),
    inspect: (username) => inspectSteps(ctx, username),
    explainCode: (input) => explainCode(ctx, input),
    explainAttempts: (username, options) => explainAttempts(ctx, trail, username, options),
    seedAccount: (input) => seedAccount(ctx, input),
    accountCode: (input) => accountCode(ctx, input),
    lastStep: (username) => readLastStep(ctx, username),
    forgetLastStep: (username) => forgetLastStep(ctx, username),
    removeAccount: (username) => removeAccount(ctx, username),
    faults: ctx.faults,
    get language() {
      return ctx.language;
    },
    set language(value: Language) {
      ctx.language = checkLanguage(value);
    },
    issuer: ctx.o.issuer,
    mailer: ctx.o.mailer,
    mailbox: ctx.o.mailbox,
  };
}
