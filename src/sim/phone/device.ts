/**
 * What every function on a virtual phone works on: its plain-data state and the things it was
 * handed (clock, camera, random source, language). The facade (authenticator.ts) holds one of these;
 * the functions in accounts.ts and transfers.ts take it as their first argument.
 */
import { checkTime, type Clock } from '../../core/clock.js';
import { generateCode, secondsLeft } from '../../core/code.js';
import { InvalidArgumentError, InvalidStateError, describeValue } from '../../core/errors.js';
import type { QrCamera } from '../../core/image.js';
import { checkList } from '../../core/input.js';
import type { RandomSource } from '../../core/random.js';
import type { Language } from '../language.js';
import { PHONE_MESSAGES, type PhoneMessages } from '../phone-messages.js';
import type { PhoneAccount, PhoneState } from '../phone-state.js';
import type { AccountView } from '../phone-types.js';
import { AUTHENTICATOR_APPS, DEFAULT_AUTHENTICATOR_APP, type AuthenticatorApp } from './apps.js';

/** A phone's state and surroundings (not part of the public API). */
export interface PhoneDevice {
  readonly state: PhoneState;
  readonly clock: Clock;
  readonly camera: QrCamera | undefined;
  readonly random: RandomSource;
  language: Language;
}

/** The app the phone runs. */
export const appOf = (phone: PhoneDevice): AuthenticatorApp =>
  AUTHENTICATOR_APPS[phone.state.app ?? DEFAULT_AUTHENTICATOR_APP];

/** What the phone says, in its language. */
export const say = (phone: PhoneDevice): PhoneMessages => PHONE_MESSAGES[phone.language];

/** The phone's own time in ms: the clock plus the drift, never before the epoch. */
export function phoneNow(phone: PhoneDevice): number {
  return Math.max(0, checkTime(phone.clock.now(), 'clock.now()') + phone.state.driftMs);
}

/** The account with `id`. @throws {InvalidArgumentError} for an unknown id */
export function findAccount(phone: PhoneDevice, id: string): PhoneAccount {
  const account = phone.state.accounts.find((a) => a.id === id);
  if (!account) throw new InvalidArgumentError(`"id" must name an account on this phone, got ${describeValue(id)}`);
  return account;
}

/** The accounts with `ids`, or all of them. */
export function selectAccounts(phone: PhoneDevice, ids: readonly string[] | undefined): PhoneAccount[] {
  if (ids === undefined) return [...phone.state.accounts];
  return checkList(ids, 'ids').map((id) => findAccount(phone, id));
}

/** An account as the app's list shows it at `time`: no secret, the code and the time it has left. */
export function viewAccount(phone: PhoneDevice, a: PhoneAccount, time = phoneNow(phone)): AccountView {
  const params = { algorithm: a.algorithm, digits: a.digits, ...(a.type === 'steam' && { encoder: 'steam' as const }) };
  const timeBased = a.type !== 'hotp';
  const code = timeBased
    ? generateCode(a.secret, { ...params, period: a.period!, time })
    : a.shownCounter === null
      ? null
      : generateCode(a.secret, { ...params, counter: a.shownCounter });
  return {
    id: a.id,
    type: a.type,
    issuer: a.issuer,
    account: a.account,
    algorithm: a.algorithm,
    digits: a.digits,
    period: a.period,
    counter: a.counter,
    code,
    secondsLeft: timeBased ? secondsLeft(time, a.period!) : null,
  };
}

/** The camera. @throws {InvalidStateError} when the phone has none */
export function needCamera(phone: PhoneDevice): QrCamera {
  if (!phone.camera)
    throw new InvalidStateError(
      'this phone has no camera: pass { camera } to createAuthenticator (totp-lab/qr makes one)',
    );
  return phone.camera;
}
