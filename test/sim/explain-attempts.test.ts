// "Why was I refused": provider.explainAttempts tells a trainer, from the store-kept attempt trail,
// why each attempt was refused and what to tell the participant, while the participant is only
// ever told the one generic refusal. Codes come from otpauth, an independent TOTP implementation,
// so the step arithmetic behind "the phone's clock is 2 steps behind" is checked against code we
// did not write.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  LOW_COST_HASHING_FOR_TESTS,
  MemoryStore,
  createProvider,
  explainAttempt,
  formatSpan,
  manualClock,
  type AttemptReason,
  type AttemptRecord,
} from '../../src/index.js';
import { GENERIC_HU, PASSWORD, T0, USER, enrolledLab, lab } from '../support/provider.js';
import { emailLab } from './email-support.js';

const otp = (secret: string, time: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: time });

describe('provider.explainAttempts', () => {
  it('says how long the activation still runs, counted from the time of reading', async () => {
    const { provider, clock } = lab({ profile: 'ugyfelkapu' });
    await provider.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error(started.messageKey);
    await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code: otp(started.secret, clock.now()) });
    const finished = await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    if (!finished.ok) throw new Error(finished.messageKey);
    clock.advance(30_000);
    const refused = await provider.login({
      username: USER,
      password: PASSWORD,
      code: otp(started.secret, clock.now()),
    });
    expect(refused).toEqual(GENERIC_HU);
    const waited = finished.activeFrom - clock.now();
    expect(waited).toBe(60_000);
    clock.advance(20_000);
    const explained = await provider.explainAttempts(USER);
    expect(explained).toMatchObject({ username: USER, exists: true, language: 'hu', now: clock.now() });
    expect(explained.attempts).toHaveLength(1);
    expect(explained.attempts[0]).toMatchObject({
      event: 'login-refused',
      reason: 'activation-pending',
      params: { activeFrom: finished.activeFrom },
      advice: 'Várjon még 40 mp-et, aztán írja be a telefon aktuális kódját.',
    });
    const english = await provider.explainAttempts(USER, { language: 'en' });
    expect(english.attempts[0]!.advice).toBe('Wait another 40 s, then type the phone’s current code.');
    clock.advance(40_000);
    expect((await provider.explainAttempts(USER)).attempts[0]!.advice).toMatch(/^Azóta aktív/);
  });

  it('finds how many steps the phone clock is off, behind and ahead', async () => {
    const { provider, clock, secret } = await enrolledLab({ throttle: { baseMs: 0 } });
    const behind = otp(secret, clock.now() - 60_000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: behind })).toEqual(GENERIC_HU);
    const ahead = otp(secret, clock.now() + 5 * 30_000);
    expect(await provider.verifySecondFactor({ username: USER, code: ahead })).toMatchObject({ ok: false });
    const [slow, fast] = (await provider.explainAttempts(USER)).attempts;
    const serverStep = Math.floor(clock.now() / 30_000);
    expect(slow).toMatchObject({ reason: 'clock-off', params: { stepOffset: -2, step: serverStep - 2, serverStep } });
    expect(slow!.advice).toMatch(/^A telefon órája 2 lépéssel késik/);
    expect(fast).toMatchObject({ event: 'second-factor-refused', reason: 'clock-off', params: { stepOffset: 5 } });
    expect(fast!.advice).toMatch(/^A telefon órája 5 lépéssel siet/);
    const english = (await provider.explainAttempts(USER, { language: 'en' })).attempts;
    expect(english[0]!.advice).toMatch(/^The phone’s clock is 2 steps behind/);
  });

  it('tells a replayed code, a stray code and the new phone’s code before Befejezés apart', async () => {
    const { provider, clock, secret, code } = await enrolledLab({ throttle: { baseMs: 0 } });
    const now = code();
    expect(await provider.login({ username: USER, password: PASSWORD, code: now })).toMatchObject({ ok: true });
    await provider.login({ username: USER, password: PASSWORD, code: now });
    const near = new Set(Array.from({ length: 41 }, (_, i) => otp(secret, clock.now() + (i - 20) * 30_000)));
    const stray = ['000000', '111111', '222222', '333333'].find((c) => !near.has(c))!;
    await provider.login({ username: USER, password: PASSWORD, code: stray });
    clock.advance(30_000);
    const change = await provider.startDeviceChange({ username: USER, password: PASSWORD, code: code() });
    if (!change.ok) throw new Error(change.messageKey);
    await provider.verifySecondFactor({ username: USER, code: otp(change.secret, clock.now()) });
    await provider.confirmEnrollment({ enrollmentId: change.enrollmentId, code: otp(secret, clock.now()) });
    const reasons = (await provider.explainAttempts(USER, { language: 'en' })).attempts.map((a) => a.reason);
    expect(reasons).toEqual(['replayed-code', 'wrong-code', 'pending-key', 'old-key']);
    const replay = (await provider.explainAttempts(USER, { language: 'en', limit: 4 })).attempts[0]!;
    expect(replay.params.nextCodeAt).toBe((Math.floor((clock.now() - 30_000) / 30_000) + 1) * 30_000);
  });

  it('counts wrong passwords to the lock, the refusals while locked, and the unlock', async () => {
    const { provider, code } = await enrolledLab();
    for (let i = 0; i < 6; i++) await provider.login({ username: USER, password: `wrong-${i}`, code: code() });
    await provider.unlock(USER);
    const attempts = (await provider.explainAttempts(USER)).attempts;
    expect(attempts.map((a) => [a.reason, a.params.failures])).toEqual([
      ['wrong-password', 1],
      ['wrong-password', 2],
      ['wrong-password', 3],
      ['wrong-password', 4],
      ['wrong-password', 5],
      ['locked', 5],
      ['unlocked', undefined],
    ]);
    expect(attempts[0]!.advice).toMatch(/még 4 próbálkozása van a zárolásig/);
    expect(attempts[4]!.text).toMatch(/ezzel a fiók zárolva/);
    expect(attempts[5]!.advice).toMatch(/személyesen/);
  });

  it('names the maintenance window and its end, and the throttle’s wait', async () => {
    const { provider, clock, code } = await enrolledLab({ throttle: { baseMs: 8_000, maxMs: 60_000 } });
    provider.faults.start('maintenance', { until: clock.now() + 3_600_000 });
    const answer = await provider.login({ username: USER, password: PASSWORD, code: code() });
    expect(answer).toMatchObject({ ok: false, fault: 'maintenance' });
    provider.faults.clear();
    await provider.verifySecondFactor({ username: USER, code: '000000' });
    await provider.verifySecondFactor({ username: USER, code: code() });
    const attempts = (await provider.explainAttempts(USER, { language: 'en' })).attempts;
    expect(attempts[0]).toMatchObject({
      reason: 'fault',
      params: { fault: 'maintenance', operation: 'login', until: clock.now() + 3_600_000 },
    });
    expect(attempts[0]!.advice).toMatch(/^Not the participant’s fault: try again after /);
    const throttled = attempts.find((a) => a.reason === 'throttled')!;
    expect(throttled.params.retryAt).toBeGreaterThan(clock.now());
    expect(throttled.advice).toBe(
      `Wait another ${Math.ceil((throttled.params.retryAt! - clock.now()) / 1000)} s before typing a code.`,
    );
  });

  it('explains an expired password and the e-mailed codes', async () => {
    const { provider, clock, sendCode } = await emailLab({ passwordPolicy: { maxAgeMs: 30 * 86_400_000 } });
    const first = await sendCode();
    clock.advance(61_000);
    await sendCode();
    await provider.verifySecondFactor({ username: USER, code: first });
    await provider.sendEmailCode({ username: USER });
    clock.advance(31 * 86_400_000);
    await provider.verifyPassword({ username: USER, password: PASSWORD });
    const attempts = (await provider.explainAttempts(USER)).attempts;
    expect(attempts.map((a) => a.reason)).toEqual(['email-code-superseded', 'resend-too-soon', 'password-expired']);
    expect(attempts[1]!.params.retryAt).toBe(T0 + 5_000 + 3_600_000 + 61_000 + 60_000);
    expect(attempts[2]!.text).toMatch(/^Jó, de lejárt jelszó/);
  });

  it('is read from the store, so another instance on the same store explains the same', async () => {
    const store = new MemoryStore();
    const clock = manualClock(T0);
    const options = { clock, store, hashing: LOW_COST_HASHING_FOR_TESTS };
    const a = createProvider(options);
    const b = createProvider({ ...options, language: 'en' });
    await a.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
    await a.login({ username: USER, password: 'nope', code: '123456' });
    const seen = await b.explainAttempts(USER);
    expect(seen.language).toBe('en');
    expect(seen.attempts).toMatchObject([{ reason: 'wrong-password', params: { failures: 1, maxFailures: 5 } }]);
    expect(b.auditLog()).toEqual([]);
  });

  it('keeps at most attemptHistory entries per account, none for unknown names, and no code', async () => {
    const { provider, store, secret } = await enrolledLab({ attemptHistory: 3, throttle: { baseMs: 0 } });
    const typed: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const c = otp(secret, T0 - i * 10 * 30_000);
      typed.push(c);
      await provider.verifySecondFactor({ username: USER, code: c });
    }
    await provider.login({ username: 'nobody', password: PASSWORD, code: '123456' });
    expect(await store.keys('attempts:')).toEqual([`attempts:${USER}`]);
    const kept = await store.get<AttemptRecord[]>(`attempts:${USER}`);
    expect(kept).toHaveLength(3);
    const text = JSON.stringify(kept);
    for (const c of typed) expect(text).not.toContain(`"${c}"`);
    expect(text).not.toContain(PASSWORD);
    expect((await provider.explainAttempts('nobody')).exists).toBe(false);
    expect(
      (await createProvider({ store, clock: manualClock(T0), attemptHistory: 0 }).explainAttempts(USER)).attempts,
    ).toHaveLength(3);
    const off = await enrolledLab({ attemptHistory: 0 });
    await off.provider.login({ username: USER, password: 'wrong', code: off.code() });
    expect(await off.store.keys('attempts:')).toEqual([]);
  });

  it('refuses bad arguments with a message naming them', async () => {
    const { provider } = lab();
    await expect(provider.explainAttempts(42 as never)).rejects.toThrow(InvalidArgumentError);
    await expect(provider.explainAttempts(USER, { limit: 0 })).rejects.toThrow(/"limit" must be an integer/);
    await expect(provider.explainAttempts(USER, { language: 'de' as never })).rejects.toThrow(/language/);
    await expect(provider.explainAttempts(USER, null as never)).rejects.toThrow(/"options" must be an object/);
  });
});

