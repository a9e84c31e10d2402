/**
 * An older step's code after a newer one was accepted. Both codes are inside the window and
 * neither was used before, so only a verifier that keeps the last accepted step refuses the older
 * one, as RFC 6238 §5.2 asks ("The verifier MUST NOT accept the second attempt of the OTP after
 * the successful validation has been issued for the first OTP"). A verifier that keeps a list of
 * the codes it has seen, rather than the step, accepts it.
 */
import type { ProbeSession } from './session.js';
import type { ProbeAttempt } from './types.js';

export type OrderOutcome =
  { outcome: 'accepted' | 'refused' } | { outcome: null; reason: 'one-step-window' | 'no-account' | 'newer-refused' };

/**
 * @param from lowest offset the window accepts, `to` the highest, `center` the one accepted first
 */
export async function measureOlderAfterNewer(
  s: ProbeSession,
  window: { from: number; to: number; center: number },
  evidence: ProbeAttempt[],
): Promise<OrderOutcome> {
  const { from, to, center } = window;
  // The pair nearest the center: (center + 1, center) or (center, center - 1).
  const pair = to >= center + 1 ? [center + 1, center] : from <= center - 1 ? [center, center - 1] : null;
  if (pair === null) return { outcome: null, reason: 'one-step-window' };
  const [newer, older] = pair as [number, number];
  const p = await s.take(s.stepNow(s.pool[0]!.account) + older);
  if (p === null) return { outcome: null, reason: 'no-account' };
  const base = await s.settle(p, 2);
  if (p.lastAccepted >= base + older) return { outcome: null, reason: 'no-account' };
  if (!(await s.send(p, s.code(p, base + newer), base + newer, evidence)).accepted)
    return { outcome: null, reason: 'newer-refused' };
  const answer = await s.send(p, s.code(p, base + older), base + older, evidence);
  return { outcome: answer.accepted ? 'accepted' : 'refused' };
}
