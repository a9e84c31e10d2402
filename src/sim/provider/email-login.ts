/**
 * "Kód küldése": the code page of an account whose second factor is e-mail. After the password
 * step, the service mails a fresh code and the page shows the 3-digit session number the mail
 * repeats; the code is then typed into login, verifySecondFactor or the second step of a setup.
 */
import type { ProviderContext, Refusal } from '../context.js';
import { factorOf, isExpiryLocked, isLocked, isPasswordExpired } from './accounts.js';
import { readArguments, readUsername } from './credentials.js';
import { issueEmailCode, type EmailCodeNotIssued } from './email-code.js';

/** A code is on its way: the page shows the session number; the code works until `expiresAt`. */
export type EmailCodeSent = {
  ok: true;
  messageKey: 'emailCode.sent';
  message: string;
  sessionNumber: string;
  expiresAt: number;
};

/**
 * Mails a fresh login code to an account whose factor is e-mail, replacing any earlier one.
 * Like verifySecondFactor it takes no password: call it only after the password step. Unknown,
 * locked and app accounts get the generic refusal; a resend too soon or too often gets
 * `emailCode.throttled` with `retryAt`.
 */
export async function sendEmailCode(ctx: ProviderContext, input: unknown): Promise<EmailCodeSent | Refusal> {
  const args = readArguments(input, 'sendEmailCode');
  const username = readUsername(args['username']);
  const fault = await ctx.faultRefusal('sendEmailCode', username);
  if (fault) return fault;
  const now = ctx.now();
  const issued = await issueEmailCode(ctx, username, 'login', null, (account) => {
    if (isLocked(ctx, account, now)) return isExpiryLocked(ctx, account, now) ? 'password-expired-locked' : 'locked';
    if (isPasswordExpired(ctx, account, now)) return 'password-expired';
    return factorOf(account) === 'email' ? null : 'wrong-factor';
  });
  if (!issued.ok) return refuseSend(ctx, username, now, issued);
  ctx.audit.record(now, 'email-code-sent', username);
  return {
    ok: true,
    messageKey: 'emailCode.sent',
    message: ctx.message('emailCode.sent', { sessionNumber: issued.sessionNumber }),
    sessionNumber: issued.sessionNumber,
    expiresAt: issued.expiresAt,
  };
}

/** The answer to a code that was not sent; the reason goes to the audit log only. */
export function refuseSend(ctx: ProviderContext, username: string, now: number, issued: EmailCodeNotIssued): Refusal {
  ctx.audit.record(now, 'email-code-refused', username, { reason: issued.reason });
  if (issued.retryAt !== undefined) {
    const retryAt = issued.retryAt;
    return ctx.refuse('emailCode.throttled', { retryAt }, { seconds: Math.ceil((retryAt - now) / 1000) });
  }
  return ctx.refuse(issued.reason === 'mail-failed' ? 'emailCode.notSent' : 'login.refused');
}
