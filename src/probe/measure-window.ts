/**
 * The current code, replay within its step, and the window: which steps behind and ahead of the
 * probe's clock the verifier accepts. Codes of other steps are computed from the secret, so
 * nothing waits. Accepting step s spends s and every earlier step (RFC 6238 §5.2), so the steps
 * ahead are tried upward on one account, and each step behind on an account of its own; the
 * search each way stops at the first refused step (a window is one run of steps).
 */
import { ProbeTargetError } from './errors.js';
import type { PoolAccount, ProbeSession } from './session.js';
import type { ProbeAttempt } from './types.js';

export interface Baseline {
  /** The account that accepted the current code. */
  account: PoolAccount;
  /** The step offset (relative to the probe's clock) that was accepted: 0 unless the verifier's clock is off. */
  center: number;
  /** The absolute step accepted, and the code sent for it. */
  step: number;
  code: string;
  /** How it was accepted, for the replay's evidence. */
  attempt: ProbeAttempt;
}

/** Offsets tried, in order, until one is accepted on a fresh account. */
const BASELINE_OFFSETS = [0, 1, -1];

/**
 * Sends the current code to a fresh account; when refused, the code one step ahead and one behind
 * (each on a fresh account), for a verifier whose clock is off.
 * @throws {ProbeTargetError} when none is accepted: the target, the template or the account is wrong
 */
export async function findBaseline(s: ProbeSession, evidence: ProbeAttempt[]): Promise<Baseline> {
  let last = '';
  for (const center of BASELINE_OFFSETS) {
    const p = await s.take(null);
    if (p === null) break;
    const step = (await s.settle(p, 2)) + center;
    const code = s.code(p, step);
    const answer = await s.send(p, code, step, evidence);
    if (answer.accepted) return { account: p, center, step, code, attempt: evidence.at(-1)! };
    last = answer.shown;
  }
  throw new ProbeTargetError(
    `the verifier refused the current code of ${s.source.single ? 'the account' : 'fresh accounts'} (and the codes one step either side): ${last}; check the target, the account and the verifier's clock`,
  );
}

/** The same code again, right after it was accepted: RFC 6238 §5.2 says it must be refused. */
export async function measureReplay(
  s: ProbeSession,
  baseline: Baseline,
  evidence: ProbeAttempt[],
): Promise<'accepted' | 'refused'> {
  evidence.push(baseline.attempt);
  const answer = await s.send(baseline.account, baseline.code, baseline.step, evidence);
  return answer.accepted ? 'accepted' : 'refused';
}

/**
 * Tries the steps after the center upward on one account until one is refused.
 * @returns the highest offset accepted, or null when no account was left to try with
 */
export async function measureAhead(s: ProbeSession, center: number, evidence: ProbeAttempt[]): Promise<number | null> {
  const first = s.pool[0]!;
  const p = await s.take(s.stepNow(first.account) + center + 1);
  if (p === null) return null;
  const base = await s.settle(p, s.o.maxSteps + 2);
  let to = center;
  for (let d = center + 1; d <= s.o.maxSteps; d++) {
    const step = base + d;
    if (p.lastAccepted >= step || p.spoiled) break;
    if (!(await s.send(p, s.code(p, step), step, evidence)).accepted) break;
    to = d;
  }
  return to;
}

/**
 * Tries the steps before the center downward, each on a fresh account, until one is refused.
 * @returns the lowest offset accepted, or null when no fresh account was left for the first try
 */
export async function measureBehind(s: ProbeSession, center: number, evidence: ProbeAttempt[]): Promise<number | null> {
  let from = center;
  for (let d = center - 1; d >= -s.o.maxSteps; d--) {
    const first = s.pool[0]!;
    const p = await s.take(s.stepNow(first.account) + d);
    if (p === null) return d === center - 1 ? null : from;
    const step = (await s.settle(p, 1)) + d;
    if (p.lastAccepted >= step) return from;
    if (!(await s.send(p, s.code(p, step), step, evidence)).accepted) break;
    from = d;
  }
  return from;
}
