/**
 * How the verifier reads what people type: the right code as the app shows it ("123 456") and as
 * pasted with white space around it should be accepted; one digit short, one digit long (with a
 * leading zero, which a verifier comparing numbers accepts), the same digits in another script
 * (full-width, as an East Asian input method types them) and an empty code should not. Each case
 * expected to be refused uses an account of its own, since a refusal may start a throttle.
 */
import type { PoolAccount, ProbeSession } from './session.js';
import type { InputCase, ProbeAttempt, ProbeInputResult } from './types.js';

interface CaseSpec {
  case: InputCase;
  expected: 'accepted' | 'refused';
  /** What is typed for the right code; null for a case with no code in it. */
  typed: ((code: string) => string) | null;
}

/** The cases in the order they are sent: those expected to be accepted first. */
export const INPUT_CASES: readonly CaseSpec[] = [
  {
    case: 'space-inside',
    expected: 'accepted',
    typed: (c) => `${c.slice(0, c.length >> 1)} ${c.slice(c.length >> 1)}`,
  },
  { case: 'surrounding-space', expected: 'accepted', typed: (c) => ` ${c} ` },
  { case: 'one-digit-short', expected: 'refused', typed: (c) => c.slice(0, -1) },
  { case: 'one-digit-long', expected: 'refused', typed: (c) => `0${c}` },
  {
    case: 'non-ascii-digits',
    expected: 'refused',
    typed: (c) => String.fromCharCode(...[...c].map((d) => 0xff10 + Number(d))),
  },
  { case: 'empty', expected: 'refused', typed: null },
];

/**
 * @param window the offsets the verifier accepts (relative to the probe's clock)
 * @returns one result per case; outcome null for a case no account was left for
 */
export async function measureInput(
  s: ProbeSession,
  window: { from: number; to: number; center: number },
): Promise<ProbeInputResult[]> {
  const evidence: ProbeAttempt[] = [];
  const results: ProbeInputResult[] = [];
  for (const spec of INPUT_CASES) {
    const slot = await accountWithStep(s, window);
    if (slot === null) {
      results.push({ case: spec.case, sent: '', expected: spec.expected, outcome: null, answer: null });
      continue;
    }
    const { p, step } = slot;
    const typed = spec.typed === null ? '' : spec.typed(s.code(p, step));
    const answer = await s.send(p, typed, spec.typed === null ? null : step, evidence);
    const outcome = answer.accepted ? 'accepted' : 'refused';
    results.push({ case: spec.case, sent: typed, expected: spec.expected, outcome, answer: evidence.at(-1)!.answer });
  }
  return results;
}

/** A clean account and the lowest step inside the window that it has not spent yet. */
async function accountWithStep(
  s: ProbeSession,
  window: { from: number; to: number; center: number },
): Promise<{ p: PoolAccount; step: number } | null> {
  for (let tries = 0; tries < 2; tries++) {
    const base = s.stepNow(s.pool[0]!.account);
    const p = tries === 0 ? await s.take(base + window.to) : await s.fresh();
    if (p === null) return null;
    const now = await s.settle(p, 1);
    const step = Math.max(now + window.center, p.lastAccepted + 1);
    if (step <= now + window.to) return { p, step };
  }
  return null;
}
