/**
 * Login: password + code in one call, and its two steps alone (the password page, then the code
 * page) for servers that split them. Every reason a prober could learn from gets the same generic
 * refusal; the reason goes to the audit log only.
 */
import type { ProviderContext, Refusal } from '../context.js';
import { accountKey, factorOf, type AccountRecord, type SecondFactorKind } from './accounts.js';
import { readArguments, readCode, readCredentials, readUsername } from './credentials.js';
import { decidePassword } from './password.js';
import { passwordAge, type PasswordWarning } from './password-age.js';
import { passSecondFactor, type LoginOk } from './second-factor.js';

/**
 * The password step alone passed: the code step may follow. `secondFactor` says which code page
 * comes next (for 'email', call sendEmailCode); `passwordWarning` when the password expires soon.
 */
export type PasswordOk = {
  ok: true;
  username: string;
  secondFactor: SecondFactorKind | null;
  passwordWarning?: PasswordWarning;
};

/** Password + current code. */
export async function login(ctx: ProviderContext, input: unknown): Promise<LoginOk | Refusal> {
  const args = readArguments(input, 'login');
  const { username, password } = readCredentials(args);
  const code = readCode(args['code'], 'code');
  const refused = await decidePassword(ctx, 'login', username, password, 'login-refused');
  if (refused) return refused;
  const result = await passSecondFactor(ctx, username, code, 'login-ok', 'login-refused');
  if (!result.ok) return result;
  // Asked only after the code: a warning of the schedule is given once, so it must be seen.
  const age = await passwordAge(ctx, username);
  return age !== null && age !== 'expired' ? { ...result, passwordWarning: age } : result;
}

/** The code step alone (no password hashing: cheap), with the same replay guard and throttle. */
export async function verifySecondFactor(ctx: ProviderContext, input: unknown): Promise<LoginOk | Refusal> {
  const args = readArguments(input, 'verifySecondFactor');
  const username = readUsername(args['username']);
  const code = readCode(args['code'], 'code');
  const fault = await ctx.faultRefusal('verifySecondFactor', username);
  if (fault) return fault;
  return passSecondFactor(ctx, username, code, 'second-factor-ok', 'second-factor-refused', true);
}

/** The password step alone, with the same lockout and generic refusal. */
export async function verifyPassword(ctx: ProviderContext, input: unknown): Promise<PasswordOk | Refusal> {
  const args = readArguments(input, 'verifyPassword');
  const { username, password } = readCredentials(args);
  const refused = await decidePassword(ctx, 'verifyPassword', username, password, 'login-refused');
  if (refused) return refused;
  const age = await passwordAge(ctx, username);
  const account = await ctx.o.store.get<AccountRecord>(accountKey(username));
  const secondFactor = account ? factorOf(account) : null;
  return age !== null && age !== 'expired'
    ? { ok: true, username, secondFactor, passwordWarning: age }
    : { ok: true, username, secondFactor };
}
