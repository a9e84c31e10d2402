// Properties of the e-mail second factor, checked against a model over random action sequences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEvent, Provider } from '../../src/index.js';
import { PASSWORD, USER, enrolledLab } from '../support/provider.js';
import { EMAIL, codeIn, emailLab } from './email-support.js';

const TEN_MINUTES = 600_000;
const otherThan = (codes: string[], seed: number): string => {
  let n = seed % 1_000_000;
  while (codes.includes(String(n).padStart(6, '0'))) n = (n + 1) % 1_000_000;
  return String(n).padStart(6, '0');
};

type Action =
  | { kind: 'send' }
  | { kind: 'advance'; ms: number }
  | { kind: 'type'; which: 'newest' | 'older' | 'wrong'; pick: number; via: 'login' | 'second' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'send' as const }),
  // Up to 12 minutes, and often near the 10-minute edge, so expiry is reached in most runs.
  fc.record({
    kind: fc.constant('advance' as const),
    ms: fc.oneof(fc.integer({ min: 0, max: 12 * 60_000 }), fc.constantFrom(TEN_MINUTES - 1, TEN_MINUTES, 1)),
  }),
  fc.record({
    kind: fc.constant('type' as const),
    which: fc.constantFrom('newest' as const, 'older' as const, 'wrong' as const),
    pick: fc.nat(),
    via: fc.constantFrom('login' as const, 'second' as const),
  }),
);

describe('property: an e-mail code works once, only within 10 minutes, only the newest', () => {
  it('matches the model over random sends, waits and typed codes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 30 }), async (actions) => {
        // No throttle delay and no resend limit here, so every attempt is judged on the code alone.
        const { provider, clock, mailbox } = await emailLab({
          throttle: { baseMs: 0 },
          emailCode: { resendAfterMs: 0, maxSendsPerHour: 1000 },
        });
        const sent: { code: string; sentAt: number }[] = [];
        let newestUsed = false;
        for (const a of actions) {
          if (a.kind === 'advance') clock.advance(a.ms);
          else if (a.kind === 'send') {
            const r = await provider.sendEmailCode({ username: USER });
            expect(r.ok).toBe(true);
            sent.push({ code: codeIn(mailbox.messages(EMAIL).at(-1)!.text), sentAt: clock.now() });
            newestUsed = false;
          } else {
            const newest = sent.at(-1);
            const codes = sent.map((s) => s.code);
            const code =
              a.which === 'newest' && newest
                ? newest.code
                : a.which === 'older' && sent.length > 0
                  ? sent[a.pick % sent.length]!.code
                  : otherThan(codes, a.pick);
            const r =
              a.via === 'login'
                ? await provider.login({ username: USER, password: PASSWORD, code })
                : await provider.verifySecondFactor({ username: USER, code });
            const expected =
              newest !== undefined && code === newest.code && !newestUsed && clock.now() < newest.sentAt + TEN_MINUTES;
            expect(r.ok).toBe(expected);
            if (r.ok) newestUsed = true;
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

type Attempt = { kind: 'code'; gapMs: number } | { kind: 'password'; gapMs: number };
const attempt: fc.Arbitrary<Attempt> = fc.record({
  kind: fc.constantFrom('code' as const, 'code' as const, 'password' as const),
  gapMs: fc.integer({ min: 0, max: 20_000 }),
});

/** The reasons of second-step refusals, in order. */
const codeReasons = (p: Provider) =>
  p
    .auditLog()
    .filter((e) => e.type === 'second-factor-refused')
    .map((e) => (e.reason === 'throttled' || e.reason === 'locked' ? e.reason : 'checked'));

describe('property: the throttle and the lock count e-mail codes as they count app codes', () => {
  it('the same wrong attempts at the same times are throttled and locked alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(attempt, { minLength: 1, maxLength: 25 }), async (attempts) => {
        const app = await enrolledLab();
        const mail = await emailLab();
        await mail.sendCode();
        // Both clocks start together, so every attempt falls at the same distance from the first.
        mail.clock.set(app.clock.now());
        for (const a of attempts) {
          for (const l of [app, mail]) {
            l.clock.advance(a.gapMs);
            if (a.kind === 'password') await l.provider.verifyPassword({ username: USER, password: 'wrong' });
            else await l.provider.verifySecondFactor({ username: USER, code: 'x' });
          }
        }
        expect(codeReasons(mail.provider)).toEqual(codeReasons(app.provider));
        const status = await Promise.all([app, mail].map((l) => l.provider.accountStatus(USER)));
        expect(status[1]!.locked).toBe(status[0]!.locked);
      }),
      { numRuns: 40 },
    );
  });
});

describe('property: no code, password or address in the audit log or a refusal', () => {
  const withoutNumbers = (e: AuditEvent) => JSON.stringify({ ...e, seq: 0, time: 0 });
  it('over random sends and attempts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const { provider, clock, mailbox } = await emailLab({ emailCode: { resendAfterMs: 0 } });
        const said: string[] = [];
        const codes: string[] = [];
        for (const a of actions) {
          if (a.kind === 'advance') clock.advance(a.ms);
          else if (a.kind === 'send') {
            const r = await provider.sendEmailCode({ username: USER });
            if (r.ok) codes.push(codeIn(mailbox.messages(EMAIL).at(-1)!.text));
            else said.push(r.message);
          } else {
            const code = codes.length > 0 ? codes[a.pick % codes.length]! : otherThan([], a.pick);
            const r = await provider.login({
              username: USER,
              password: a.which === 'wrong' ? 'nem-jo' : PASSWORD,
              code,
            });
            if (!r.ok) said.push(JSON.stringify(r));
          }
        }
        const log = provider.auditLog().map(withoutNumbers).join('\n');
        for (const secret of [...codes, PASSWORD, 'nem-jo', EMAIL]) {
          expect(log).not.toContain(secret);
          for (const s of said) expect(s).not.toContain(secret);
        }
      }),
      { numRuns: 40 },
    );
  });
});
