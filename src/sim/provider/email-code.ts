/**
 * The e-mailed code: issued fresh (6 digits from the CSPRNG, a 3-digit session number), stored only
 * as a salted SHA-256, valid `emailCode.validityMs` (10 minutes), accepted once, and replaced by the
 * next one. {@link judgeEmailCode} is synchronous so the second step can decide it inside the one
 * atomic Store update that also keeps the throttle (second-factor.ts).
 */
import { normalizeTypedCode } from '../../core/code.js';
import { constantTimeEqual } from '../../core/constant-time.js';
import { digest } from '../../core/hash/hash.js';
import { sha256 } from '../../core/hash/sha256.js';
import { toHex } from '../../core/hex.js';
import { randomBytes, randomDigits } from '../../core/random.js';
import type { RefusalReason } from '../audit.js';
import type { ProviderContext } from '../context.js';
import { codeMail } from '../mail-texts.js';
import { accountKey, type AccountRecord, type EmailCodeRecord, type SpentEmailCode } from './accounts.js';
import { releaseRecipientSend, reserveRecipientSend } from './recipient-limit.js';

/** Spent or replaced codes kept per account, for the audit log's reasons only. */
const HISTORY = 5;
/** The digits of an e-mailed code, as of the app's. */
const DIGITS = 6;
const HOUR = 3_600_000;
const encoder = new TextEncoder();

/** The salted SHA-256 of an e-mailed code, hex. */
export function hashEmailCode(code: string, salt: string): string {
  return toHex(digest(sha256, encoder.encode(`${salt}:${code}`)));
}

const matches = (code: string, stored: { salt: string; hash: string }): boolean =>
  constantTimeEqual(hashEmailCode(code, stored.salt), stored.hash);

/** The account after a code was accepted, or unchanged with the reason it was refused. */
export type EmailCodeJudgement = { ok: true; account: AccountRecord } | { ok: false; reason: RefusalReason };

/**
 * Judges a typed code against the account's e-mailed code of `purpose` at `now`: accepted once
 * (the returned account has it spent), else the reason. Counts nothing: the caller keeps the throttle.
 * The code is read as an app code is: spaces inside it and around it ("123 456", a pasted line
 * break) are dropped.
 */
export function judgeEmailCode(
  account: AccountRecord,
  typed: string,
  now: number,
  purpose: EmailCodeRecord['purpose'],
  setupId: string | null = null,
): EmailCodeJudgement {
  const code = normalizeTypedCode(typed, DIGITS) ?? typed;
  const current = account.emailCode ?? null;
  const usable = current !== null && current.purpose === purpose && current.setupId === setupId;
  if (usable && matches(code, current)) {
    if (now >= current.expiresAt) return { ok: false, reason: 'email-code-expired' };
    const spent: SpentEmailCode = { salt: current.salt, hash: current.hash, fate: 'used' };
    return { ok: true, account: { ...account, emailCode: null, emailCodeHistory: remember(account, spent) } };
  }
  for (const old of account.emailCodeHistory ?? []) {
    if (matches(code, old))
      return { ok: false, reason: old.fate === 'used' ? 'email-code-used' : 'email-code-superseded' };
  }
  return { ok: false, reason: usable ? 'email-code-wrong' : 'email-code-missing' };
}

function remember(account: AccountRecord, spent: SpentEmailCode): SpentEmailCode[] {
  return [...(account.emailCodeHistory ?? []), spent].slice(-HISTORY);
}

/** A code was sent: what the page shows. */
export type EmailCodeIssued = { ok: true; sessionNumber: string; expiresAt: number };
/** Why no code was sent; `retryAt` for the resend limits. */
export type EmailCodeNotIssued = { ok: false; reason: RefusalReason; retryAt?: number };

/**
 * Issues a fresh code of `purpose` to the account's address, replacing any earlier one, when
 * `allowed(account)` returns null and the resend limits allow; then mails it. The decision, the
 * stored hash and the send count are written in one atomic update. The address's own limit is
 * counted first (recipient-limit.ts) and given back when the account's rules refuse: a refused
 * send changes nothing, and the code sent before keeps working.
 */
export async function issueEmailCode(
  ctx: ProviderContext,
  username: string,
  purpose: EmailCodeRecord['purpose'],
  setupId: string | null,
  allowed: (account: AccountRecord) => RefusalReason | null,
): Promise<EmailCodeIssued | EmailCodeNotIssued> {
  const o = ctx.o;
  const now = ctx.now();
  const code = randomDigits(DIGITS, o.random);
  const salt = toHex(randomBytes(16, o.random));
  const record: EmailCodeRecord = {
    salt,
    hash: hashEmailCode(code, salt),
    sentAt: now,
    expiresAt: now + o.emailCode.validityMs,
    sessionNumber: randomDigits(3, o.random),
    purpose,
    setupId,
  };
  const address = (await o.store.get<AccountRecord>(accountKey(username)))?.email;
  if (address === undefined) return { ok: false, reason: 'unknown-user' };
  const reserved = await reserveRecipientSend(ctx, address, now);
  if (!reserved.ok) return { ok: false, reason: 'too-many-sends', retryAt: reserved.retryAt };
  let outcome: EmailCodeIssued | EmailCodeNotIssued = { ok: false, reason: 'unknown-user' };
  let to = '';
  await o.store.update<AccountRecord>(accountKey(username), (account) => {
    if (account === undefined) {
      outcome = { ok: false, reason: 'unknown-user' };
      return undefined;
    }
    const refused = allowed(account);
    if (refused !== null) {
      outcome = { ok: false, reason: refused };
      return account;
    }
    const sends = (account.emailSends ?? []).filter((t) => t > now - HOUR && t <= now);
    const last = sends.at(-1);
    if (last !== undefined && now < last + o.emailCode.resendAfterMs) {
      outcome = { ok: false, reason: 'resend-too-soon', retryAt: last + o.emailCode.resendAfterMs };
      return account;
    }
    if (sends.length >= o.emailCode.maxSendsPerHour) {
      outcome = { ok: false, reason: 'too-many-sends', retryAt: sends[0]! + HOUR };
      return account;
    }
    outcome = { ok: true, sessionNumber: record.sessionNumber, expiresAt: record.expiresAt };
    to = account.email;
    const old = account.emailCode ?? null;
    const history =
      old === null
        ? account.emailCodeHistory
        : remember(account, { salt: old.salt, hash: old.hash, fate: 'superseded' });
    return {
      ...account,
      emailCode: record,
      ...(history === undefined ? {} : { emailCodeHistory: history }),
      emailSends: [...sends, now],
    };
  });
  const result = outcome as EmailCodeIssued | EmailCodeNotIssued;
  if (!result.ok) {
    await releaseRecipientSend(ctx, address, now);
    return result;
  }
  const mail = codeMail(ctx.language, purpose, {
    code,
    sessionNumber: record.sessionNumber,
    minutes: Math.round(o.emailCode.validityMs / 60_000),
  });
  try {
    await o.mailer.send({ to, from: o.mailFrom, subject: mail.subject, text: mail.text, sentAt: now });
  } catch {
    // Not delivered: the code is withdrawn (it counts as sent, so a failing mailer cannot be hammered).
    await o.store.update<AccountRecord>(accountKey(username), (account) =>
      account?.emailCode && constantTimeEqual(account.emailCode.hash, record.hash)
        ? { ...account, emailCode: null }
        : account,
    );
    return { ok: false, reason: 'mail-failed' };
  }
  return result;
}
