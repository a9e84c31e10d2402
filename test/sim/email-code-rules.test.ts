// The e-mailed code is read as the app code is, a refused resend leaves the code already sent
// working, a right code typed while the throttle runs is told when to try again, and one address
// gets a bounded number of mails however many accounts name it.
import { describe, expect, it } from 'vitest';
import { MESSAGES_EN } from '../../src/index.js';
import { PASSWORD, USER, lab, reasons } from '../support/provider.js';
import { EMAIL, codeIn, emailLab } from './email-support.js';

describe('an e-mailed code typed as people type it', () => {
  it('accepts "123 456" and a code pasted with a trailing newline, as for the app code', async () => {
    const { provider, sendCode, clock } = await emailLab();
    const code = await sendCode();
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    expect(await provider.verifySecondFactor({ username: USER, code: spaced })).toMatchObject({ ok: true });
    clock.advance(60_000);
    const next = await sendCode();
    expect(await provider.login({ username: USER, password: PASSWORD, code: `${next}\n` })).toMatchObject({ ok: true });
    expect(reasons(provider)).toEqual([]);
  });

  it('reads the confirmation code of the setup the same way', async () => {
    const { provider, clock } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: EMAIL });
    const started = await provider.startEmailFactor({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error(started.messageKey);
    const code = codeIn(provider.mailbox!.messages(EMAIL).at(-1)!.text);
    clock.advance(1000);
    const confirmed = await provider.confirmEmailFactor({ setupId: started.setupId, code: ` ${code}\r\n` });
    expect(confirmed).toMatchObject({ ok: true, messageKey: 'emailFactor.confirmed' });
  });

  it('still refuses a code with other characters in it, counting it as a wrong one', async () => {
    const { provider, sendCode } = await emailLab();
    const code = await sendCode();
    const refused = await provider.verifySecondFactor({ username: USER, code: `${code.slice(0, 3)}-${code.slice(3)}` });
    expect(refused).toMatchObject({ ok: false, messageKey: 'emailCode.wrong' });
    expect(reasons(provider)).toEqual(['email-code-wrong']);
  });
});

describe('a refused resend and the code already sent', () => {
  it('keeps the code already sent working when a resend is refused as too soon', async () => {
    const { provider, sendCode, clock } = await emailLab();
    const code = await sendCode();
    clock.advance(10_000);
    expect(await provider.sendEmailCode({ username: USER })).toMatchObject({ messageKey: 'emailCode.throttled' });
    expect(await provider.verifySecondFactor({ username: USER, code })).toMatchObject({ ok: true });
  });

  it('keeps the pending confirmation code when a second setup is refused as too soon', async () => {
    const { provider, clock } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: EMAIL });
    const first = await provider.startEmailFactor({ username: USER, password: PASSWORD });
    if (!first.ok) throw new Error(first.messageKey);
    const code = codeIn(provider.mailbox!.messages(EMAIL).at(-1)!.text);
    clock.advance(5_000);
    expect(await provider.startEmailFactor({ username: USER, password: PASSWORD })).toMatchObject({
      ok: false,
      messageKey: 'emailCode.throttled',
    });
    expect(await provider.confirmEmailFactor({ setupId: first.setupId, code })).toMatchObject({ ok: true });
  });

  it('tells a right code typed while the throttle runs when to try again, not that it is wrong', async () => {
    const { provider, sendCode, clock } = await emailLab({ language: 'en' });
    const code = await sendCode();
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await provider.verifySecondFactor({ username: USER, code: wrong })).toMatchObject({
      messageKey: 'emailCode.wrong',
    });
    const throttled = await provider.verifySecondFactor({ username: USER, code });
    expect(throttled).toEqual({
      ok: false,
      messageKey: 'code.throttled',
      message: 'Too many failed attempts. Please try again in 1 second.',
      retryAt: clock.now() + 1000,
    });
    clock.advance(1000);
    expect(await provider.verifySecondFactor({ username: USER, code })).toMatchObject({ ok: true });
  });

  it('keeps the one-call login generic while the throttle runs', async () => {
    const { provider, sendCode } = await emailLab();
    const code = await sendCode();
    await provider.verifySecondFactor({ username: USER, code: code === '000000' ? '111111' : '000000' });
    expect(await provider.login({ username: USER, password: PASSWORD, code })).toMatchObject({
      ok: false,
      messageKey: 'login.refused',
    });
  });
});

