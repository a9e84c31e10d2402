import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, createMemoryMailbox, manualClock, type MailMessage } from '../../src/index.js';

const mail = (sentAt: number, to = 'a@example.hu'): MailMessage => ({
  to,
  from: 'ugyfelkapu@example.hu',
  subject: 's',
  text: 't',
  sentAt,
});

describe('the memory mailbox', () => {
  it('keeps messages per recipient, oldest first, as copies, and drops the oldest past its limit', async () => {
    const box = createMemoryMailbox(2);
    await box.send(mail(1));
    await box.send(mail(2, 'b@example.hu'));
    await box.send(mail(3));
    expect(box.messages().map((m) => m.sentAt)).toEqual([2, 3]);
    expect(box.messages('a@example.hu').map((m) => m.sentAt)).toEqual([3]);
    box.messages()[0]!.subject = 'changed';
    expect(box.messages()[0]!.subject).toBe('s');
    box.clear();
    expect(box.messages()).toEqual([]);
  });

  it('delivers late by the delay on its clock, and only mail sent after the delay was set', async () => {
    const clock = manualClock(1_000_000);
    const box = createMemoryMailbox({ clock });
    await box.send(mail(clock.now()));
    box.delayMs = 11 * 60_000;
    await box.send(mail(clock.now()));
    expect(box.messages()).toHaveLength(1);
    clock.advance(11 * 60_000 - 1);
    expect(box.messages()).toHaveLength(1);
    clock.advance(1);
    expect(box.messages()).toHaveLength(2);
  });

  it('refuses a delay without a clock, and a bad delay or limit', () => {
    expect(() => (createMemoryMailbox().delayMs = 5)).toThrow(InvalidArgumentError);
    expect(() => (createMemoryMailbox({ clock: manualClock(0) }).delayMs = -1)).toThrow(/"delayMs"/);
    expect(() => createMemoryMailbox(0)).toThrow(/"limit"/);
  });
});
