/**
 * Enrollment, the state machine that binds a phone. "Beállítás másik eszközre" (device change,
 * device-change.ts) starts the same machine while the old binding keeps working:
 *
 *   start ─▶ confirm (first code → green tick, törlőkód shown once) ─▶ finish ("Törlőkód mentéséről
 *   gondoskodtam" + Befejezés) ─▶ active after the activation delay
 *
 * One pending enrollment per account: starting another supersedes it. An unfinished one expires
 * after `enrollmentTtlMs`; abandoning or letting it expire leaves any old binding as it was.
 * Steps called out of order, or with an id that is not pending, throw InvalidStateError.
 */
import { verifyCode } from '../../core/code.js';
import { generateDeletionCode, hashDeletionCode } from '../../core/deletion-code.js';
import { InvalidArgumentError, InvalidStateError, describeValue } from '../../core/errors.js';
import { buildKeyUri } from '../../core/key-uri.js';
import { toHex } from '../../core/hex.js';
import { encodePasswordHash } from '../../core/password-hash.js';
import { randomBytes } from '../../core/random.js';
import { generateSecret } from '../../core/secret.js';
import type { ProviderContext, Refusal } from '../context.js';
import { afterFailure } from '../throttle.js';
import {
  accountKey,
  codeThrottleOf,
  enrollmentKey,
  factorOf,
  type AccountRecord,
  type PendingEnrollment,
} from './accounts.js';
import { readArguments, readCode, readCredentials, readEnrollmentId } from './credentials.js';
import { decidePassword } from './password.js';
import { acceptSecondFactor } from './second-factor.js';

/** What "start" shows: the QR code's text, and the secret as text for "Nem tudom beolvasni a kódot". */
export type EnrollmentStarted = {
  ok: true;
  messageKey: 'enrollment.started';
  message: string;
  enrollmentId: string;
  kind: 'enrollment' | 'device-change';
  /** The otpauth:// key URI to show as a QR code (issuer and account = username). */
  keyUri: string;
  /** The secret, base32. */
  secret: string;
  /** The secret in groups of four, for typing by hand. */
  secretText: string;
  issuer: string;
  account: string;
  /** When the unfinished enrollment expires (ms). */
  expiresAt: number;
};

/** The green tick: the deletion code, shown now and never again. */
export type EnrollmentConfirmed = {
  ok: true;
  messageKey: 'enrollment.confirmed';
  message: string;
  enrollmentId: string;
  deletionCode: string;
};

/** Befejezés: the binding is saved and works from `activeFrom`. */
export type EnrollmentFinished = {
  ok: true;
  messageKey: 'enrollment.finished';
  message: string;
  kind: 'enrollment' | 'device-change';
  activeFrom: number;
};

/** The pending enrollment or device change is dropped. */
export type EnrollmentAbandoned = { ok: true; messageKey: 'enrollment.abandoned'; message: string };

/**
 * Step 1 of enrollment: the password again → a new secret, its key URI and its text form. An
 * account bound to a phone gets the generic refusal, with a right password as with a wrong one (the
 * audit log says `already-enrolled`): anything else would tell a prober that the password was
 * right. Such a user moves the binding with startDeviceChange. An account whose factor is e-mail
 * proves it with `code`, a code just e-mailed, and moves to the app at Befejezés.
 */
export async function startEnrollment(ctx: ProviderContext, input: unknown): Promise<EnrollmentStarted | Refusal> {
  const args = readArguments(input, 'startEnrollment');
  const { username, password } = readCredentials(args);
  const code = args['code'] === undefined ? null : readCode(args['code'], 'code');
  const refused = await decidePassword(ctx, 'startEnrollment', username, password, 'enrollment-refused');
  if (refused) return refused;
  // Moving from e-mail to the app needs the current factor: a code just e-mailed (sendEmailCode).
  const account = await ctx.o.store.get<AccountRecord>(accountKey(username));
  if (account && factorOf(account) === 'email') {
    const proved = await acceptSecondFactor(ctx, username, code ?? '', ctx.now());
    if (!proved.ok) {
      ctx.audit.record(ctx.now(), 'enrollment-refused', username, { reason: proved.reason });
      return ctx.refuse('login.refused');
    }
  }
  return createPending(ctx, username, 'enrollment');
}

/**
 * Writes the pending enrollment. Whether the account may have one is decided inside the same
 * atomic update that writes it: an enrollment only while there is no binding, a device change
 * only while there is one. A separate read before it would let a parallel start slip in after a
 * Befejezés and later replace the binding just made.
 */
