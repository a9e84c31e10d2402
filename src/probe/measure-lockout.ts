/**
 * Throttling and lockout (RFC 4226 §7.3). Each trial sends k wrong codes to a fresh account (k = 1,
 * 2, 4, 8, … up to the limit) and the right code at once after them: a throttle that delays the
 * next attempt by a second shows after one wrong code, before it runs out. A lock shows either in
 * the answer (the wrong codes' answer changes: a "locked" text) or in the right code being refused.
 * On the account where it shows, the right code is sent again at once (a lock that lifts after one
 * refused attempt does not hold) and retried as time passes (how long it lasts); the number of
 * wrong codes that starts it is then narrowed down on fresh accounts.
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

/** One trial: k wrong codes to a fresh account, then the right code. */
interface Trial {
  p: PoolAccount;
  /** Wrong codes sent (fewer than k when the answer changed first). */
  sent: number;
  wrongAccepted: boolean;
  /** The answer to the first wrong code. */
  first: Answer | null;
  /** Wrong codes before the answer changed; null when it did not. */
  visibleAfter: number | null;
  right: Answer | null;
  step: number;
  lastWrongAt: number;
}

export async function measureLockout(
  s: ProbeSession,
  center: number,
  lockoutWaitMs: number,
  maxWrong: number,
  evidence: ProbeAttempt[],
): Promise<LockoutOutcome> {
  // Locking the only account would lock its owner out: not without fresh accounts.
  if (s.source.single) return { findings: null, skipped: 'one-account' };
  const findings = noLockout();
  let unlocked = 0; // the most wrong codes known not to lock
  let locked: Trial | null = null;
  for (let k = 1; locked === null && unlocked < maxWrong; k = Math.min(maxWrong, k * 2)) {
    const t = await trial(s, k, center, evidence);
    if (t === null) {
      if (unlocked === 0) return { findings: null, skipped: 'no-account' };
      break;
    }
    findings.tried = t.sent;
    if (t.wrongAccepted) return { findings: { ...findings, wrongCodeAccepted: true }, skipped: null };
    if (t.visibleAfter !== null || !t.right!.accepted) locked = t;
    else unlocked = k;
  }
  if (locked === null) return { findings, skipped: null };
  const right = locked.right!;
  if (locked.visibleAfter !== null)
    Object.assign(findings, { shownInAnswer: true, after: locked.visibleAfter, atMost: locked.visibleAfter });
  if (right.accepted) {
    // Locked by its own answer, yet the right code passes.
    findings.rightCodeWhileLocked = 'accepted';
    return { findings, skipped: null };
  }
  findings.distinctAnswer = right.signature !== locked.first!.signature;
  const { p, step } = locked;
  if ((await s.send(p, s.code(p, step), step, evidence)).accepted) findings.rightCodeWhileLocked = 'accepted';
  else {
    findings.rightCodeWhileLocked = 'refused';
    findings.duration = await measureDuration(s, p, center, locked.lastWrongAt, lockoutWaitMs, evidence);
  }
  if (findings.after === null) {
    const threshold = await narrowDown(s, unlocked, locked.sent, center, evidence);
    if (typeof threshold === 'number') Object.assign(findings, { after: threshold, atMost: threshold });
    else findings.atMost = threshold.atMost;
  }
  return { findings, skipped: null };
}

/** k wrong codes to a fresh account (fewer if the answer changes), and the right code at once; null without an account. */
async function trial(s: ProbeSession, k: number, center: number, evidence: ProbeAttempt[]): Promise<Trial | null> {
  const p = await s.fresh();
  if (p === null) return null;
  // Time for the whole trial now: waiting for the next step between the wrong codes and the right
  // one would let a short throttle run out, and the lock be missed.
  await s.settle(p, k + 3);
  const t: Trial = {
    p,
    sent: 0,
    wrongAccepted: false,
    first: null,
    visibleAfter: null,
    right: null,
    step: 0,
    lastWrongAt: 0,
  };
  for (let i = 1; i <= k; i++) {
    const answer = await s.send(p, s.wrongCode(p), null, evidence);
    t.sent = i;
    t.lastWrongAt = s.now();
    if (answer.accepted) return { ...t, wrongAccepted: true };
    if (t.first === null) t.first = answer;
    else if (answer.signature !== t.first.signature) {
      t.visibleAfter = i - 1;
      break;
    }
  }
  t.step = s.stepNow(p.account) + center;
  t.right = await s.send(p, s.code(p, t.step), t.step, evidence);
  return t;
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
 * The fewest wrong codes after which the right code is refused, between `unlocked` (known not to
 * lock) and `locked` (known to), by halving on fresh accounts; `{ atMost }` when they ran out.
 */
async function narrowDown(
  s: ProbeSession,
  unlocked: number,
  locked: number,
  center: number,
  evidence: ProbeAttempt[],
): Promise<number | { atMost: number }> {
  let lo = unlocked;
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
