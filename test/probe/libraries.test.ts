// The default verify of otpauth and otplib, probed in this process: what each does with its
// default settings (docs/probe.md keeps the table). Both are stateless functions of the secret and
// the code, so the probe makes up a fresh secret for each account it needs.
import * as OTPAuth from 'otpauth';
import { verify as otplibVerify } from 'otplib';
import { describe, expect, it } from 'vitest';
import { probeVerifier, type ProbeReport, type VerifyFunction } from '../../src/testing/index.js';

const otpauth: VerifyFunction = (code, account) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(account.secret) }).validate({ token: code }) !== null;
const otplib: VerifyFunction = async (code, account) =>
  (await otplibVerify({ secret: account.secret, token: code })).valid;

const statuses = (r: ProbeReport) => Object.fromEntries(r.verdicts.map((v) => [v.id, v.status]));
const outcomes = (r: ProbeReport) => Object.fromEntries(r.input.map((i) => [i.case, i.outcome]));

describe('libraries with their default settings, in process', () => {
  it('otpauth TOTP.validate: ±1 step, no memory of used codes, no throttle, spaces refused', async () => {
    const r = await probeVerifier({ language: 'en', target: { kind: 'function', verify: otpauth } });
    expect(r.accounts.source).toBe('generate');
    expect(r.window).toMatchObject({ behind: 1, ahead: 1 });
    expect(r.replay).toMatchObject({ sameStep: 'accepted', olderAfterNewer: 'accepted' });
    expect(r.lockout).toMatchObject({ after: null, tried: 10, rightCodeWhileLocked: null });
    expect(outcomes(r)).toEqual({
      'space-inside': 'refused',
      'surrounding-space': 'refused',
      'one-digit-short': 'refused',
      'one-digit-long': 'refused',
      'non-ascii-digits': 'refused',
      empty: 'refused',
    });
    // Full-width digits make it throw (its constant-time compare gets buffers of different lengths).
    expect(r.input.find((i) => i.case === 'non-ascii-digits')!.answer).toMatch(/^threw RangeError/);
    expect(statuses(r)).toMatchObject({
      'window.behind': 'pass',
      'window.ahead': 'pass',
      'replay.sameStep': 'fail',
      'replay.olderAfterNewer': 'fail',
      'lockout.after': 'fail',
      'input.space-inside': 'fail',
      'input.surrounding-space': 'fail',
    });
  });

  it('otplib verify: the current step only, no memory of used codes, no throttle, odd input throws', async () => {
    const r = await probeVerifier({ language: 'en', target: { kind: 'function', verify: otplib } });
    expect(r.window).toMatchObject({ behind: 0, ahead: 0 });
    expect(r.replay).toMatchObject({ sameStep: 'accepted', olderAfterNewer: null });
    expect(r.skipped).toContainEqual({ measurement: 'replay.olderAfterNewer', reason: 'one-step-window' });
    expect(r.lockout).toMatchObject({ after: null, tried: 10 });
    expect(Object.values(outcomes(r))).toEqual(Array(6).fill('refused'));
    for (const i of r.input) expect(i.answer).toMatch(/^threw Token(Length|Format)Error/);
    expect(statuses(r)).toMatchObject({
      'window.behind': 'warn',
      'window.ahead': 'pass',
      'replay.sameStep': 'fail',
      'lockout.after': 'fail',
      'input.space-inside': 'fail',
    });
  });
});
