/**
 * probeVerifier: audits someone else's TOTP verifier against RFC 6238, RFC 4226 and the rules
 * Ügyfélkapu+ keeps, by playing the phone. The measurements run in an order where none spoils
 * another: the current code and its replay, the window ahead and behind, an older code after a
 * newer one, the input cases, and last the lockout, which locks accounts on purpose. Measurements
 * that need accounts of their own get fresh ones; with one given account, those are skipped.
 */
import { createAccountSource } from './account-source.js';
import { ProbeBudgetError, ProbeTargetError } from './errors.js';
import { measureInput } from './measure-input.js';
import { measureLockout, noLockout, type LockoutFindings } from './measure-lockout.js';
import { measureOlderAfterNewer } from './measure-order.js';
import { findBaseline, measureAhead, measureBehind, measureReplay } from './measure-window.js';
import { readProbeOptions, type ResolvedOptions } from './options.js';
import { ProbeSession } from './session.js';
import { createTarget, type Target } from './target.js';
import type { SkipReason } from './texts.js';
import type { ProbeAccounts, ProbeAttempt, ProbeInputResult, ProbeOptions, ProbeReport } from './types.js';
import { judge } from './verdicts.js';

/**
 * Probes a verifier and reports what it does, each finding with its verdict, the rule it meets or
 * breaks, and the requests that show it. A verifier that breaks rules is a normal result.
 * @returns the report (see docs/probe.md for its JSON schema)
 * @throws {InvalidArgumentError} for options of the wrong type or out of range
 * @throws {ProbeTargetError} when the target cannot be reached or used: no {code} in its template,
 *   a host that does not answer, an enrolment without a key URI, the current code refused
 * @example
 * const report = await probeVerifier({
 *   target: { kind: 'function', verify: (code, account) => myVerifier.check(account.username, code) },
 *   accounts: { kind: 'enroll', via: { kind: 'function', enroll: () => myVerifier.enrol() } },
 * });
 * report.replay.sameStep; // 'refused'
 */
export async function probeVerifier(options: ProbeOptions): Promise<ProbeReport> {
  const o = readProbeOptions(options);
  const target = createTarget(o.target, o.timeoutMs);
  const accounts = o.accounts ?? defaultAccounts(target);
  const source = createAccountSource(accounts, o.random, o.timeoutMs, o.decodeImage);
  const s = new ProbeSession(target, source, {
    clock: o.clock,
    wait: o.wait,
    random: o.random,
    maxRequests: o.maxRequests,
    maxAccounts: o.maxAccounts,
    maxSteps: o.maxSteps,
  });
  const skips = new Map<string, SkipReason>();
  const noAccount: SkipReason = source.single ? 'one-account' : 'no-account';
  const guard = async <T>(ids: readonly string[], run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ProbeBudgetError)) throw error;
      for (const id of ids) skips.set(id, 'budget');
      return null;
    }
  };
  const ev = { window: [] as ProbeAttempt[], replay: [] as ProbeAttempt[], lockout: [] as ProbeAttempt[] };

  const baseline = await findBaseline(s, ev.window);
  const center = baseline.center;
  const sameStep = await guard(['replay.sameStep'], () => measureReplay(s, baseline, ev.replay));
  const to = await guard(['window.ahead'], () => measureAhead(s, center, ev.window));
  const from = await guard(['window.behind'], () => measureBehind(s, center, ev.window));
  if (to === null && !skips.has('window.ahead')) skips.set('window.ahead', noAccount);
  if (from === null && !skips.has('window.behind')) skips.set('window.behind', noAccount);
  const window = { from: from ?? center, to: to ?? center, center };

  let olderAfterNewer: 'accepted' | 'refused' | null = null;
  if (from === null || to === null) skips.set('replay.olderAfterNewer', source.single ? noAccount : 'window-unknown');
  else {
    const order = await guard(['replay.olderAfterNewer'], () => measureOlderAfterNewer(s, window, ev.replay));
    if (order?.outcome === null)
      skips.set('replay.olderAfterNewer', order.reason === 'no-account' ? noAccount : order.reason);
    else if (order) olderAfterNewer = order.outcome;
  }

  const input = (await guard(['input'], () => measureInput(s, window))) ?? [];
  for (const r of input) if (r.outcome === null) skips.set(`input.${r.case}`, noAccount);

  const lockout = await guard(['lockout.after'], () =>
    measureLockout(s, center, o.lockoutWaitMs, o.maxWrongCodes, ev.lockout),
  );
  if (lockout?.skipped) skips.set('lockout.after', lockout.skipped === 'one-account' ? 'one-account' : noAccount);
  const findings = lockout?.findings ?? noLockout();
  // A function answers only true or false: its answers cannot differ.
  if (!target.hasAnswerText) findings.distinctAnswer = null;
  if (lockout?.findings) skipLockoutParts(findings, skips);

  return report(s, o, accounts.kind, { from, to, sameStep, olderAfterNewer, input, findings, skips, ev });
}

