/**
 * The attempt trail: each account's last refusals, kept in the Store next to the account, so that
 * every service instance sharing the store can tell a trainer why a participant was refused. It is
 * fed by the audit log (one source of truth): each refusal the log records is kept here with the
 * numbers that explain it, read from the account as the refusal left it (how long the activation
 * still had to run, how many steps the phone's clock was off, how many wrong passwords in a row).
 *
 * Bounded twice: at most `attemptHistory` entries per account, and nothing for names that are not
 * accounts (so guessing names cannot fill the store). The typed code is used to find its step and
 * then dropped: no entry holds a code, a password or a deletion code.
 */
import { verifyCode } from '../../core/code.js';
import type { AuditClue, AuditEvent, RefusalReason } from '../audit.js';
import type { ProviderContext } from '../context.js';
import type { AttemptParams, AttemptReason, AttemptRecord } from '../attempt-types.js';
import { accountKey, passwordExpiresAt, type AccountRecord } from './accounts.js';

/** Store key of an account's attempt trail. */
export const attemptsKey = (username: string): string => `attempts:${username}`;

/** How far either side of the service's step a refused code is looked for (one HMAC a step). */
const SEARCH_STEPS = 20;
const HOUR = 3_600_000;

/** Feeds the store-kept trail from the audit log; `settle` waits for the writes begun so far. */
export class AttemptTrail {
  readonly #ctx: ProviderContext;
  readonly #writing = new Set<Promise<void>>();

  constructor(ctx: ProviderContext) {
    this.#ctx = ctx;
  }

