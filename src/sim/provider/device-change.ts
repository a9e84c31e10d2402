/**
 * "Beállítás másik eszközre": a logged-in user (password + a current code from the bound phone)
 * starts a new binding; it is confirmed and finished as an enrollment (enrollment.ts), and the old
 * binding keeps working until Befejezés.
 */
import type { ProviderContext, Refusal } from '../context.js';
import { readArguments, readCode, readCredentials } from './credentials.js';
import { createPending, type EnrollmentStarted } from './enrollment.js';
import { decidePassword } from './password.js';
import { passSecondFactor } from './second-factor.js';

/** Password + current code → a pending device change. */
export async function startDeviceChange(ctx: ProviderContext, input: unknown): Promise<EnrollmentStarted | Refusal> {
  const args = readArguments(input, 'startDeviceChange');
  const { username, password } = readCredentials(args);
  const code = readCode(args['code'], 'code');
  // The same two steps as login, with the same audit events and the same generic refusal.
  const refused = await decidePassword(ctx, 'startDeviceChange', username, password, 'login-refused');
  if (refused) return refused;
  const loggedIn = await passSecondFactor(ctx, username, code, 'login-ok', 'login-refused');
  if (!loggedIn.ok) return loggedIn;
  return createPending(ctx, username, 'device-change');
}
