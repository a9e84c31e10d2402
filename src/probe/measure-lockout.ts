/**
 * Throttling and lockout (RFC 4226 §7.3): wrong codes are sent to a fresh account until its
 * answer changes or the limit is reached, then the right code. A lock shows either in the answer
 * (a "locked" text) or in the right code being refused; then the right code is sent again at once
 * (a lock that lifts after one refused attempt does not hold), retried as time passes (how long it
 * lasts), and the number of wrong codes that starts it is narrowed down on fresh accounts.
 */
import type { PoolAccount, ProbeSession } from './session.js';
import type { Answer } from './target.js';
import type { ProbeAttempt, ProbeReport } from './types.js';

export type LockoutFindings = Omit<ProbeReport['lockout'], 'evidence'>;

export type LockoutOutcome =
  { findings: LockoutFindings; skipped: null } | { findings: null; skipped: 'one-account' | 'no-account' };

/** Findings before anything is measured (and when nothing could be). */
export function noLockout(): LockoutFindings {
  return {
    after: null,
    atMost: null,
    tried: 0,
    wrongCodeAccepted: false,
    shownInAnswer: false,
    distinctAnswer: null,
    rightCodeWhileLocked: null,
    duration: null,
  };
}

/** Real-time retries after the last wrong code, in ms (cut at the wait allowed). */
const REAL_RETRIES = [250, 500, 1000, 2000, 4000, 8000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000];
/** With a clock that moves by hand: 1 s doubling up to about a day. */
const MOVED_RETRIES = Array.from({ length: 18 }, (_, i) => 1000 * 2 ** i);

export async function measureLockout(
  s: ProbeSession,
  center: number,
  lockoutWaitMs: number,
  maxWrong: number,
  evidence: ProbeAttempt[],
): Promise<LockoutOutcome> {
  // Locking the only account would lock its owner out: not without fresh accounts.
  if (s.source.single) return { findings: null, skipped: 'one-account' };
  const p = await s.fresh();
  if (p === null) return { findings: null, skipped: 'no-account' };
  const findings = noLockout();
  let first: Answer | null = null;
  let visibleAfter: number | null = null;
  // Time for the whole run now: waiting for the next step between the wrong codes and the right
  // one would let a short throttle run out, and the lock be missed.
  await s.settle(p, maxWrong + 3);
  let lastWrongAt = s.now();
  for (let i = 1; i <= maxWrong; i++) {
    const answer = await s.send(p, s.wrongCode(p), null, evidence);
    findings.tried = i;
    lastWrongAt = s.now();
    if (answer.accepted) return { findings: { ...findings, wrongCodeAccepted: true }, skipped: null };
    if (first === null) first = answer;
    else if (answer.signature !== first.signature) {
      visibleAfter = i - 1;
      findings.shownInAnswer = true;
      break;
    }
  }
  const step = s.stepNow(p.account) + center;
  const right = await s.send(p, s.code(p, step), step, evidence);
  if (right.accepted) {
    // Locked by its own answer, yet the right code passes; or no lock at all.
    if (visibleAfter !== null)
      Object.assign(findings, { after: visibleAfter, atMost: visibleAfter, rightCodeWhileLocked: 'accepted' });
    return { findings, skipped: null };
  }
  findings.distinctAnswer = right.signature !== first!.signature;
  const again = await s.send(p, s.code(p, step), step, evidence);
  if (again.accepted) findings.rightCodeWhileLocked = 'accepted';
  else {
    findings.rightCodeWhileLocked = 'refused';
    findings.duration = await measureDuration(s, p, center, lastWrongAt, lockoutWaitMs, evidence);
  }
  const threshold = visibleAfter ?? (await narrowDown(s, findings.tried, center, evidence));
  if (typeof threshold === 'number') Object.assign(findings, { after: threshold, atMost: threshold });
  else findings.atMost = threshold.atMost;
  return { findings, skipped: null };
}

/** Retries the right code as time passes, until accepted or the wait allowed is over. */
async function measureDuration(
  s: ProbeSession,
  p: PoolAccount,
  center: number,
  lastWrongAt: number,
  lockoutWaitMs: number,
  evidence: ProbeAttempt[],
): Promise<{ atLeastMs: number; atMostMs: number | null }> {
  let atLeastMs = Math.max(0, s.now() - lastWrongAt);
  const retries = s.clockMoves ? MOVED_RETRIES : REAL_RETRIES.filter((ms) => ms < lockoutWaitMs).concat(lockoutWaitMs);
  for (const after of retries) {
    const ahead = lastWrongAt + after - s.now();
    if (ahead > 0) await s.pass(ahead);
    const step = (await s.settle(p, 1)) + center;
    const answer = await s.send(p, s.code(p, step), step, evidence);
    const elapsed = s.now() - lastWrongAt;
    if (answer.accepted) return { atLeastMs, atMostMs: elapsed };
    atLeastMs = elapsed;
  }
  return { atLeastMs, atMostMs: null };
}

/**
 * The fewest wrong codes after which the right code is refused, by halving [0, `locked`] on fresh
 * accounts; `{ atMost }` when the accounts ran out first.
 */
async function narrowDown(
  s: ProbeSession,
  locked: number,
  center: number,
  evidence: ProbeAttempt[],
): Promise<number | { atMost: number }> {
  let lo = 0;
  let hi = locked;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const p = await s.fresh();
    if (p === null) return { atMost: hi };
    await s.settle(p, mid + 2);
    for (let i = 0; i < mid; i++) await s.send(p, s.wrongCode(p), null, evidence);
    const step = s.stepNow(p.account) + center;
    if ((await s.send(p, s.code(p, step), step, evidence)).accepted) lo = mid;
    else hi = mid;
  }
  return hi;
}