export async function createPending(
  ctx: ProviderContext,
  username: string,
  kind: PendingEnrollment['kind'],
): Promise<EnrollmentStarted | Refusal> {
  const o = ctx.o;
  const now = ctx.now();
  const secret = generateSecret({ random: o.random });
  const id = toHex(randomBytes(16, o.random));
  // Built before any state changes, so a username the URI cannot carry changes nothing.
  const keyUri = buildKeyUri({
    issuer: o.issuer,
    account: username,
    secret,
    algorithm: o.algorithm,
    digits: o.digits,
    period: o.period,
  });
  const pending: PendingEnrollment = {
    id,
    kind,
    secret,
    createdAt: now,
    expiresAt: now + o.enrollmentTtlMs,
    confirmedStep: null,
    deletionCode: null,
  };
  let previous: PendingEnrollment | null = null;
  let allowed = false;
  let exists = true;
  await o.store.update<AccountRecord>(accountKey(username), (account) => {
    previous = null;
    exists = account !== undefined;
    allowed = account !== undefined && (kind === 'enrollment') === (account.secret === null);
    if (!allowed) return account;
    previous = account!.pending;
    return { ...account!, pending };
  });
  if (!allowed) {
    ctx.audit.record(now, kind === 'enrollment' ? 'enrollment-refused' : 'login-refused', username, {
      reason: !exists ? 'unknown-user' : kind === 'enrollment' ? 'already-enrolled' : 'not-enrolled',
    });
    return ctx.refuse('login.refused');
  }
  const superseded = previous as PendingEnrollment | null;
  if (superseded) {
    await o.store.update(enrollmentKey(superseded.id), () => undefined);
    ctx.audit.record(now, now >= superseded.expiresAt ? 'enrollment-expired' : 'enrollment-abandoned', username);
  }
  await o.store.update(enrollmentKey(id), () => ({ username }));
  ctx.audit.record(now, kind === 'enrollment' ? 'enrollment-started' : 'device-change-started', username);
  return {
    ok: true,
    messageKey: 'enrollment.started',
    message: ctx.message('enrollment.started'),
    enrollmentId: id,
    kind,
    keyUri,
    secret,
    secretText: groupsOfFour(secret),
    issuer: o.issuer,
    account: username,
    expiresAt: pending.expiresAt,
  };
}

/** Step 2: the first code from the new phone → the green tick and the deletion code, shown once. */
export async function confirmEnrollment(ctx: ProviderContext, input: unknown): Promise<EnrollmentConfirmed | Refusal> {
  const args = readArguments(input, 'confirmEnrollment');
  const id = readEnrollmentId(args['enrollmentId']);
  const code = readCode(args['code'], 'code');
  const fault = await ctx.faultRefusal('confirmEnrollment', null);
  if (fault) return fault;
  const { username, pending, account } = await loadPending(ctx, id);
  const now = ctx.now();
  if (now >= pending.expiresAt) return expire(ctx, username, id);
  if (pending.confirmedStep !== null)
    throw new InvalidStateError(`enrollment ${id} is already confirmed: finish it with finishEnrollment`);
  if (now < account.codeBlockedUntil) {
    ctx.audit.record(now, 'enrollment-refused', username, { reason: 'throttled' });
    const retryAt = account.codeBlockedUntil;
    return ctx.refuse('code.throttled', { retryAt }, { seconds: Math.ceil((retryAt - now) / 1000) });
  }
  const o = ctx.o;
  const params = { time: now, algorithm: o.algorithm, digits: o.digits, period: o.period, window: o.window } as const;
  // Cheap check first, so a wrong code costs no hashing; the decision is repeated atomically below.
  const precheck = verifyCode(pending.secret, code, params);
  const deletionCode = precheck.valid ? generateDeletionCode({ ...o.deletionCode, random: o.random }) : null;
  const deletionHash =
    deletionCode === null ? null : encodePasswordHash(await hashDeletionCode(deletionCode, o.hashing, o.random));
  let accepted = false;
  await o.store.update<AccountRecord>(accountKey(username), (current) => {
    accepted = false;
    const p = current?.pending;
    if (!current || !p || p.id !== id || p.confirmedStep !== null || now < current.codeBlockedUntil) return current;
    const result = verifyCode(p.secret, code, params);
    if (!result.valid || deletionHash === null) {
      const next = afterFailure(codeThrottleOf(current), now, o.throttle);
      return { ...current, codeFailures: next.failures, codeBlockedUntil: next.blockedUntil };
    }
    accepted = true;
    return {
      ...current,
      codeFailures: 0,
      codeBlockedUntil: 0,
      pending: { ...p, confirmedStep: result.counter, deletionCode: deletionHash },
    };
  });
  if (!accepted || deletionCode === null) {
    ctx.audit.record(now, 'enrollment-refused', username, { reason: 'wrong-code' }, { code, key: 'pending' });
    return ctx.refuse('code.wrong');
  }
  ctx.audit.record(now, 'enrollment-confirmed', username);
  return {
    ok: true,
    messageKey: 'enrollment.confirmed',
    message: ctx.message('enrollment.confirmed'),
    enrollmentId: id,
    deletionCode,
  };
}