describe('mail to one address from many accounts', () => {
  it('limits the codes one address is sent in an hour, whichever account asks', async () => {
    const { provider, clock } = lab({ emailCode: { maxSendsPerAddressPerHour: 3 } });
    const victim = 'Aldozat@Example.hu';
    for (let i = 0; i < 5; i++) {
      await provider.register({
        username: `bomber${i}`,
        password: PASSWORD,
        email: i % 2 ? victim : victim.toLowerCase(),
      });
    }
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await provider.startEmailFactor({ username: `bomber${i}`, password: PASSWORD }));
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, false, false]);
    expect(answers[3]).toMatchObject({ messageKey: 'emailCode.throttled', retryAt: clock.now() + 3_600_000 });
    expect(provider.mailbox!.messages().length).toBe(3);
    expect(reasons(provider)).toEqual(['too-many-sends', 'too-many-sends']);
    // A refused send does not count: the hour runs from the first mail.
    clock.advance(3_600_000);
    expect(await provider.startEmailFactor({ username: 'bomber3', password: PASSWORD })).toMatchObject({ ok: true });
  });

  it('limits across providers on one store (instances of one service)', async () => {
    const first = lab({ emailCode: { maxSendsPerAddressPerHour: 2 } });
    const { createProvider, LOW_COST_HASHING_FOR_TESTS } = await import('../../src/index.js');
    const second = createProvider({
      clock: first.clock,
      store: first.store,
      hashing: LOW_COST_HASHING_FOR_TESTS,
      emailCode: { maxSendsPerAddressPerHour: 2 },
    });
    for (const name of ['a1', 'a2', 'a3'])
      await first.provider.register({ username: name, password: PASSWORD, email: EMAIL });
    expect((await first.provider.startEmailFactor({ username: 'a1', password: PASSWORD })).ok).toBe(true);
    expect((await second.startEmailFactor({ username: 'a2', password: PASSWORD })).ok).toBe(true);
    expect(await first.provider.startEmailFactor({ username: 'a3', password: PASSWORD })).toMatchObject({
      ok: false,
      messageKey: 'emailCode.throttled',
    });
  });

  it('limits the mail kept in the store mailbox of several instances, as the HTTP service keeps it', async () => {
    const { createProvider, createStoreMailbox, LOW_COST_HASHING_FOR_TESTS } = await import('../../src/index.js');
    const first = lab();
    const instance = () =>
      createProvider({
        clock: first.clock,
        store: first.store,
        hashing: LOW_COST_HASHING_FOR_TESTS,
        mailer: createStoreMailbox(first.store, { clock: first.clock }),
        emailCode: { maxSendsPerAddressPerHour: 2 },
      });
    const [a, b] = [instance(), instance()];
    for (const name of ['a1', 'a2', 'a3']) await a.register({ username: name, password: PASSWORD, email: EMAIL });
    expect((await a.startEmailFactor({ username: 'a1', password: PASSWORD })).ok).toBe(true);
    expect((await b.startEmailFactor({ username: 'a2', password: PASSWORD })).ok).toBe(true);
    expect(await b.startEmailFactor({ username: 'a3', password: PASSWORD })).toMatchObject({
      messageKey: 'emailCode.throttled',
    });
    expect(await createStoreMailbox(first.store).messages(EMAIL)).toHaveLength(2);
  });

  it('sends ten codes an hour to one address by default, so a family sharing it still logs in', async () => {
    const { provider } = lab();
    for (let i = 0; i < 11; i++) await provider.register({ username: `tag${i}`, password: PASSWORD, email: EMAIL });
    const sent = [];
    for (let i = 0; i < 11; i++)
      sent.push((await provider.startEmailFactor({ username: `tag${i}`, password: PASSWORD })).ok);
    expect(sent.filter(Boolean).length).toBe(10);
  });

  it('checks the new limit like the others', () => {
    expect(() => lab({ emailCode: { maxSendsPerAddressPerHour: 0 } })).toThrow(
      /"emailCode.maxSendsPerAddressPerHour" must be an integer from 1 to 1000, got 0/,
    );
  });
});
