/**
 * The trainer's picture of a typed code: which step it belonged to, worked out before the service
 * judges it, and the period, window and last accepted step the ruler draws.
 */
import { DEFAULT_PERIOD, DEFAULT_WINDOW, type StepView } from '../../index.js';
import type { DemoApp, TypedCode } from './app.js';

/** How far either side of the server's step a typed code is looked for. */
export const TYPED_SEARCH_STEPS = 20;

/**
 * Works out which step a typed code belonged to, before the service judges it (judging it spends
 * the step): the service's trainer view looks for the code under the account's key (or the
 * pending setup's key) over ±{@link TYPED_SEARCH_STEPS} steps. The service itself only says yes
 * or no; this is the picture behind its answer.
 */
export async function analyseTypedCode(
  app: DemoApp,
  username: string,
  code: string,
  pendingKey: boolean,
): Promise<Omit<TypedCode, 'accepted'>> {
  const status = await app.provider.accountStatus(username).catch(() => null);
  if (!pendingKey && status?.factor === 'email')
    return { username: username.trim(), step: null, serverStep: Math.floor(app.clock.now() / 30_000), email: true };
  const explained = await app.provider.explainCode({
    username,
    code,
    key: pendingKey ? 'pending' : 'current',
    searchSteps: TYPED_SEARCH_STEPS,
  });
  return { username: explained.username, step: explained.step, serverStep: explained.serverStep };
}

/** The service's period and window and an account's last accepted step (the replay guard). */
export async function stepsOf(
  app: DemoApp,
  username: string,
): Promise<Pick<StepView, 'period' | 'window' | 'lastStep'>> {
  // The server keeps its replay guard to itself: in a room the ruler shows the defaults and no used steps.
  if (app.room !== null) return { period: DEFAULT_PERIOD, window: DEFAULT_WINDOW, lastStep: -1 };
  return app.provider.inspect(username);
}
