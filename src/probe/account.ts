/**
 * One account as the probe holds it: what a function target and the templates see, the prepared
 * secret the probe computes codes with, and the enrolment answer's other fields (placeholders).
 */
import { generateCode, stepAt } from '../core/code.js';
import { buildKeyUri, parseKeyUri } from '../core/key-uri.js';
import { prepareSecret, type PreparedSecret } from '../core/prepared-secret.js';
import { ProbeTargetError } from './errors.js';
import type { ProbeAccountInfo } from './types.js';

export interface Account {
  /** 1-based, in the order the probe got them. */
  number: number;
  info: ProbeAccountInfo;
  prepared: PreparedSecret;
  /** The enrolment answer's other text fields, usable as placeholders ({password}, {token}, …). */
  fields: Readonly<Record<string, string>>;
  /** Values never to show: the secret and the fields the templates use besides username and code. */
  secrets: readonly string[];
}

/**
 * An account from a key URI.
 * @throws {ProbeTargetError} for an HOTP URI (the probe checks time-based verifiers)
 * @throws {InvalidKeyUriError} for a malformed URI
 */
export function accountFromKeyUri(
  number: number,
  keyUri: string,
  fields: Readonly<Record<string, string>> = {},
  username?: string,
): Account {
  const parsed = parseKeyUri(keyUri);
  if (parsed.type !== 'totp')
    throw new ProbeTargetError('the key URI is for HOTP (otpauth://hotp); the probe checks TOTP verifiers');
  const info: ProbeAccountInfo = Object.freeze({
    username: username ?? fields['username'] ?? parsed.account,
    secret: parsed.secret,
    keyUri,
    algorithm: parsed.algorithm,
    digits: parsed.digits,
    period: parsed.period ?? 30,
  });
  const secrets = [
    parsed.secret,
    ...Object.entries(fields)
      .filter(([k]) => k !== 'username')
      .map(([, v]) => v),
  ];
  return { number, info, prepared: prepareSecret(parsed.secret, { algorithm: parsed.algorithm }), fields, secrets };
}

/** A key URI for a secret the probe made or was given as base32. */
export function keyUriFor(info: Omit<ProbeAccountInfo, 'keyUri'>): string {
  return buildKeyUri({ issuer: 'totp-lab probe', account: info.username, ...info });
}

/** The account's code for an absolute step. */
export function codeForStep(account: Account, step: number): string {
  return generateCode(account.prepared, { counter: step, digits: account.info.digits });
}

/** The probe's current step for the account's period. */
export function currentStep(account: Pick<Account, 'info'>, now: number): number {
  return stepAt(now, account.info.period);
}
