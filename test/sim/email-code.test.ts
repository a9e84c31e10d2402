import { describe, expect, it } from 'vitest';
import { MESSAGES_EN, MESSAGES_HU, generateCode } from '../../src/index.js';
import { GENERIC_HU, PASSWORD, USER, enrolledLab, lab, reasons } from '../support/provider.js';
import { EMAIL, codeIn, emailLab } from './email-support.js';

const WRONG_HU = { ok: false, messageKey: 'emailCode.wrong', message: 'A megadott hitelesítő kód helytelen!' };

describe('the e-mail code at login', () => {
  it('mails a 6-digit code with the session number the page shows, valid 10 minutes', async () => {
    const { provider, mailbox, clock } = await emailLab();
    const sent = await provider.sendEmailCode({ username: USER });
    expect(sent).toMatchObject({ ok: true, messageKey: 'emailCode.sent', expiresAt: clock.now() + 600_000 });
    if (!sent.ok) return;
    expect(sent.sessionNumber).toMatch(/^\d{3}$/);
    expect(sent.message).toContain(sent.sessionNumber);
    const [mail] = mailbox.messages(EMAIL);
    expect(mail).toMatchObject({ to: EMAIL, sentAt: clock.now() });
    expect(mail!.text).toContain(sent.sessionNumber);
    expect(codeIn(mail!.text)).toMatch(/^\d{6}$/);
  });

  it('accepts the code once, in login and in the code step alone', async () => {
    const { provider, sendCode, clock } = await emailLab({ throttle: { baseMs: 0 } });
    const code = await sendCode();
    expect(await provider.login({ username: USER, password: PASSWORD, code })).toMatchObject({ ok: true });
    expect(await provider.verifySecondFactor({ username: USER, code })).toEqual(WRONG_HU);
    clock.advance(60_000);
    const next = await sendCode();
    expect(await provider.verifySecondFactor({ username: USER, code: next })).toMatchObject({ ok: true });
    // The one-call login never says which half was wrong.
    expect(await provider.login({ username: USER, password: PASSWORD, code: next })).toEqual(GENERIC_HU);
    expect(reasons(provider)).toEqual(['email-code-used', 'email-code-used']);
  });

  it('refuses an expired code and a superseded one with the same text, the reason only in the audit log', async () => {
    const { provider, sendCode, clock } = await emailLab({ throttle: { baseMs: 0 } });
    const first = await sendCode();
    clock.advance(60_000);
    const second = await sendCode();
    expect(await provider.verifySecondFactor({ username: USER, code: first })).toEqual(WRONG_HU);
    clock.advance(600_000);
    expect(await provider.verifySecondFactor({ username: USER, code: second })).toEqual(WRONG_HU);
    provider.language = 'en';
    expect(
      await provider.verifySecondFactor({ username: USER, code: '000000' === second ? '111111' : '000000' }),
    ).toEqual({ ok: false, messageKey: 'emailCode.wrong', message: MESSAGES_EN['emailCode.wrong'] });
    expect(reasons(provider)).toEqual(['email-code-superseded', 'email-code-expired', 'email-code-wrong']);
    expect(MESSAGES_HU['emailCode.wrong']).toBe('A megadott hitelesítő kód helytelen!');
  });

  it('limits resends: one a minute, five an hour', async () => {
    const { provider, sendCode, clock } = await emailLab();
    await sendCode();
    const tooSoon = await provider.sendEmailCode({ username: USER });
    expect(tooSoon).toMatchObject({ ok: false, messageKey: 'emailCode.throttled', retryAt: clock.now() + 60_000 });
    for (let i = 0; i < 4; i++) {
      clock.advance(60_000);
      await sendCode();
    }
    clock.advance(60_000);
    expect(await provider.sendEmailCode({ username: USER })).toMatchObject({
      ok: false,
      messageKey: 'emailCode.throttled',
    });
    expect(reasons(provider)).toEqual(['resend-too-soon', 'too-many-sends']);
    clock.advance(60 * 60_000);
    await sendCode();
  });

  it('sends nothing to an unknown user or an app account: the generic refusal', async () => {
    const { provider } = await enrolledLab();
    expect(await provider.sendEmailCode({ username: USER })).toEqual(GENERIC_HU);
    expect(await provider.sendEmailCode({ username: 'nobody' })).toEqual(GENERIC_HU);
    expect(provider.mailbox?.messages()).toEqual([]);
    expect(reasons(provider)).toEqual(['wrong-factor', 'unknown-user']);
  });

  it('counts wrong e-mail codes in the same throttle as app codes', async () => {
    const { provider, sendCode } = await emailLab();
    const code = await sendCode();
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await provider.verifySecondFactor({ username: USER, code: wrong })).toEqual(WRONG_HU);
    // Within the 1 s delay even the right code is refused unchecked, and not spent: the code page
    // says when to try again.
    expect(await provider.verifySecondFactor({ username: USER, code })).toMatchObject({
      ok: false,
      messageKey: 'code.throttled',
    });
    expect(reasons(provider)).toEqual(['email-code-wrong', 'throttled']);
  });

  it('reports a mailer that fails as not sent, and withdraws the code it could not deliver', async () => {
    const lost: string[] = [];
    const { provider } = lab({
      mailer: {
        send: (m) => (lost.push(codeIn(m.text)), Promise.reject(new Error('down'))),
      },
    });
    expect(provider.mailbox).toBeNull();
    await provider.register({ username: USER, password: PASSWORD, email: EMAIL });
    expect(await provider.startEmailFactor({ username: USER, password: PASSWORD })).toMatchObject({
      ok: false,
      messageKey: 'emailCode.notSent',
    });
    expect(lost).toHaveLength(1);
    expect(await provider.accountStatus(USER)).toMatchObject({ factor: null, emailCodeExpiresAt: null });
    expect(reasons(provider)).toEqual(['mail-failed']);
  });
});

