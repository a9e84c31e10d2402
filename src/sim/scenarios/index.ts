// totp-lab/scenarios: the trainer scenarios, kept out of the main entry so that the texts in two
// languages do not weigh on apps that only need TOTP and the provider.

/** The trainer scenarios, in the order a session would show them. */
import { activationDelay } from './activation-delay.js';
import { clockDrift } from './clock-drift.js';
import { dapIsNotUgyfelkapu } from './dap-is-not-ugyfelkapu.js';
import { deletionCodeNotSaved } from './deletion-code-not-saved.js';
import { emailCodeLate } from './email-code-late.js';
import { fakeAuthenticator } from './fake-authenticator.js';
import { happyPath } from './happy-path.js';
import { lockout } from './lockout.js';
import { lostPhone } from './lost-phone.js';
import { lostPhoneEmail } from './lost-phone-email.js';
import { passwordExpiredLock } from './password-expired-lock.js';
import { passwordExpiryWarning } from './password-expiry-warning.js';
import { phishingEmail } from './phishing-email.js';
import { replay } from './replay.js';
import { sameQrTwoApps } from './same-qr-two-apps.js';
import { secondPhoneRight } from './second-phone-right.js';
import { secondPhoneWrong } from './second-phone-wrong.js';
import { serviceDown } from './service-down.js';
import { transfer } from './transfer.js';
import type { Scenario } from './types.js';

export const SCENARIOS: readonly Scenario[] = [
  happyPath,
  activationDelay,
  secondPhoneRight,
  secondPhoneWrong,
  transfer,
  deletionCodeNotSaved,
  lostPhone,
  clockDrift,
  replay,
  lockout,
  dapIsNotUgyfelkapu,
  serviceDown,
  emailCodeLate,
  lostPhoneEmail,
  passwordExpiryWarning,
  passwordExpiredLock,
  sameQrTwoApps,
  fakeAuthenticator,
  phishingEmail,
];

/** A scenario by its id, or undefined. */
export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

export { startScenario, runScenario, DEFAULT_START_TIME } from './runner.js';
export type { ScenarioReport, ScenarioRun } from './runner.js';
export type {
  Scenario,
  ScenarioStep,
  ScenarioEvent,
  ScenarioContext,
  StepOutcome,
  RunOptions,
  Localized,
} from './types.js';
export { createDapService } from '../dap.js';
export type { DapService, DapResult } from '../dap.js';
