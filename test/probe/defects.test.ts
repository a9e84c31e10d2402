// Verifiers written for this test, each right but for exactly one known defect, probed over real
// HTTP: the report must name that defect, with the measured values, and nothing else as broken.
import { afterAll, describe, expect, it } from 'vitest';
import { probeVerifier, type ProbeReport } from '../../src/testing/index.js';
import { createReferenceVerifier, serveReference, type Defect } from './support/reference-verifier.js';

const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function probeReference(defect: Defect | undefined): Promise<ProbeReport> {
  const served = await serveReference(createReferenceVerifier({ defect }));
  servers.push(served);
  return probeVerifier({
    language: 'en',
    target: { kind: 'http', request: `POST ${served.url}/verify`, body: '{"username":"{username}","code":"{code}"}' },
    accounts: { kind: 'enroll', via: { kind: 'http', request: `POST ${served.url}/enrol` } },
  });
}

const failing = (r: ProbeReport) =>
  r.verdicts
    .filter((v) => v.status === 'fail')
    .map((v) => v.id)
    .sort();

/** What the right verifier reports; each defect changes only what its case says. */
const RIGHT = {
  window: { behind: 1, ahead: 1 },
  clock: { offsetSteps: 0, offsetSeconds: 0 },
  replay: { sameStep: 'refused', olderAfterNewer: 'refused' },
  lockout: {
    after: 5,
    distinctAnswer: false,
    rightCodeWhileLocked: 'refused',
    shownInAnswer: false,
    wrongCodeAccepted: false,
  },
  input: {
    'space-inside': 'accepted',
    'surrounding-space': 'accepted',
    'one-digit-short': 'refused',
    'one-digit-long': 'refused',
    'non-ascii-digits': 'refused',
    empty: 'refused',
  },
};

function expectMeasured(r: ProbeReport, expected: typeof RIGHT) {
  expect(r.window).toMatchObject(expected.window);
  expect(r.clock).toEqual(expected.clock);
  expect(r.replay).toMatchObject(expected.replay);
  expect(r.lockout).toMatchObject(expected.lockout);
  expect(Object.fromEntries(r.input.map((i) => [i.case, i.outcome]))).toEqual(expected.input);
}

describe.concurrent('a verifier with one known defect, over HTTP', () => {
  it('none: every measurement passes, the lock lasts its 3 s', async () => {
    const r = await probeReference(undefined);
    expectMeasured(r, RIGHT);
    expect(failing(r)).toEqual([]);
    expect(r.skipped).toEqual([]);
    // Trials of 1, 2 and 4 wrong codes pass; in the one of 8, the fifth locks for 3 s, and the
    // probe counts from the eighth.
    const locked = r.lockout.evidence.find((e) => e.step !== null && !e.accepted)!.account;
    const wrong = r.lockout.evidence.filter((e) => e.account === locked && e.step === null);
    expect(wrong).toHaveLength(8);
    const endsAfterLast = 3000 - (wrong[7]!.atMs - wrong[4]!.atMs);
    const { atLeastMs, atMostMs } = r.lockout.duration!;
    expect(atLeastMs).toBeLessThanOrEqual(endsAfterLast + 100);
    expect(atMostMs).toBeGreaterThanOrEqual(endsAfterLast - 100);
    expect(atMostMs! - atLeastMs).toBeLessThanOrEqual(Math.max(1000, atLeastMs) + 500);
    expect(r.requests).toBeLessThan(100);
  }, 60_000);

  it('replay accepted (the last step compared with >= instead of >)', async () => {
    const r = await probeReference('replay-accepted');
    expectMeasured(r, { ...RIGHT, replay: { sameStep: 'accepted', olderAfterNewer: 'refused' } });
    expect(failing(r)).toEqual(['replay.sameStep']);
    // The evidence: the same code accepted twice on one account.
    const [first, second] = r.replay.evidence;
    expect(second).toMatchObject({ account: first!.account, sent: first!.sent, accepted: true });
  }, 60_000);

  it('a window of ±5 steps', async () => {
    const r = await probeReference('window-5');
    expectMeasured(r, { ...RIGHT, window: { behind: 5, ahead: 5 } });
    expect(failing(r)).toEqual(['window.ahead', 'window.behind']);
  }, 60_000);

  it('future-only skew: the current step and two ahead, none behind', async () => {
    const r = await probeReference('future-only');
    expectMeasured(r, { ...RIGHT, window: { behind: 0, ahead: 2 }, clock: { offsetSteps: 1, offsetSeconds: 30 } });
    expect(failing(r)).toEqual(['window.ahead']);
    expect(r.verdicts.find((v) => v.id === 'window.behind')?.status).toBe('warn');
  }, 60_000);

  it('no lockout', async () => {
    const r = await probeReference('no-lockout');
    expectMeasured(r, {
      ...RIGHT,
      lockout: { ...RIGHT.lockout, after: null, distinctAnswer: null, rightCodeWhileLocked: null } as never,
    });
    expect(failing(r)).toEqual(['lockout.after']);
    expect(r.lockout.tried).toBe(10);
    expect(r.skipped.map((s) => s.measurement).sort()).toEqual([
      'lockout.distinctAnswer',
      'lockout.rightCodeWhileLocked',
    ]);
  }, 60_000);

  it('a distinct lock message', async () => {
    const r = await probeReference('distinct-lock-message');
    expectMeasured(r, { ...RIGHT, lockout: { ...RIGHT.lockout, distinctAnswer: true, shownInAnswer: true } });
    expect(failing(r)).toEqual(['lockout.distinctAnswer']);
    expect(r.lockout.evidence.some((e) => e.answer.startsWith('423 '))).toBe(true);
  }, 60_000);

  it('a right code accepted while locked', async () => {
    const r = await probeReference('right-code-while-locked');
    expectMeasured(r, {
      ...RIGHT,
      lockout: {
        ...RIGHT.lockout,
        rightCodeWhileLocked: 'accepted',
        shownInAnswer: true,
        distinctAnswer: null,
      } as never,
    });
    expect(failing(r)).toEqual(['lockout.rightCodeWhileLocked']);
    // Its lock shows (429) to wrong codes, and the right code passes it.
    expect(r.lockout.evidence.at(-2)!.answer).toMatch(/^429 /);
    expect(r.lockout.evidence.at(-1)!).toMatchObject({ accepted: true, step: 0 });
  }, 60_000);

  it('spaces inside the code refused', async () => {
    const r = await probeReference('spaces-refused');
    expectMeasured(r, { ...RIGHT, input: { ...RIGHT.input, 'space-inside': 'refused' } });
    expect(failing(r)).toEqual(['input.space-inside']);
  }, 60_000);
});