describe('choosing and switching the second factor', () => {
  it('app → e-mail needs a current app code; the binding and its törlőkód stop working after confirmation', async () => {
    const { provider, code, clock, deletionCode } = await enrolledLab();
    expect(await provider.startEmailFactor({ username: USER, password: PASSWORD })).toEqual(GENERIC_HU);
    clock.advance(1_000); // the missing code counted as a wrong one: past its throttle delay
    const started = await provider.startEmailFactor({ username: USER, password: PASSWORD, code: code() });
    expect(started).toMatchObject({ ok: true, messageKey: 'emailFactor.started' });
    if (!started.ok) return;
    const mail = provider.mailbox!.messages(EMAIL).at(-1)!;
    expect(mail.text).toContain(started.sessionNumber);
    expect(await provider.confirmEmailFactor({ setupId: started.setupId, code: codeIn(mail.text) })).toMatchObject({
      ok: true,
      messageKey: 'emailFactor.confirmed',
    });
    expect(await provider.accountStatus(USER)).toMatchObject({ factor: 'email', secondFactor: 'active' });
    expect(await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode })).toMatchObject({
      ok: false,
      messageKey: 'deletionCode.wrong',
    });
  });

  it('lost phone: the törlőkód removes the binding and starts the e-mail setup', async () => {
    const { provider, deletionCode } = await enrolledLab();
    const started = await provider.startEmailFactor({ username: USER, password: PASSWORD, deletionCode });
    expect(started).toMatchObject({ ok: true });
    expect((await provider.accountStatus(USER)).secondFactor).toBe('none');
    if (!started.ok) return;
    const mailCode = codeIn(provider.mailbox!.messages(EMAIL).at(-1)!.text);
    expect(await provider.confirmEmailFactor({ setupId: started.setupId, code: mailCode })).toMatchObject({ ok: true });
    expect((await provider.accountStatus(USER)).factor).toBe('email');
  });

  it('e-mail → app needs a current e-mail code, and e-mail works until Befejezés', async () => {
    const { provider, sendCode, clock } = await emailLab();
    expect(await provider.startEnrollment({ username: USER, password: PASSWORD })).toEqual(GENERIC_HU);
    clock.advance(1_000); // the missing code counted as a wrong one: past its throttle delay
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD, code: await sendCode() });
    expect(started).toMatchObject({ ok: true });
    if (!started.ok) return;
    clock.advance(60_000);
    expect(await provider.verifySecondFactor({ username: USER, code: await sendCode() })).toMatchObject({ ok: true });
    const confirmed = await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: generateCode(started.secret, { clock }),
    });
    expect(confirmed).toMatchObject({ ok: true });
    await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    expect((await provider.accountStatus(USER)).factor).toBe('app');
    clock.advance(60_000);
    expect(await provider.sendEmailCode({ username: USER })).toEqual(GENERIC_HU);
  });

  it('a wrong confirmation code gets the e-mail text and counts in the throttle', async () => {
    const { provider } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: EMAIL });
    const started = await provider.startEmailFactor({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error(started.message);
    const right = codeIn(provider.mailbox!.messages(EMAIL).at(-1)!.text);
    const wrong = right === '000000' ? '111111' : '000000';
    expect(await provider.confirmEmailFactor({ setupId: started.setupId, code: wrong })).toEqual(WRONG_HU);
    expect(await provider.confirmEmailFactor({ setupId: started.setupId, code: right })).toMatchObject({
      ok: false,
      messageKey: 'code.throttled',
    });
    expect(reasons(provider)).toEqual(['email-code-wrong', 'throttled']);
  });
});

describe('the trainer view of e-mailed codes', () => {
  it('explains a code as accepted, expired, used, superseded or wrong, counting nothing', async () => {
    const { provider, sendCode, clock } = await emailLab({ throttle: { baseMs: 0 } });
    const first = await sendCode();
    clock.advance(60_000);
    const second = await sendCode();
    const explain = async (code: string) => (await provider.explainCode({ username: USER, code })).verdict;
    expect(await explain(second)).toBe('accepted');
    expect(await explain(first === second ? '999999' : first)).toBe(first === second ? 'wrong-code' : 'superseded');
    expect(await provider.verifySecondFactor({ username: USER, code: second })).toMatchObject({ ok: true });
    expect(await explain(second)).toBe('replayed');
    clock.advance(60_000);
    const third = await sendCode();
    clock.advance(600_000);
    expect(await explain(third)).toBe('expired');
    expect(reasons(provider)).toEqual([]);
  });
});

describe('device change and e-mail accounts', () => {
  it('refuses startDeviceChange for an e-mail account: e-mail moves to the app with startEnrollment', async () => {
    const { provider, sendCode } = await emailLab();
    const code = await sendCode();
    expect(await provider.startDeviceChange({ username: USER, password: PASSWORD, code })).toEqual(GENERIC_HU);
    expect(reasons(provider)).toEqual(['not-enrolled']);
  });
});
