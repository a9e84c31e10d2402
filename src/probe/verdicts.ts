/**
 * The rules and the verdicts: each measured field is judged against the rule it answers to, and
 * a skipped one says why. The rules, with their sources, are listed in docs/probe.md.
 */
import type { Language } from '../sim/language.js';
import { TEXTS, type SkipReason } from './texts.js';
import type { ProbeReport, ProbeVerdict, ProbeVerdictStatus } from './types.js';

/** The sources the verdicts cite. */
export const RULES = {
  window: 'RFC 6238 §5.2, §6',
  clock: 'RFC 6238 §6',
  replay: 'RFC 6238 §5.2',
  lockout: 'RFC 4226 §7.3; OWASP MFA Cheat Sheet',
  answer: 'OWASP MFA Cheat Sheet; Ügyfélkapu+',
  typed: 'Ügyfélkapu+',
  digits: 'RFC 4226 §5.3',
} as const;

/** The widest window each way that meets the rules: one step (RFC 6238 §5.2, Ügyfélkapu+). */
export const MAX_WINDOW = 1;

type Measured = Omit<ProbeReport, 'verdicts' | 'skipped' | 'schema' | 'language'>;

/** The verdicts on what was measured; `skips` are the measurements skipped, with their reasons. */
export function judge(m: Measured, skips: ReadonlyMap<string, SkipReason>, language: Language): ProbeVerdict[] {
  const t = TEXTS[language];
  const out: ProbeVerdict[] = [];
  const add = (id: string, status: ProbeVerdictStatus, rule: string, summary: string) =>
    out.push({ id, status, rule, summary });
  const { window: w, lockout: l } = m;
  if (w.behind !== null) {
    const wide = w.behind > MAX_WINDOW;
    add(
      'window.behind',
      wide ? 'fail' : w.behind === 0 ? 'warn' : 'pass',
      RULES.window,
      wide ? t.behindWide(w.behind, w.behind >= w.limit) : w.behind === 0 ? t.behindNone : t.behindPass(w.behind),
    );
  }
  if (w.ahead !== null) {
    const wide = w.ahead > MAX_WINDOW;
    add(
      'window.ahead',
      wide ? 'fail' : 'pass',
      RULES.window,
      wide ? t.aheadWide(w.ahead, w.ahead >= w.limit) : t.aheadPass(w.ahead),
    );
  }
  if (m.clock.offsetSeconds !== null)
    add(
      'clock.offset',
      Math.abs(m.clock.offsetSteps ?? 0) >= 1 ? 'warn' : 'info',
      RULES.clock,
      t.clock(m.clock.offsetSeconds),
    );
  const { sameStep, olderAfterNewer } = m.replay;
  if (sameStep !== null)
    add(
      'replay.sameStep',
      sameStep === 'refused' ? 'pass' : 'fail',
      RULES.replay,
      sameStep === 'refused' ? t.replayRefused : t.replayAccepted,
    );
  if (olderAfterNewer !== null)
    add(
      'replay.olderAfterNewer',
      olderAfterNewer === 'refused' ? 'pass' : 'fail',
      RULES.replay,
      olderAfterNewer === 'refused' ? t.olderRefused : t.olderAccepted,
    );
  if (l.wrongCodeAccepted) add('lockout.wrongCode', 'fail', RULES.lockout, t.wrongCodeAccepted);
  else if (!skips.has('lockout.after')) {
    if (l.after !== null) add('lockout.after', 'pass', RULES.lockout, t.lockedAfter(l.after, l.shownInAnswer));
    else if (l.atMost !== null) add('lockout.after', 'pass', RULES.lockout, t.lockedAtMost(l.atMost));
    else add('lockout.after', 'fail', RULES.lockout, t.noLock(l.tried));
  }
  if (l.rightCodeWhileLocked !== null) {
    const held = l.rightCodeWhileLocked === 'refused';
    const oneAttempt = !held && l.distinctAnswer !== null;
    add(
      'lockout.rightCodeWhileLocked',
      held ? 'pass' : 'fail',
      RULES.lockout,
      held ? t.lockHolds : oneAttempt ? t.lockOneAttempt : t.lockLetsRightCode,
    );
  }
  if (l.distinctAnswer !== null)
    add(
      'lockout.distinctAnswer',
      l.distinctAnswer ? 'fail' : 'pass',
      RULES.answer,
      l.distinctAnswer ? t.distinctAnswer : t.sameAnswer,
    );
  if (l.duration !== null)
    add('lockout.duration', 'info', RULES.lockout, t.duration(l.duration.atLeastMs, l.duration.atMostMs));
  for (const r of m.input) {
    if (r.outcome === null) continue;
    const accepted = r.outcome === 'accepted';
    const status: ProbeVerdictStatus =
      accepted === (r.expected === 'accepted') ? 'pass' : r.case === 'non-ascii-digits' ? 'warn' : 'fail';
    add(
      `input.${r.case}`,
      status,
      r.expected === 'accepted' ? RULES.typed : RULES.digits,
      t.input(r.case, r.sent, accepted),
    );
  }
  for (const [id, reason] of skips) add(id, 'skipped', ruleOf(id), t.skip[reason]);
  return out;
}

function ruleOf(id: string): string {
  if (id.startsWith('window')) return RULES.window;
  if (id.startsWith('clock')) return RULES.clock;
  if (id.startsWith('replay')) return RULES.replay;
  if (id === 'lockout.distinctAnswer') return RULES.answer;
  if (id.startsWith('lockout')) return RULES.lockout;
  return id.includes('space') ? RULES.typed : RULES.digits;
}

/** How many verdicts break a rule. */
export function failures(verdicts: readonly ProbeVerdict[]): number {
  return verdicts.filter((v) => v.status === 'fail').length;
}
