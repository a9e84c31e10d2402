/**
 * Choosing e-mail as the second factor ("Ügyfélkapu+ igénylés e-mailes kóddal", then "Megerősítő
 * kód küldése"): the password, and for an account bound to a phone either a current code of that
 * phone or its törlőkód (which removes the binding at once, as redeemDeletionCode does), start it;
 * a confirmation code goes to the account's address, and {@link confirmEmailFactor} with that code
 * makes e-mail the factor (an app binding and its törlőkód stop working then). An account whose
 * factor is already e-mail gets the generic refusal (the audit log says `wrong-factor`).
 */
import { InvalidArgumentError, InvalidStateError, describeValue } from '../../core/errors.js';
import { toHex } from '../../core/hex.js';
import { randomBytes } from '../../core/random.js';
import type { RefusalReason } from '../audit.js';
import type { ProviderContext, Refusal } from '../context.js';
import { afterFailure } from '../throttle.js';
import { accountKey, codeThrottleOf, enrollmentKey, factorOf, type AccountRecord } from './accounts.js';
import { readArguments, readCode, readCredentials } from './credentials.js';
import { redeemDeletionCode } from './deletion.js';
import { issueEmailCode, judgeEmailCode } from './email-code.js';
import { refuseSend } from './email-login.js';
import { decidePassword } from './password.js';
import { acceptSecondFactor } from './second-factor.js';

/** The confirmation code is on its way; confirm with `setupId` and the code before `expiresAt`. */
export type EmailFactorStarted = {
  ok: true;
  messageKey: 'emailFactor.started';
  message: string;
  setupId: string;
  sessionNumber: string;
  expiresAt: number;
};

/** E-mail is now the account's second factor. */
export type EmailFactorConfirmed = { ok: true; messageKey: 'emailFactor.confirmed'; message: string; username: string };

/** Store key of the index from an e-mail setup id to its account. */
export const emailSetupKey = (id: string): string => `email-setup:${id}`;

/** Password (+ the app's current code, or its törlőkód, when a phone is bound) → a confirmation code by e-mail. */
export async function startEmailFactor(ctx: ProviderContext, input: unknown): Promise<EmailFactorStarted | Refusal> {
  const args = readArguments(input, 'startEmailFactor');
  const { username, password } = readCredentials(args);
  const code = args['code'] === undefined ? null : readCode(args['code'], 'code');
  const deletionCode = args['deletionCode'] === undefined ? null : readCode(args['deletionCode'], 'deletionCode', 256);
  if (code !== null && deletionCode !== null)
    throw new InvalidArgumentError('"code" and "deletionCode" are alternatives: pass one of them, not both');
  if (deletionCode !== null) {
    // The törlőkód path: the same checks, answers and throttle as redeemDeletionCode.
    const redeemed = await redeemDeletionCode(ctx, { username, password, deletionCode });
    if (!redeemed.ok) return redeemed;
  } else {
    const refused = await decidePassword(ctx, 'startEmailFactor', username, password, 'email-factor-refused');
    if (refused) return refused;
    const account = await ctx.o.store.get<AccountRecord>(accountKey(username));
    const factor = account ? factorOf(account) : null;
    let reason: RefusalReason | null = factor === 'email' ? 'wrong-factor' : null;
    if (factor === 'app') {
      const proved = await acceptSecondFactor(ctx, username, code ?? '', ctx.now());
      if (!proved.ok) reason = proved.reason;
    }
    if (reason !== null) {
      ctx.audit.record(ctx.now(), 'email-factor-refused', username, { reason });
      return ctx.refuse('login.refused');
    }
  }
  const now = ctx.now();
  const setupId = toHex(randomBytes(16, ctx.o.random));
  const issued = await issueEmailCode(ctx, username, 'setup', setupId, (account) =>
    factorOf(account) === 'email' ? 'wrong-factor' : null,
  );
  if (!issued.ok) return refuseSend(ctx, username, now, issued);
  await ctx.o.store.update(emailSetupKey(setupId), () => ({ username }));
  ctx.audit.record(now, 'email-factor-started', username);
  return {
    ok: true,
    messageKey: 'emailFactor.started',
    message: ctx.message('emailFactor.started', { sessionNumber: issued.sessionNumber }),
    setupId,
    sessionNumber: issued.sessionNumber,
    expiresAt: issued.expiresAt,
  };
}

/**
 * The confirmation code from the mail → e-mail is the factor. A wrong, expired, used or replaced
 * code gets `emailCode.wrong` and counts towards the code throttle (`code.throttled` while it runs).
 * @throws {InvalidStateError} when `setupId` is not a started setup (unknown, or already confirmed)
 */
export async function confirmEmailFactor(
  ctx: ProviderContext,
  input: unknown,
): Promise<EmailFactorConfirmed | Refusal> {
  const args = readArguments(input, 'confirmEmailFactor');
  const setupId = args['setupId'];
  if (typeof setupId !== 'string' || !/^[0-9a-f]{32}$/.test(setupId))
    throw new InvalidArgumentError(
      `"setupId" must be the 32-character id startEmailFactor returned, got ${describeValue(setupId)}`,
    );
  const code = readCode(args['code'], 'code');
  const fault = await ctx.faultRefusal('confirmEmailFactor', null);
  if (fault) return fault;
  const index = await ctx.o.store.get<{ username: string }>(emailSetupKey(setupId));
  if (!index) throw new InvalidStateError(`e-mail setup ${setupId} is not started, or is already confirmed`);
  const { username } = index;
  const now = ctx.now();
  let reason: RefusalReason = 'unknown-user';
  let retryAt: number | null = null;
  let droppedPending: string | null = null;
  let confirmed = false;
  await ctx.o.store.update<AccountRecord>(accountKey(username), (account) => {
    retryAt = null;
    droppedPending = null;
    confirmed = false;
    if (!account) return account;
    if (now < account.codeBlockedUntil) {
      reason = 'throttled';
      retryAt = account.codeBlockedUntil;
      return account;
    }
    const judged = judgeEmailCode(account, code, now, 'setup', setupId);
    if (!judged.ok) {
      reason = judged.reason;
      const next = afterFailure(codeThrottleOf(account), now, ctx.o.throttle);
      return { ...account, codeFailures: next.failures, codeBlockedUntil: next.blockedUntil };
    }
    confirmed = true;
    droppedPending = account.pending?.id ?? null;
    return {
      ...judged.account,
      factor: 'email',
      secret: null,
      lastStep: -1,
      activeFrom: 0,
      deletionCode: null,
      pending: null,
      codeFailures: 0,
      codeBlockedUntil: 0,
    };
  });
  if (!(confirmed as boolean)) {
    ctx.audit.record(now, 'email-factor-refused', username, { reason });
    const until = retryAt as number | null;
    if (until !== null)
      return ctx.refuse('code.throttled', { retryAt: until }, { seconds: Math.ceil((until - now) / 1000) });
    return ctx.refuse(reason === 'unknown-user' ? 'login.refused' : 'emailCode.wrong');
  }
  await ctx.o.store.update(emailSetupKey(setupId), () => undefined);
  const pendingId = droppedPending as string | null;
  if (pendingId !== null) await ctx.o.store.update(enrollmentKey(pendingId), () => undefined);
  ctx.audit.record(now, 'email-factor-confirmed', username);
  return { ok: true, messageKey: 'emailFactor.confirmed', message: ctx.message('emailFactor.confirmed'), username };
}