/** The report of what was measured, with the verdicts. */
function report(
  s: ProbeSession,
  o: ResolvedOptions,
  source: ProbeAccounts['kind'],
  m: {
    from: number | null;
    to: number | null;
    sameStep: 'accepted' | 'refused' | null;
    olderAfterNewer: 'accepted' | 'refused' | null;
    input: ProbeInputResult[];
    findings: LockoutFindings;
    skips: Map<string, SkipReason>;
    ev: Record<'window' | 'replay' | 'lockout', ProbeAttempt[]>;
  },
): ProbeReport {
  const first = s.pool[0]!.account.info;
  const { from, to } = m;
  const offsetSteps = from === null || to === null ? null : (from + to) / 2;
  const measured = {
    target: { kind: s.target.kind, description: s.target.description },
    accounts: { source, used: s.pool.length, algorithm: first.algorithm, digits: first.digits, period: first.period },
    requests: s.requests,
    enrolments: s.source.enrolments,
    elapsedMs: s.elapsedMs(),
    window: {
      behind: from === null ? null : Math.max(0, -from),
      ahead: to === null ? null : Math.max(0, to),
      limit: o.maxSteps,
      evidence: m.ev.window,
    },
    clock: { offsetSteps, offsetSeconds: offsetSteps === null ? null : offsetSteps * first.period },
    replay: { sameStep: m.sameStep, olderAfterNewer: m.olderAfterNewer, evidence: m.ev.replay },
    lockout: { ...m.findings, evidence: m.ev.lockout },
    input: m.input,
  };
  return {
    schema: 'totp-lab.probe/1',
    language: o.language,
    ...measured,
    skipped: [...m.skips].map(([measurement, reason]) => ({ measurement, reason })),
    verdicts: judge(measured, m.skips, o.language),
  };
}

/** Accounts made up by the probe work only for a verifier that is told the secret with each code. */
function defaultAccounts(target: Target): ProbeAccounts {
  if (target.takesSecret) return { kind: 'generate' };
  throw new ProbeTargetError(
    'the probe needs accounts the verifier knows: give an enrolment or a secret (or use {secret} in the target so the probe can make them up)',
  );
}

/** The parts of the lockout measurement that had nothing to measure, and why. */
function skipLockoutParts(f: LockoutFindings, skips: Map<string, SkipReason>): void {
  if (f.wrongCodeAccepted) return;
  const locked = f.after !== null || f.atMost !== null;
  if (!locked) {
    skips.set('lockout.rightCodeWhileLocked', 'no-lock');
    skips.set('lockout.distinctAnswer', 'no-lock');
  } else if (f.distinctAnswer === null)
    skips.set(
      'lockout.distinctAnswer',
      f.rightCodeWhileLocked === 'refused' ? 'no-answer-text' : 'right-code-accepted',
    );
}