  /** An audit observer: keeps the event when it is a refusal, a fault or an unlock of a named account. */
  readonly note = (event: AuditEvent, clue: AuditClue): void => {
    const username = event.username;
    if (username === null || this.#ctx.o.attemptHistory === 0 || !isKept(event)) return;
    const write: Promise<void> = this.#keep(username, event, clue)
      // The trail is for trainers: failing to keep it must not change what the user is answered.
      .catch(() => undefined)
      .finally(() => this.#writing.delete(write));
    this.#writing.add(write);
  };

  /** Waits until every entry noted so far is in the store (or has failed to get there). */
  async settle(): Promise<void> {
    if (this.#writing.size > 0) await Promise.allSettled([...this.#writing]);
  }

  async #keep(username: string, event: AuditEvent, clue: AuditClue): Promise<void> {
    const ctx = this.#ctx;
    const account = await ctx.o.store.get<AccountRecord>(accountKey(username));
    if (account === undefined) return;
    const record = attemptOf(ctx, account, event, clue);
    const limit = ctx.o.attemptHistory;
    await ctx.o.store.update<AttemptRecord[]>(attemptsKey(username), (kept) => {
      const list = Array.isArray(kept) ? [...kept, record] : [record];
      // Instances may write out of order: keep the trail in time order (stable for equal times).
      list.sort((a, b) => a.time - b.time);
      return list.slice(-limit);
    });
  }
}

/** The events the trail keeps: refusals with a reason (but not of unknown names), faults, unlocks. */
function isKept(event: AuditEvent): boolean {
  if (event.type === 'fault' || event.type === 'unlocked') return true;
  return event.reason !== undefined && event.reason !== 'unknown-user';
}

/** The trail entry for `event`, with the numbers read from the account as the refusal left it. */
function attemptOf(ctx: ProviderContext, account: AccountRecord, event: AuditEvent, clue: AuditClue): AttemptRecord {
  const o = ctx.o;
  const base = { time: event.time, event: event.type };
  if (event.type === 'fault') {
    const until = ctx.faults.active(event.time)?.until ?? null;
    return { ...base, reason: 'fault', params: { fault: event.fault!, operation: event.operation ?? '', until } };
  }
  if (event.type === 'unlocked') return { ...base, reason: 'unlocked', params: {} };
  const reason = event.reason as Exclude<RefusalReason, 'unknown-user'>;
  const deletion = event.type.startsWith('deletion-code');
  switch (reason) {
    case 'wrong-password':
    case 'locked':
      return { ...base, reason, params: { failures: account.passwordFailures, maxFailures: o.maxPasswordFailures } };
    case 'activation-pending':
      return { ...base, reason, params: { activeFrom: account.activeFrom } };
    case 'throttled':
      return {
        ...base,
        reason,
        params: deletion
          ? { failures: account.deletionFailures, retryAt: account.deletionBlockedUntil }
          : { failures: account.codeFailures, retryAt: account.codeBlockedUntil },
      };
    case 'wrong-deletion-code':
      return { ...base, reason, params: { failures: account.deletionFailures } };
    case 'wrong-code':
    case 'replayed-code':
      return locateCode(ctx, account, event, clue, reason);
    case 'password-expired':
    case 'password-expired-locked': {
      const expiredAt = passwordExpiresAt(ctx, account) ?? event.time;
      const lockAfter = o.passwordPolicy.lockAfterExpiredMs;
      return { ...base, reason, params: { expiredAt, lockAt: lockAfter === 0 ? null : expiredAt + lockAfter } };
    }
    case 'email-code-expired':
      return { ...base, reason, params: account.emailCode ? { expiresAt: account.emailCode.expiresAt } : {} };
    case 'resend-too-soon':
    case 'too-many-sends':
      return { ...base, reason, params: { retryAt: nextSendAt(ctx, account, event.time, reason) } };
    case 'wrong-factor':
      return { ...base, reason, params: { factor: account.factor ?? (account.secret !== null ? 'app' : null) } };
    default:
      return { ...base, reason, params: {} };
  }
}

/** When the resend limits let the account be sent a code again. */
function nextSendAt(ctx: ProviderContext, account: AccountRecord, time: number, reason: RefusalReason): number {
  const sends = (account.emailSends ?? []).filter((t) => t > time - HOUR && t <= time);
  if (reason === 'resend-too-soon' && sends.length > 0) return sends.at(-1)! + ctx.o.emailCode.resendAfterMs;
  return sends.length > 0 ? sends[0]! + HOUR : time;
}

/**
 * Where a refused app code belongs: a step of the judged key outside the window (the phone's clock
 * is off), a step already used (replay), a code of the other key (the new phone at login, the old
 * one in a setup), or nothing nearby (a typo, another account or another service).
 */
function locateCode(
  ctx: ProviderContext,
  account: AccountRecord,
  event: AuditEvent,
  clue: AuditClue,
  reason: 'wrong-code' | 'replayed-code',
): AttemptRecord {
  const o = ctx.o;
  const time = event.time;
  const serverStep = Math.floor(time / 1000 / o.period);
  const params: AttemptParams = { serverStep, period: o.period, window: o.window, failures: account.codeFailures };
  const base = { time, event: event.type };
  const pending = account.pending && time < account.pending.expiresAt ? account.pending.secret : null;
  const judged = clue.key === 'pending' ? pending : account.secret;
  const other = clue.key === 'pending' ? account.secret : pending;
  const locate = (secret: string | null): number | null => {
    if (clue.code === undefined || secret === null) return null;
    const found = verifyCode(secret, clue.code, {
      time,
      algorithm: o.algorithm,
      digits: o.digits,
      period: o.period,
      window: SEARCH_STEPS,
    });
    return found.valid ? found.counter : null;
  };
  const step = locate(judged);
  if (reason === 'replayed-code') {
    const nextCodeAt = (account.lastStep + 1) * o.period * 1000;
    return { ...base, reason, params: { ...params, ...(step !== null && { step }), nextCodeAt } };
  }
  if (step !== null)
    return { ...base, reason: 'clock-off', params: { ...params, step, stepOffset: step - serverStep } };
  if (locate(other) !== null) return { ...base, reason: clue.key === 'pending' ? 'old-key' : 'pending-key', params };
  return { ...base, reason: 'wrong-code', params };
}
