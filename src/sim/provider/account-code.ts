/**
 * The app code of an account as the service sees it, and its replay guard, for test suites that
 * play the phone: {@link accountCode} gives the code on the service's clock with at least
 * `minRemaining` seconds left in its step (else the next step's code, valid from that step's
 * start); {@link readLastStep} and {@link forgetLastStep} read and clear the last accepted step
 * (the RFC 6238 §5.2 replay guard), so a test can log in twice within one step on purpose.
 *
 * Never reachable by users: it hands out codes without a phone.
 */
import { generateCode, stepAt } from '../../core/code.js';
import { InvalidArgumentError, InvalidStateError, describeValue } from '../../core/errors.js';
import type { ProviderContext } from '../context.js';
import { accountKey, factorOf, type AccountRecord } from './accounts.js';
import { readArguments, readUsername } from './credentials.js';

/** A code of an account's app binding and the time it belongs to. */
export type AccountCode = {
  username: string;
  code: string;
  /** Its time step (RFC 6238 T). */
  step: number;
  /** When its step starts and ends (ms, the service's clock); the service's window accepts it a step either side too. */
  validFrom: number;
  validUntil: number;
  /** The TOTP period in seconds. */
  period: number;
  /** True when the service has already accepted this step or a later one: it would refuse this code as a replay. */
  spent: boolean;
};

/** The replay guard of an account. */
export type LastStep = {
  username: string;
  /** The last accepted step of its app binding, or -1 for none. */
  lastStep: number;
  /** The service's step now. */
  serverStep: number;
  /** The TOTP period in seconds. */
  period: number;
};

/**
 * The app code with at least `minRemaining` whole seconds (default 0, less than the period) left in
 * its step on the service's clock: the current step's code, or the next step's when fewer are
 * left. Counts nothing and changes nothing.
 * @returns null when there is no such account
 * @throws {InvalidStateError} when the account has no app binding
 * @throws {InvalidArgumentError} for a bad `minRemaining`
 */
export async function accountCode(ctx: ProviderContext, input: unknown): Promise<AccountCode | null> {
  const args = readArguments(input, 'accountCode');
  const username = readUsername(args['username']);
  const period = ctx.o.period;
  const minRemaining = args['minRemaining'] ?? 0;
  if (typeof minRemaining !== 'number' || !Number.isInteger(minRemaining) || minRemaining < 0 || minRemaining >= period)
    throw new InvalidArgumentError(
      `"minRemaining" must be a whole number of seconds from 0 to ${period - 1}, got ${describeValue(minRemaining)}`,
    );
  const account = await ctx.o.store.get<AccountRecord>(accountKey(username));
  if (account === undefined) return null;
  if (factorOf(account) !== 'app' || account.secret === null)
    throw new InvalidStateError(
      `account ${describeValue(username)} has no authenticator-app binding (its second factor is ${factorOf(account) ?? 'not set up'})`,
    );
  const now = ctx.now();
  const periodMs = period * 1000;
  const current = stepAt(now, period);
  const left = (current + 1) * periodMs - now;
  const step = left >= minRemaining * 1000 ? current : current + 1;
  const o = ctx.o;
  return {
    username,
    code: generateCode(account.secret, { counter: step, algorithm: o.algorithm, digits: o.digits }),
    step,
    validFrom: step * periodMs,
    validUntil: (step + 1) * periodMs,
    period,
    spent: step <= account.lastStep,
  };
}

/**
 * The last accepted step of an account's app binding.
 * @returns null when there is no such account
 */
export async function readLastStep(ctx: ProviderContext, username: unknown): Promise<LastStep | null> {
  const name = readUsername(username);
  const account = await ctx.o.store.get<AccountRecord>(accountKey(name));
  if (account === undefined) return null;
  return {
    username: name,
    lastStep: account.lastStep,
    serverStep: stepAt(ctx.now(), ctx.o.period),
    period: ctx.o.period,
  };
}

/**
 * Forgets the last accepted step, so a code of that step (or an earlier one still in the window)
 * is accepted once more; the wrong-code delay goes too, since a test that has just seen its replay
 * refused would otherwise meet that refusal's throttle instead. Recorded in the audit log.
 * @returns the guard as it is now (lastStep -1), or null when there is no such account
 */
export async function forgetLastStep(ctx: ProviderContext, username: unknown): Promise<LastStep | null> {
  const name = readUsername(username);
  let found = false;
  await ctx.o.store.update<AccountRecord>(accountKey(name), (account) => {
    found = account !== undefined;
    return account && { ...account, lastStep: -1, codeFailures: 0, codeBlockedUntil: 0 };
  });
  if (!found) return null;
  const now = ctx.now();
  ctx.audit.record(now, 'last-step-forgotten', name);
  return { username: name, lastStep: -1, serverStep: stepAt(now, ctx.o.period), period: ctx.o.period };
}
