// The audit of someone else's TOTP verifier, offered by totp-lab/testing and run by `totp-lab probe`.

export { probeVerifier } from './probe.js';
export { ProbeTargetError } from './errors.js';

export type {
  ProbeOptions,
  ProbeTarget,
  ProbeAccounts,
  EnrolSource,
  HttpTemplate,
  VerifyFunction,
  CommandRunner,
  ProbeAccountInfo,
  ProbeReport,
  ProbeVerdict,
  ProbeVerdictStatus,
  ProbeAttempt,
  ProbeInputResult,
  InputCase,
} from './types.js';
