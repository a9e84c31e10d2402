// totp-lab's own service, probed over real HTTP as a stranger would: it must pass every
// measurement. One request checks a code: "Beállítás másik eszközre" takes the password and the
// current code, with the same replay guard and throttle as the login's code page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyUri } from '../../src/index.js';
import { probeVerifier, type ProbeReport } from '../../src/testing/index.js';
import { enrolOnOwnServer } from './support/enrol-own-server.mjs';
import { OWN_TOKEN, OWN_VERIFY, startOwnServer } from './support/own-server.js';

describe("the project's own HTTP API", () => {
  let own: Awaited<ReturnType<typeof startOwnServer>>;
  let report: ProbeReport;
  const enrolled: { keyUri: string; password: string }[] = [];
  beforeAll(async () => {
    own = await startOwnServer();
    report = await probeVerifier({
      language: 'en',
      target: { kind: 'http', request: OWN_VERIFY.request.replace('{url}', own.url), body: OWN_VERIFY.body },
      accounts: {
        kind: 'enroll',
        via: {
          kind: 'function',
          enroll: async () => {
            const account = await enrolOnOwnServer(own.url, OWN_TOKEN);
            enrolled.push(account);
            return JSON.stringify(account);
          },
        },
      },
    });
  }, 90_000);
  afterAll(async () => {
    await own?.close();
  });

  it('passes every measurement, nothing skipped', () => {
    expect(report.verdicts.filter((v) => v.status === 'fail' || v.status === 'warn')).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.verdicts.map((v) => v.id)).toEqual(
      expect.arrayContaining([
        'window.behind',
        'window.ahead',
        'replay.sameStep',
        'replay.olderAfterNewer',
        'lockout.after',
        'lockout.rightCodeWhileLocked',
        'lockout.distinctAnswer',
        'input.space-inside',
        'input.empty',
      ]),
    );
  });

  it('measures its settings: ±1 step, replay guard, throttled after one wrong code with the generic refusal', () => {
    expect(report.window).toMatchObject({ behind: 1, ahead: 1 });
    expect(report.clock).toEqual({ offsetSteps: 0, offsetSeconds: 0 });
    expect(report.replay).toMatchObject({ sameStep: 'refused', olderAfterNewer: 'refused' });
    // The throttle delays the next attempt 1 s after the first wrong code, doubling after each more.
    expect(report.lockout).toMatchObject({ after: 1, distinctAnswer: false, rightCodeWhileLocked: 'refused' });
    for (const e of report.lockout.evidence.filter((e) => !e.accepted))
      expect(e.answer).toMatch(/^401 \{"ok":false,"messageKey":"login.refused"/);
    expect(report.input.map((i) => [i.case, i.outcome])).toEqual([
      ['space-inside', 'accepted'],
      ['surrounding-space', 'accepted'],
      ['one-digit-short', 'refused'],
      ['one-digit-long', 'refused'],
      ['non-ascii-digits', 'refused'],
      ['empty', 'refused'],
    ]);
  });

  it('says how many requests it made, and never shows the password or a secret', () => {
    // Every request is in the evidence once (the replay's evidence repeats the first acceptance).
    const { window, replay, lockout, input } = report;
    const shown = window.evidence.length + replay.evidence.length - 1 + lockout.evidence.length + input.length;
    expect(report.requests).toBe(shown);
    expect(report.requests).toBeLessThanOrEqual(300);
    expect(report.enrolments).toBe(report.accounts.used);
    expect(enrolled.length).toBe(report.enrolments);
    const text = JSON.stringify(report);
    for (const { keyUri, password } of enrolled) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(parseKeyUri(keyUri).secret);
    }
  });
});
