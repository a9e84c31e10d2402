// The delivery delay of the mailbox kept in the Store: a late mail is kept at once but shown only
// when the clock reaches its arrival, with that time as its arrival, while its code's ten minutes
// count from when it was sent. The delay is kept in the Store, so every mailbox on it (every
// instance of the service) delays alike. The in-memory mailbox, which had the delay first, is the
// oracle: for any run of sendings, delay changes and clock moves, both show the same mail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  MAIL_DELAY_KEY,
  MAX_MAIL_DELAY_MS,
  MemoryStore,
  createMemoryMailbox,
  createStoreMailbox,
  manualClock,
  type MailMessage,
} from '../../src/index.js';
import { PASSWORD, T0, lab } from '../support/provider.js';

const ANNA = 'anna@example.hu';
const mail = (sentAt: number, text: string, to = ANNA): MailMessage => ({
  to,
  from: 'ugyfelkapu@example.hu',
  subject: 's',
  text,
  sentAt,
});

describe('the delivery delay of the store mailbox', () => {
  it("hides the provider's code mail until it arrives; its code still expires ten minutes after sending", async () => {
    const store = new MemoryStore();
    const clock = manualClock(T0 + 5_000);
    const mailer = createStoreMailbox(store, { clock });
    const { provider } = lab({ store, clock, mailer, language: 'en' });
    await provider.seedAccount({ username: 'eva', password: PASSWORD, email: 'eva@example.hu', factor: 'email' });
    expect(await mailer.setDelayMs(11 * 60_000)).toBe(660_000);
    const sent = await provider.sendEmailCode({ username: 'eva' });
    if (!sent.ok) throw new Error(sent.messageKey);

    clock.advance(11 * 60_000 - 1);
    expect(await mailer.latest('eva@example.hu')).toBeNull();
    expect(await mailer.messages()).toEqual([]);
    clock.advance(1);
    const kept = await mailer.latest('eva@example.hu');
    expect(kept).toMatchObject({
      sentAt: T0 + 5_000,
      arrivedAt: T0 + 5_000 + 660_000,
      expiresAt: sent.expiresAt,
      sessionNumber: sent.sessionNumber,
    });
    expect(kept!.expiresAt).toBe(T0 + 5_000 + 10 * 60_000);
    // The real service's answer to a code that came too late: the generic refusal.
    expect(await provider.verifySecondFactor({ username: 'eva', code: kept!.code! })).toMatchObject({ ok: false });
  });

  it('is kept in the store: another mailbox on it delays alike, and a delay of 0 removes the key', async () => {
    const store = new MemoryStore();
    const clock = manualClock(T0);
    const a = createStoreMailbox(store, { clock });
    const b = createStoreMailbox(store, { clock });
    expect(await b.delayMs()).toBe(0);
    await a.setDelayMs(60_000);
    expect(await b.delayMs()).toBe(60_000);
    expect(await store.get(MAIL_DELAY_KEY)).toEqual({ delayMs: 60_000 });
    await b.send(mail(T0, 'late'));
    expect(await a.messages(ANNA)).toEqual([]);
    clock.advance(60_000);
    expect((await a.messages(ANNA)).map((m) => [m.text, m.arrivedAt])).toEqual([['late', T0 + 60_000]]);
    // Emptying the mailbox leaves the setting; 0 leaves nothing behind.
    expect(await a.clear()).toBe(1);
    expect(await b.delayMs()).toBe(60_000);
    await b.setDelayMs(0);
    expect(await store.keys()).toEqual([]);
  });

  it('applies the delay in force at sending, and lists mail in the order it arrived', async () => {
    const store = new MemoryStore();
    const clock = manualClock(T0);
    const box = createStoreMailbox(store, { clock });
    await box.setDelayMs(10 * 60_000);
    await box.send(mail(T0, 'first, late'));
    await box.setDelayMs(0);
    clock.advance(60_000);
    await box.send(mail(clock.now(), 'second, at once'));
    expect((await box.messages(ANNA)).map((m) => m.text)).toEqual(['second, at once']);
    expect((await box.latest(ANNA))?.text).toBe('second, at once');
    clock.set(T0 + 10 * 60_000);
    // The late one arrives last, so a mail client shows it on top: the trap of the late code.
    expect((await box.messages()).map((m) => m.text)).toEqual(['second, at once', 'first, late']);
    expect((await box.latest(ANNA))?.text).toBe('first, late');
    expect((await box.latest(ANNA))?.arrivedAt).toBe(T0 + 10 * 60_000);
  });

  it('keeps a late mail a day after it arrives, not after it was sent', async () => {
    const store = new MemoryStore();
    const clock = manualClock(T0);
    const box = createStoreMailbox(store, { clock, maxAgeMs: 60_000 });
    await box.setDelayMs(90_000);
    await box.send(mail(T0, 'late'));
    clock.advance(90_000 + 59_999);
    expect((await box.messages(ANNA)).map((m) => m.text)).toEqual(['late']);
    clock.advance(1);
    expect(await box.messages(ANNA)).toEqual([]);
  });

  it('refuses a delay that is not a whole number of ms up to a day, or one without a clock; nothing is written', async () => {
    const store = new MemoryStore();
    const box = createStoreMailbox(store, { clock: manualClock(T0) });
    for (const bad of [-1, 1.5, MAX_MAIL_DELAY_MS + 1, Number.NaN, '60000', null]) {
      await expect(box.setDelayMs(bad as never)).rejects.toThrow(InvalidArgumentError);
      await expect(box.setDelayMs(bad as never)).rejects.toThrow(/^"delayMs" must be a whole number of ms from 0 to/);
    }
    await expect(createStoreMailbox(store).setDelayMs(60_000)).rejects.toThrow('"delayMs" needs a clock');
    expect(await store.keys()).toEqual([]);
    expect(await box.setDelayMs(MAX_MAIL_DELAY_MS)).toBe(24 * 3_600_000);
  });

  it('reads a damaged setting in the store as no delay, so no mail is hidden for good', async () => {
    const store = new MemoryStore();
    const clock = manualClock(T0);
    const box = createStoreMailbox(store, { clock });
    for (const damaged of [{ delayMs: -5 }, { delayMs: 'x' }, { delayMs: 1e20 }, 'x', [1]]) {
      await store.update(MAIL_DELAY_KEY, () => damaged);
      expect(await box.delayMs()).toBe(0);
    }
    await box.send(mail(T0, 'at once'));
    expect((await box.messages(ANNA)).map((m) => m.arrivedAt)).toEqual([T0]);
  });

  it('shows the same mail as the in-memory mailbox for any run of sendings, delay changes and clock moves', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('send' as const), to: fc.constantFrom(ANNA, 'bela@example.hu') }),
      fc.record({ kind: fc.constant('delay' as const), ms: fc.constantFrom(0, 1, 30_000, 600_000, 660_000) }),
      fc.record({ kind: fc.constant('clock' as const), ms: fc.integer({ min: -120_000, max: 700_000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const clock = manualClock(T0 + 3_600_000);
        const memory = createMemoryMailbox({ clock });
        const stored = createStoreMailbox(new MemoryStore(), { clock, perAddress: 1000 });
        let n = 0;
        for (const s of steps) {
          if (s.kind === 'send') {
            const m = mail(clock.now(), `m${n++}`, s.to);
            await memory.send(m);
            await stored.send(m);
          } else if (s.kind === 'delay') {
            memory.delayMs = s.ms;
            await stored.setDelayMs(s.ms);
          } else clock.advance(s.ms);
          for (const to of [undefined, ANNA]) {
            const shown = await stored.messages(to);
            expect(shown.map((m) => m.text).sort()).toEqual(
              memory
                .messages(to)
                .map((m) => m.text)
                .sort(),
            );
            // In the order they arrived; a late one arrived when the clock reached it (mail sent
            // at once stays shown even when the clock is set back before it).
            const arrivals = shown.map((m) => m.arrivedAt);
            expect(arrivals).toEqual([...arrivals].sort((x, y) => x - y));
            expect(shown.every((m) => m.arrivedAt === m.sentAt || m.arrivedAt <= clock.now())).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
