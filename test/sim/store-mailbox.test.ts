// The mailbox kept in the Store: shared by every provider on one Store, bounded per address in count
// and age, and each code mail read back into its fields (checked against what the provider said).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  LANGUAGES,
  MAILBOX_KEY_PREFIX,
  MemoryStore,
  createMemoryMailbox,
  createStoreMailbox,
  manualClock,
  readCodeMail,
  type MailMessage,
} from '../../src/index.js';
import { codeMail } from '../../src/sim/mail-texts.js';
import { PASSWORD, T0, lab } from '../support/provider.js';

const mail = (sentAt: number, to = 'anna@example.hu', text = 't'): MailMessage => ({
  to,
  from: 'ugyfelkapu@example.hu',
  subject: 's',
  text,
  sentAt,
});

describe('reading a code mail back', () => {
  it('gives back the code, session number, purpose and minutes of every mail the service writes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES),
        fc.constantFrom('login' as const, 'setup' as const),
        fc.stringMatching(/^[0-9]{6}$/),
        fc.stringMatching(/^[0-9]{3}$/),
        fc.integer({ min: 1, max: 24 * 60 }),
        (language, purpose, code, sessionNumber, minutes) => {
          const written = codeMail(language, purpose, { code, sessionNumber, minutes });
          expect(readCodeMail(written)).toEqual({
            code,
            sessionNumber,
            purpose: purpose === 'login' ? 'login' : 'factor-setup',
            validMinutes: minutes,
          });
        },
      ),
    );
  });

  it('reads nothing from a mail the service did not write, or one changed on its way', () => {
    const written = codeMail('en', 'login', { code: '123456', sessionNumber: '417', minutes: 10 });
    expect(readCodeMail({ subject: 'Hello', text: written.text })).toBeNull();
    expect(readCodeMail({ subject: written.subject, text: `${written.text}\nP.S.` })).toBeNull();
    expect(readCodeMail({ subject: written.subject, text: written.text.replace('123456', '12x456') })).toBeNull();
    expect(readCodeMail(null as never)).toBeNull();
  });
});

describe('the store mailbox', () => {
  it('is shared by every mailbox on one store, newest last, addresses without case', async () => {
    const store = new MemoryStore();
    const clock = manualClock(T0);
    const a = createStoreMailbox(store, { clock });
    const b = createStoreMailbox(store, { clock });
    await a.send(mail(T0, 'Anna@Example.hu', 'first'));
    await b.send(mail(T0 + 1, 'anna@example.hu', 'second'));
    await a.send(mail(T0 + 2, 'bela@example.hu', 'other'));
    expect((await b.latest('ANNA@example.hu'))?.text).toBe('second');
    expect((await a.messages('anna@example.hu')).map((m) => m.text)).toEqual(['first', 'second']);
    expect((await b.messages()).map((m) => m.text)).toEqual(['first', 'second', 'other']);
    expect(await store.keys(MAILBOX_KEY_PREFIX)).toEqual(['mailbox:anna@example.hu', 'mailbox:bela@example.hu']);
    expect(await a.latest('cecil@example.hu')).toBeNull();
    expect(await b.removeFor('anna@example.hu')).toBe(2);
    expect(await a.messages('anna@example.hu')).toEqual([]);
    expect(await a.clear()).toBe(1);
    expect(await store.keys()).toEqual([]);
  });

  it('keeps at most perAddress messages and none older than maxAgeMs of its clock', async () => {
    const store = new MemoryStore();
    const clock = manualClock(T0);
    const box = createStoreMailbox(store, { clock, perAddress: 3, maxAgeMs: 60_000 });
    for (let n = 0; n < 5; n++) await box.send(mail(T0 + n, 'anna@example.hu', `m${n}`));
    expect((await box.messages('anna@example.hu')).map((m) => m.text)).toEqual(['m2', 'm3', 'm4']);
    clock.advance(60_002);
    // m2 is now older than a minute: not shown, and dropped from the store at the next delivery.
    expect((await box.messages('anna@example.hu')).map((m) => m.text)).toEqual(['m3', 'm4']);
    await box.send(mail(clock.now(), 'anna@example.hu', 'new'));
    const stored = await store.get<{ text: string }[]>('mailbox:anna@example.hu');
    expect(stored!.map((m) => m.text)).toEqual(['m3', 'm4', 'new']);
    clock.advance(120_000);
    expect(await box.latest('anna@example.hu')).toBeNull();
  });

  it('refuses what is not mail and options out of range, naming the field', async () => {
    const box = createStoreMailbox(new MemoryStore());
    await expect(box.send(mail(T0, ''))).rejects.toThrow('"to" must be an e-mail address');
    await expect(box.send({ ...mail(T0), text: 5 as never })).rejects.toThrow(InvalidArgumentError);
    await expect(box.latest('not an address')).rejects.toThrow('"to" must be an e-mail address');
    expect(() => createStoreMailbox(new MemoryStore(), { perAddress: 0 })).toThrow('"perAddress"');
    expect(() => createStoreMailbox(new MemoryStore(), { maxAgeMs: -1 })).toThrow('"maxAgeMs"');
    expect(() => createStoreMailbox({} as never)).toThrow('"store" must be a Store');
  });

  it("carries the provider's code mail: its fields match what the provider answered, and the code logs in", async () => {
    const store = new MemoryStore();
    const clock = manualClock(T0 + 5_000);
    const mailer = createStoreMailbox(store, { clock });
    const { provider } = lab({ store, clock, mailer, language: 'en' });
    expect(provider.mailbox).toBeNull();
    await provider.seedAccount({ username: 'eva', password: PASSWORD, email: 'eva@example.hu', factor: 'email' });
    const sent = await provider.sendEmailCode({ username: 'eva' });
    if (!sent.ok) throw new Error(sent.messageKey);
    // A second mailbox on the same store: another instance of the service.
    const kept = await createStoreMailbox(store).latest('eva@example.hu');
    expect(kept).toMatchObject({
      to: 'eva@example.hu',
      sessionNumber: sent.sessionNumber,
      purpose: 'login',
      expiresAt: sent.expiresAt,
      sentAt: T0 + 5_000,
    });
    expect(kept!.text).toContain(kept!.code!);
    expect(await provider.verifySecondFactor({ username: 'eva', code: kept!.code! })).toMatchObject({ ok: true });
  });
});

describe('the memory mailbox', () => {
  it('forgets the mail of one address, or all', async () => {
    const box = createMemoryMailbox();
    await box.send(mail(1, 'a@example.hu'));
    await box.send(mail(2, 'b@example.hu'));
    await box.send(mail(3, 'a@example.hu'));
    box.clear('a@example.hu');
    expect(box.messages().map((m) => m.sentAt)).toEqual([2]);
    expect(() => box.clear(5 as never)).toThrow(InvalidArgumentError);
    box.clear();
    expect(box.messages()).toEqual([]);
  });
});