describe('formatSpan and explainAttempt', () => {
  it('writes spans in the case the sentence needs, rounded up', () => {
    expect(formatSpan('hu', 40_000, 'accusative')).toBe('40 mp-et');
    expect(formatSpan('hu', 60_000, 'instrumental')).toBe('60 mp-cel');
    expect(formatSpan('hu', 100_000)).toBe('2 perc');
    expect(formatSpan('hu', 3 * 3_600_000, 'accusative')).toBe('3 órát');
    expect(formatSpan('en', 3 * 86_400_000)).toBe('3 days');
    expect(formatSpan('en', 86_400_000)).toBe('24 h');
    expect(formatSpan('en', 1)).toBe('1 s');
  });

  it('names a reason it does not know instead of failing', () => {
    const record = { time: T0, event: 'login-refused', reason: 'from-a-newer-version', params: {} } as never;
    expect(explainAttempt(record, { language: 'en', now: T0 })).toMatchObject({
      text: 'from-a-newer-version',
      advice: '',
    });
  });

  it('has a text and advice for every reason in both languages, with no hole in them', () => {
    const params = {
      failures: 2,
      maxFailures: 5,
      activeFrom: T0 + 60_000,
      retryAt: T0 + 30_000,
      step: 10,
      serverStep: 12,
      stepOffset: -2,
      period: 30,
      window: 1,
      nextCodeAt: T0 + 20_000,
      expiredAt: T0 - 86_400_000,
      lockAt: T0 + 59 * 86_400_000,
      expiresAt: T0 - 60_000,
      fault: 'maintenance',
      operation: 'login',
      until: T0 + 3_600_000,
      factor: 'email',
    } as const;
    const reasons = Object.keys(REASON_SAMPLE);
    for (const language of ['hu', 'en'] as const) {
      const texts = new Set<string>();
      for (const reason of reasons) {
        const record = { time: T0, event: 'login-refused', reason, params } as AttemptRecord;
        const { text, advice } = explainAttempt(record, { language, now: T0 });
        expect(text, `${language} ${reason}`).toMatch(/\S/);
        expect(advice, `${language} ${reason}`).toMatch(/\S/);
        expect(`${text} ${advice}`, `${language} ${reason}`).not.toMatch(/undefined|NaN|null|\{/);
        texts.add(text);
      }
      expect(texts.size).toBe(reasons.length);
    }
  });
});

/** Every reason the trail can keep (a Record, so the compiler says when one is missing). */
const REASON_SAMPLE: Record<AttemptReason, true> = {
  'wrong-password': true,
  locked: true,
  busy: true,
  'already-enrolled': true,
  'not-enrolled': true,
  'activation-pending': true,
  throttled: true,
  'wrong-code': true,
  'replayed-code': true,
  'wrong-deletion-code': true,
  'acknowledgement-missing': true,
  'email-code-wrong': true,
  'email-code-expired': true,
  'email-code-used': true,
  'email-code-superseded': true,
  'email-code-missing': true,
  'wrong-factor': true,
  'resend-too-soon': true,
  'too-many-sends': true,
  'mail-failed': true,
  'password-expired': true,
  'password-expired-locked': true,
  'password-reused': true,
  'clock-off': true,
  'pending-key': true,
  'old-key': true,
  fault: true,
  unlocked: true,
};
