// Where the accounts come from changes what can be measured: one given account is neither locked
// nor used up, so the probe skips what needs fresh ones and says why; a clock that moves by hand
// lets the lockout's length be measured without waiting.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/index.js';
import { probeVerifier } from '../../src/testing/index.js';
import { createReferenceVerifier } from './support/reference-verifier.js';

const T = Date.UTC(2025, 0, 16, 8, 0, 10);

describe('one given account', () => {
  it('measures the current code and its replay, and skips the rest with a reason', async () => {
    const clock = manualClock(T);
    const verifier = createReferenceVerifier({ clock });
    const { secret, username } = verifier.enrol();
    const r = await probeVerifier({
      language: 'en',
      clock,
      target: { kind: 'function', verify: verifier.verify },
      accounts: { kind: 'secret', secret, username },
    });
    expect(r.accounts).toMatchObject({ source: 'secret', used: 1 });
    expect(r.replay.sameStep).toBe('refused');
    expect(r.requests).toBe(2);
    expect(r.skipped.map((s) => s.measurement)).toEqual([
      'window.ahead',
      'window.behind',
      'replay.olderAfterNewer',
      'input.space-inside',
      'input.surrounding-space',
      'input.one-digit-short',
      'input.one-digit-long',
      'input.non-ascii-digits',
      'input.empty',
      'lockout.after',
    ]);
    expect(new Set(r.skipped.map((s) => s.reason))).toEqual(new Set(['one-account']));
    expect(r.verdicts.filter((v) => v.status === 'skipped')).toHaveLength(10);
    expect(r.verdicts.find((v) => v.id === 'lockout.after')!.summary).toMatch(/needs fresh accounts/);
    // The one account was not locked: its owner can still log in.
    expect(verifier.accounts.get(username)!.lockedUntil).toBe(0);
  });

  it('goes on to the window ahead when a replay was accepted (nothing refused yet)', async () => {
    const clock = manualClock(T);
    const verifier = createReferenceVerifier({ clock, defect: 'replay-accepted' });
    const { keyUri } = verifier.enrol();
    const r = await probeVerifier({
      clock,
      target: { kind: 'function', verify: verifier.verify },
      accounts: { kind: 'secret', secret: keyUri },
    });
    expect(r.language).toBe('hu');
    expect(r.replay.sameStep).toBe('accepted');
    expect(r.window).toMatchObject({ ahead: 1, behind: null });
    expect(r.verdicts.filter((v) => v.status === 'fail').map((v) => v.id)).toEqual(['replay.sameStep']);
  });
});

describe('a clock that moves by hand', () => {
  it('measures a five-minute lock without waiting: refused at 256 s, accepted at 512 s', async () => {
    const clock = manualClock(T);
    const verifier = createReferenceVerifier({ clock, lockMs: 5 * 60_000 });
    const waits: number[] = [];
    const r = await probeVerifier({
      clock,
      wait: async (ms) => void waits.push(ms),
      target: { kind: 'function', verify: verifier.verify },
      accounts: { kind: 'enroll', via: { kind: 'function', enroll: () => verifier.enrol().keyUri } },
    });
    expect(r.lockout).toMatchObject({
      after: 5,
      rightCodeWhileLocked: 'refused',
      distinctAnswer: null,
      duration: { atLeastMs: 256_000, atMostMs: 512_000 },
    });
    expect(r.skipped).toEqual([{ measurement: 'lockout.distinctAnswer', reason: 'no-answer-text' }]);
    expect(r.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
    expect(waits).toEqual([]);
    expect(clock.now() - T).toBeGreaterThanOrEqual(512_000);
  });
});
