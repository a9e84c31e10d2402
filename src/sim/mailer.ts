/**
 * How the simulated service sends e-mail (the e-mail second factor). The provider only ever calls
 * `send`; where the message goes is the caller's choice: {@link createMemoryMailbox} keeps it for a
 * demo's inbox or a test, and `totp-lab/node` has an SMTP mailer for a developer's own mail catcher.
 */

import type { Clock } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/** One e-mail as the simulated service sends it. Plain data, so any mailer can carry it. */
export interface MailMessage {
  /** The recipient's address. */
  to: string;
  /** The sender's address, as the service signs its mail. */
  from: string;
  subject: string;
  /** The plain-text body (the service sends no HTML). */
  text: string;
  /** When the service sent it, on the service's clock (epoch milliseconds). */
  sentAt: number;
}

/** Anything that can deliver a {@link MailMessage}. A rejected promise means "not sent". */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** A mailer that keeps what it is sent, newest last: the inbox of demos and tests. */
export interface MemoryMailbox extends Mailer {
  /**
   * The messages delivered to `to` (every message when omitted), oldest first; each a copy. With a
   * delivery delay, a message shows only once the clock reaches its `sentAt` + the delay.
   */
  messages(to?: string): MailMessage[];
  /** The same messages as {@link messages}, each with when it arrived (its `sentAt` when sent without a delay). */
  arrivals(to?: string): MailArrival[];
  /** Forgets every message, or only those to `to` when given. */
  clear(to?: string): void;
  /**
   * How long mail sent from now on takes to arrive, on the mailbox's clock (0: at once). Only with
   * a clock: the "code arrives late" of trainers.
   * @throws {InvalidArgumentError} on a negative or fractional delay, or a delay without a clock
   */
  delayMs: number;
}

/** A delivered message and when it arrived, on the mailbox's clock. */
export interface MailArrival {
  message: MailMessage;
  arrivedAt: number;
}

/** Options of {@link createMemoryMailbox}. */
export interface MemoryMailboxOptions {
  /** The messages kept before the oldest is dropped (default {@link MEMORY_MAILBOX_LIMIT}). */
  limit?: number;
  /** The clock deliveries are judged on; needed for a delivery delay (the provider passes its own). */
  clock?: Clock;
  /** The delivery delay to start with (default 0). */
  delayMs?: number;
}

/** The messages a memory mailbox keeps before it drops the oldest. */
export const MEMORY_MAILBOX_LIMIT = 1000;

/**
 * An in-memory {@link MemoryMailbox}: the default mailer of the simulated service.
 * @param options the limit (a number, as before), or {@link MemoryMailboxOptions}
 */
export function createMemoryMailbox(options: number | MemoryMailboxOptions = {}): MemoryMailbox {
  if (typeof options !== 'number' && (typeof options !== 'object' || options === null))
    throw new InvalidArgumentError(`"options" must be a limit or an object, got ${describeValue(options)}`);
  const o: MemoryMailboxOptions = typeof options === 'number' ? { limit: options } : options;
  const limit = o.limit ?? MEMORY_MAILBOX_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidArgumentError(`"limit" must be a positive integer, got ${describeValue(limit)}`);
  const clock = o.clock;
  if (clock !== undefined && typeof clock?.now !== 'function')
    throw new InvalidArgumentError(`"clock" must have a now() method, got ${describeValue(clock)}`);
  const kept: { message: MailMessage; arrivesAt: number }[] = [];
  let delay = 0;
  const box: MemoryMailbox = {
    send(message) {
      // Without a delay a message is there at once, even if a trainer then sets the clock back.
      kept.push({ message: { ...message }, arrivesAt: delay === 0 ? -Infinity : message.sentAt + delay });
      if (kept.length > limit) kept.splice(0, kept.length - limit);
      return Promise.resolve();
    },
    messages(to) {
      return box.arrivals(to).map((m) => m.message);
    },
    arrivals(to) {
      const now = clock?.now() ?? Infinity;
      return kept
        .filter((m) => (to === undefined || m.message.to === to) && m.arrivesAt <= now)
        .map((m) => ({ message: { ...m.message }, arrivedAt: Math.max(m.arrivesAt, m.message.sentAt) }));
    },
    clear(to) {
      if (to === undefined) kept.length = 0;
      else if (typeof to === 'string') {
        const others = kept.filter((m) => m.message.to !== to);
        kept.length = 0;
        kept.push(...others);
      } else throw new InvalidArgumentError(`"to" must be an address, got ${describeValue(to)}`);
    },
    get delayMs() {
      return delay;
    },
    set delayMs(value: number) {
      if (!Number.isInteger(value) || value < 0)
        throw new InvalidArgumentError(
          `"delayMs" must be a whole number of ms, 0 or more, got ${describeValue(value)}`,
        );
      if (value > 0 && clock === undefined)
        throw new InvalidArgumentError('"delayMs" needs a clock: create the mailbox with { clock }');
      delay = value;
    },
  };
  if (o.delayMs !== undefined) box.delayMs = o.delayMs;
  return box;
}
