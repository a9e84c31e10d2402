/**
 * The trainer's view of an account's time steps: the picture behind the service's yes or no. What
 * a typed code meant to the service (which step it belongs to, and why it would be refused:
 * replayed, outside the window, a code of the old or the new key, not yet active, locked,
 * throttled, a fault), the last accepted step (the RFC 6238 §5.2 replay guard), the period and the
 * window, and the last refusal in the audit log.
 *
 * Read-only: nothing is counted or changed, and no secret, hash or code is returned. That makes
 * explainCode an oracle that ignores the throttle, which is what a trainer needs and what a real
 * service must never offer its users: keep it out of anything a user can reach.
 */
import { stepAt, verifyCode } from '../../core/code.js';
import { InvalidArgumentError, describeValue } from '../../core/errors.js';
import type { AuditEvent } from '../audit.js';
import type { ProviderContext } from '../context.js';
import { accountKey, factorOf, isLocked, type AccountRecord } from './accounts.js';
import { judgeEmailCode } from './email-code.js';
import { readArguments, readCode, readUsername } from './credentials.js';

/** Steps either side of the service's step that {@link explainCode} looks for a typed code by default. */
export const DEFAULT_SEARCH_STEPS = 20;
/** The most steps either side it will look (each step costs one HMAC). */
export const MAX_SEARCH_STEPS = 100;

/** An account's time steps as a trainer sees them. */
export type StepView = {
  username: string;
  exists: boolean;
  /** The TOTP period of this service, in seconds. */
  period: number;
  /** Steps either side of the current one the service accepts. */
  window: number;
  /** The service's step now: floor(now / period). */
  serverStep: number;
  /** The last accepted step of the account's key (the replay guard), or -1 for none. */
  lastStep: number;
  /** The latest refusal of this account in the audit log (its `reason` says why), or null. */
  lastRefusal: AuditEvent | null;
};

/** Which key {@link explainCode} judges a code against: the active binding, or the one being set up. */
export type CodeKey = 'current' | 'pending';

/** What the service would make of a code now. */
export type CodeVerdict =
  /** It would be accepted. */
  | 'accepted'
  /** A code of a step already used (or an e-mailed code already accepted): refused once and for all (RFC 6238 §5.2). */
  | 'replayed'
  /** An e-mailed code typed after its 10 minutes. */
  | 'expired'
  /** An older e-mailed code, replaced by a newer one. */
  | 'superseded'
  /** A code of this key, but of a step outside the window (a phone clock that is off). */
  | 'outside-window'
  /** Typed into a setup, but a code of the binding being replaced (the old phone). */
  | 'old-key'
  /** Typed at login, but a code of the key still being set up (the new phone). */
  | 'pending-key'
  /** No nearby step of any key the service holds: a typo, another account or another service. */
  | 'wrong-code'
  /** The binding is in its activation delay. */
  | 'not-yet-active'
  | 'not-enrolled'
  /** No setup is pending (never started, finished, abandoned or expired). */
  | 'no-pending'
  | 'unknown-user'
  | 'locked'
  | 'throttled'
  /** A fault (maintenance, outage, time-out) refuses every call now. */
  | 'fault';

/** The answer of {@link explainCode}. */
export type CodeExplanation = StepView & {
  verdict: CodeVerdict;
  /** The step the code belongs to under the key it was judged against, or null when it matches none nearby. */
  step: number | null;
};

/** The input of {@link explainCode}. */
export type ExplainCodeInput = {
  username: string;
  code: string;
  /** Judge it against the active binding (login; the default) or the pending setup (its first code). */
  key?: CodeKey;
  /** How far either side of the service's step to look for the code (default 20, at most 100). */
  searchSteps?: number;
};

/** An account's steps, period and last refusal. */
export async function inspectSteps(ctx: ProviderContext, username: unknown): Promise<StepView> {
  const name = readUsername(username);
  const account = await ctx.o.store.get<AccountRecord>(accountKey(name));
  return stepView(ctx, name, account, ctx.now());
}

/** What the service would make of `code` now, and why; nothing is counted or changed. */
export async function explainCode(ctx: ProviderContext, input: unknown): Promise<CodeExplanation> {
  const args = readArguments(input, 'explainCode');
  const username = readUsername(args['username']);
  const code = readCode(args['code'], 'code');
  const key = args['key'] ?? 'current';
  if (key !== 'current' && key !== 'pending')
    throw new InvalidArgumentError(`"key" must be current or pending, got ${describeValue(key)}`);
  const search = args['searchSteps'] ?? DEFAULT_SEARCH_STEPS;
  if (typeof search !== 'number' || !Number.isInteger(search) || search < 0 || search > MAX_SEARCH_STEPS) {
    throw new InvalidArgumentError(
      `"searchSteps" must be an integer from 0 to ${MAX_SEARCH_STEPS}, got ${describeValue(search)}`,
    );
  }
  const now = ctx.now();
  const account = await ctx.o.store.get<AccountRecord>(accountKey(username));
  const view = stepView(ctx, username, account, now);
  const o = ctx.o;
  const params = { time: now, algorithm: o.algorithm, digits: o.digits, period: o.period } as const;
  const locate = (secret: string | null | undefined): number | null => {
    if (!secret) return null;
    const found = verifyCode(secret, code, { ...params, window: search });
    return found.valid ? found.counter : null;
  };
  const pending = account?.pending && now < account.pending.expiresAt ? account.pending : null;
  const judged = key === 'current' ? account?.secret : pending?.secret;
  const other = key === 'current' ? pending?.secret : account?.secret;
  const step = locate(judged);
  const verdict = ((): CodeVerdict => {
    if (ctx.faults.active(now) !== null) return 'fault';
    if (!account) return 'unknown-user';
    if (key === 'pending' && !pending) return 'no-pending';
    if (key === 'current') {
      if (isLocked(ctx, account)) return 'locked';
      if (factorOf(account) === 'email') {
        if (now < account.codeBlockedUntil) return 'throttled';
        const judged = judgeEmailCode(account, code, now, 'login');
        if (judged.ok) return 'accepted';
        if (judged.reason === 'email-code-expired') return 'expired';
        if (judged.reason === 'email-code-used') return 'replayed';
        return judged.reason === 'email-code-superseded' ? 'superseded' : 'wrong-code';
      }
      if (account.secret === null) return 'not-enrolled';
      if (now < account.activeFrom) return 'not-yet-active';
    }
    if (now < account.codeBlockedUntil) return 'throttled';
    if (step === null) return locate(other) === null ? 'wrong-code' : key === 'current' ? 'pending-key' : 'old-key';
    if (Math.abs(step - view.serverStep) > o.window) return 'outside-window';
    // A setup's first code has no replay guard yet; a login code must be of a step after the last accepted one.
    return key === 'current' && step <= account.lastStep ? 'replayed' : 'accepted';
  })();
  return { ...view, verdict, step };
}

function stepView(ctx: ProviderContext, username: string, account: AccountRecord | undefined, now: number): StepView {
  let lastRefusal: AuditEvent | null = null;
  for (const event of ctx.audit.list()) {
    if (event.username === username && (event.type.endsWith('-refused') || event.type === 'fault')) lastRefusal = event;
  }
  return {
    username,
    exists: account !== undefined,
    period: ctx.o.period,
    window: ctx.o.window,
    serverStep: stepAt(now, ctx.o.period),
    lastStep: account?.lastStep ?? -1,
    lastRefusal,
  };
}