/** Step 3: the acknowledgement + Befejezés → the binding (replacing any old one), active after the delay. */
export async function finishEnrollment(ctx: ProviderContext, input: unknown): Promise<EnrollmentFinished | Refusal> {
  const args = readArguments(input, 'finishEnrollment');
  const id = readEnrollmentId(args['enrollmentId']);
  const saved = args['deletionCodeSaved'];
  if (typeof saved !== 'boolean')
    throw new InvalidArgumentError(`"deletionCodeSaved" must be true or false, got ${describeValue(saved)}`);
  const fault = await ctx.faultRefusal('finishEnrollment', null);
  if (fault) return fault;
  const { username, pending } = await loadPending(ctx, id);
  const now = ctx.now();
  if (now >= pending.expiresAt) return expire(ctx, username, id);
  if (pending.confirmedStep === null || pending.deletionCode === null)
    throw new InvalidStateError(
      `enrollment ${id} is not confirmed yet: call confirmEnrollment with a code from the phone first`,
    );
  if (!saved) {
    ctx.audit.record(now, 'enrollment-refused', username, { reason: 'acknowledgement-missing' });
    return ctx.refuse('enrollment.acknowledgementRequired');
  }
  const activeFrom = now + ctx.o.activationDelayMs;
  let done = false;
  await ctx.o.store.update<AccountRecord>(accountKey(username), (current) => {
    const p = current?.pending;
    done = false;
    if (!current || !p || p.id !== id || p.confirmedStep === null || p.deletionCode === null) return current;
    // An enrollment binds only an account without a binding: never overwrite one made meanwhile.
    if (p.kind === 'enrollment' && current.secret !== null) return { ...current, pending: null };
    done = true;
    // The new binding replaces any old one: the old secret and the old deletion code stop working.
    return {
      ...current,
      pending: null,
      deletionFailures: 0,
      deletionBlockedUntil: 0,
      secret: p.secret,
      lastStep: p.confirmedStep,
      activeFrom,
      deletionCode: p.deletionCode,
      factor: 'app',
      emailCode: null,
    };
  });
  if (!done) {
    await ctx.o.store.update(enrollmentKey(id), () => undefined);
    throw new InvalidStateError(`enrollment ${id} is no longer pending, or the account got a second factor meanwhile`);
  }
  await ctx.o.store.update(enrollmentKey(id), () => undefined);
  ctx.audit.record(now, pending.kind === 'enrollment' ? 'enrollment-finished' : 'device-replaced', username);
  return {
    ok: true,
    messageKey: 'enrollment.finished',
    message: ctx.message('enrollment.finished'),
    kind: pending.kind,
    activeFrom,
  };
}

/** Cancels a pending enrollment or device change; an old binding stays. */
export async function abandonEnrollment(ctx: ProviderContext, input: unknown): Promise<EnrollmentAbandoned | Refusal> {
  const args = readArguments(input, 'abandonEnrollment');
  const id = readEnrollmentId(args['enrollmentId']);
  const fault = await ctx.faultRefusal('abandonEnrollment', null);
  if (fault) return fault;
  const { username } = await loadPending(ctx, id);
  await dropPending(ctx, username, id);
  ctx.audit.record(ctx.now(), 'enrollment-abandoned', username);
  return { ok: true, messageKey: 'enrollment.abandoned', message: ctx.message('enrollment.abandoned') };
}

async function expire(ctx: ProviderContext, username: string, id: string): Promise<Refusal> {
  await dropPending(ctx, username, id);
  ctx.audit.record(ctx.now(), 'enrollment-expired', username);
  return ctx.refuse('enrollment.expired');
}

async function dropPending(ctx: ProviderContext, username: string, id: string): Promise<void> {
  await ctx.o.store.update<AccountRecord>(accountKey(username), (current) =>
    current?.pending?.id === id ? { ...current, pending: null } : current,
  );
  await ctx.o.store.update(enrollmentKey(id), () => undefined);
}

async function loadPending(
  ctx: ProviderContext,
  id: string,
): Promise<{ username: string; pending: PendingEnrollment; account: AccountRecord }> {
  const index = await ctx.o.store.get<{ username: string }>(enrollmentKey(id));
  const account = index && (await ctx.o.store.get<AccountRecord>(accountKey(index.username)));
  const pending = account?.pending;
  if (!index || !account || !pending || pending.id !== id) {
    throw new InvalidStateError(
      `enrollment ${id} is not pending: it was finished, abandoned, superseded or expired, or never started`,
    );
  }
  return { username: index.username, pending, account };
}

/** The secret as the site shows it for typing: `ABCD EFGH …`. */
function groupsOfFour(text: string): string {
  return text.replace(/(.{4})(?=.)/g, '$1 ');
}
