// totp-lab/testing: deterministic randomness, clocks and boundary-safe codes for test suites.
// Nothing here is meant for production code.

export { seededRandom } from './seeded-random.js';
export { fakeTimersClock } from './fake-timers-clock.js';
export { codeAt, codeForStep, nextCode } from './codes.js';
export { freshCode, DEFAULT_MIN_REMAINING } from './fresh-code.js';
export { manualClock, systemClock } from '../core/clock.js';

export type { Seed } from './seeded-random.js';
export type { FakeTimers, AdvancingClock } from './fake-timers-clock.js';
export type { TotpOptions, TimeInput, NextCodeOptions, NextCode } from './codes.js';
export type { FreshCodeOptions, FreshCode } from './fresh-code.js';
export type { Clock, ManualClock } from '../core/clock.js';

export { createTestProvider, TEST_START_TIME } from './test-provider.js';
export type { TestProvider, TestProviderOptions, EnrolledUser } from './test-provider.js';

// The audit of someone else's verifier (src/probe/, also run by `totp-lab probe`).
export { probeVerifier } from '../probe/probe.js';
export { ProbeTargetError } from '../probe/errors.js';
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
} from '../probe/types.js';
