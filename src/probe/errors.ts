/**
 * The one error of the probe: the target or the accounts cannot be used as given (a host that does
 * not answer, a command that does not start, an enrolment answer without a key URI, a verifier that
 * refuses the current code of a fresh account). A verifier that breaks a rule is not an error: it
 * is a finding in the report.
 */
import { TotpLabError } from '../core/errors.js';

export class ProbeTargetError extends TotpLabError {
  override name = 'ProbeTargetError' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    // The target is an argument of the probe; it is unusable as given.
    super('INVALID_ARGUMENT', message, options);
  }
}

/** The request budget is spent: the measurement under way stops and is reported as skipped. */
export class ProbeBudgetError extends Error {
  override name = 'ProbeBudgetError' as const;
}

/** One line, no control characters, at most `max` characters: for texts a target sent back. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
