/**
 * A mailbox kept in the provider's Store: every instance of the service on one Store delivers into
 * it and reads from it, so a test suite finds a code whichever instance sent it. Mail is kept per
 * address (one Store key each, under {@link MAILBOX_KEY_PREFIX}), at most
 * {@link STORE_MAILBOX_PER_ADDRESS} messages and {@link STORE_MAILBOX_MAX_AGE_MS} of simulated time
 * per address: older ones are dropped at the next delivery and never shown.
 *
 * With a delivery delay (mail-delay.ts, kept in the Store for every instance), a message is kept at
 * once but shown only when the clock reaches its arrival: its `sentAt` plus the delay in force when
 * it was sent. Messages are shown in the order they arrived, as a mail client lists them.
 *
 * Each message is shown with the fields of its code mail read back (see mail-reading.ts): the code,
 * the session number, what it is for and when it expires.
 */
import { checkTime, type Clock } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { checkMailDelay, readMailDelay, writeMailDelay } from './mail-delay.js';
import { readCodeMail, type MailPurpose } from './mail-reading.js';
import type { Mailer, MailMessage } from './mailer.js';
import type { Store } from './store.js';

/** The Store keys of the mailbox: this prefix and the lower-cased address. */
export const MAILBOX_KEY_PREFIX = 'mailbox:';
/** Messages kept per address by default; a new one drops the oldest. */
export const STORE_MAILBOX_PER_ADDRESS = 20;
/** How long (simulated time) a message is kept by default: a day. */
export const STORE_MAILBOX_MAX_AGE_MS = 24 * 3_600_000;
// Addresses are short (RFC 5321 allows 254 characters in a path); a longer one is a mistake.
const MAX_ADDRESS = 320;

/** A kept message, with what its text says when it is a code mail (else those fields are null). */
export interface KeptMail extends MailMessage {
  code: string | null;
  sessionNumber: string | null;
  purpose: MailPurpose | null;
  /** When the code stops working, as the mail states it: `sentAt` + its minutes (a late mail's time runs on its way). */
  expiresAt: number | null;
  /** When it arrived: `sentAt` plus the delivery delay it was sent with (`sentAt` without one). */
  arrivedAt: number;
}

/** A {@link Mailer} whose mail is kept in a Store, readable by every instance on it. */
export interface StoreMailbox extends Mailer {
  /** The messages to `to` (every address when omitted) that have arrived, in the order they arrived. */
  messages(to?: string): Promise<KeptMail[]>;
  /** The message to `to` that arrived last, or null. */
  latest(to: string): Promise<KeptMail | null>;
  /** Forgets the mail to `to`; resolves to how many messages went. */
  removeFor(to: string): Promise<number>;
  /** Forgets every message; resolves to how many went. The delivery delay stays. */
  clear(): Promise<number>;
  /** The delivery delay kept in the store, in ms of the clock (0: mail arrives at once). */
  delayMs(): Promise<number>;
  /**
   * Sets the delivery delay of mail sent from now on, by every instance on the store.
   * @throws {InvalidArgumentError} for a delay that is not a whole number of ms from 0 to a day, or
   * a delay on a mailbox without a clock
   */
  setDelayMs(delayMs: number): Promise<number>;
}

/** Options of {@link createStoreMailbox}. */
export interface StoreMailboxOptions {
  /** The clock that ages messages (the provider's); without one, a message's own `sentAt` is "now". */
  clock?: Clock;
  /** Messages kept per address (default {@link STORE_MAILBOX_PER_ADDRESS}). */
  perAddress?: number;
  /** How long a message is kept, in ms of simulated time (default {@link STORE_MAILBOX_MAX_AGE_MS}). */
  maxAgeMs?: number;
}

const BRAND = Symbol.for('totp-lab.store-mailbox');

/**
 * A message as stored: the fields of a MailMessage, as a type alias the Store accepts, and when it
 * arrives if it was sent with a delay (without `arrivesAt`, at once whatever the clock says).
 */
type StoredMessage = { to: string; from: string; subject: string; text: string; sentAt: number; arrivesAt?: number };

/** True for a mailbox made by {@link createStoreMailbox}. */
export function isStoreMailbox(value: unknown): value is StoreMailbox {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * A mailbox in `store`: pass it as the provider's `mailer`, and every instance on the store reads
 * the same mail.
 * @throws {InvalidArgumentError} for a bad option
 * @example
 * const mailer = createStoreMailbox(store, { clock });
 * const provider = createProvider({ store, clock, mailer });
 * // … after sendEmailCode, on any instance:
 * (await mailer.latest('janos@example.hu'))?.code;
 */
export function createStoreMailbox(store: Store, options: StoreMailboxOptions = {}): StoreMailbox {
  if (typeof store !== 'object' || store === null || typeof store.update !== 'function')
    throw new InvalidArgumentError(`"store" must be a Store, got ${describeValue(store)}`);
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  const perAddress = options.perAddress ?? STORE_MAILBOX_PER_ADDRESS;
  if (!Number.isInteger(perAddress) || perAddress < 1 || perAddress > 1000)
    throw new InvalidArgumentError(`"perAddress" must be an integer from 1 to 1000, got ${describeValue(perAddress)}`);
  const maxAgeMs = options.maxAgeMs ?? STORE_MAILBOX_MAX_AGE_MS;
  if (!Number.isInteger(maxAgeMs) || maxAgeMs < 1)
    throw new InvalidArgumentError(`"maxAgeMs" must be a positive whole number of ms, got ${describeValue(maxAgeMs)}`);
  const clock = options.clock;
  if (clock !== undefined && typeof clock?.now !== 'function')
    throw new InvalidArgumentError(`"clock" must have a now() method, got ${describeValue(clock)}`);

  // A message is kept while younger than maxAgeMs since it arrived; one from the "future" (the clock
  // set back, or a late message on its way) stays.
  const fresh = (list: StoredMessage[], now: number | undefined) =>
    now === undefined ? list : list.filter((m) => arrivalOf(m) > now - maxAgeMs);
  // Without a clock nothing can be judged late: everything kept is shown, as in the memory mailbox.
  const arrived = (m: StoredMessage, now: number | undefined) =>
    m.arrivesAt === undefined || now === undefined || m.arrivesAt <= now;
  const read = async (key: string): Promise<StoredMessage[]> => {
    const list = await store.get<StoredMessage[]>(key);
    const now = clock?.now();
    return fresh(Array.isArray(list) ? list.filter(isMessage) : [], now).filter((m) => arrived(m, now));
  };
  const removeKey = async (key: string): Promise<number> => {
    let removed = 0;
    await store.update<StoredMessage[]>(key, (list) => {
      removed = Array.isArray(list) ? list.length : 0;
      return undefined;
    });
    return removed;
  };

  const box: StoreMailbox = {
    async send(message) {
      const to = checkAddress(message?.to, 'to');
      const sentAt = checkTime(message.sentAt, 'sentAt');
      const kept: StoredMessage = {
        to: message.to,
        from: checkText(message.from, 'from'),
        subject: checkText(message.subject, 'subject'),
        text: checkText(message.text, 'text'),
        sentAt,
      };
      const delay = await readMailDelay(store);
      if (delay > 0) kept.arrivesAt = sentAt + delay;
      const now = clock?.now() ?? message.sentAt;
      await store.update<StoredMessage[]>(keyOf(to), (list) => {
        const earlier = fresh(Array.isArray(list) ? list.filter(isMessage) : [], now);
        return [...earlier, kept].slice(-perAddress);
      });
    },
    async messages(to) {
      const keys = to === undefined ? await store.keys(MAILBOX_KEY_PREFIX) : [keyOf(checkAddress(to, 'to'))];
      return byArrival((await Promise.all(keys.map(read))).flat());
    },
    async latest(to) {
      return byArrival(await read(keyOf(checkAddress(to, 'to')))).at(-1) ?? null;
    },
    removeFor: (to) => removeKey(keyOf(checkAddress(to, 'to'))),
    async clear() {
      let removed = 0;
      for (const key of await store.keys(MAILBOX_KEY_PREFIX)) removed += await removeKey(key);
      return removed;
    },
    delayMs: () => readMailDelay(store),
    async setDelayMs(delayMs) {
      if (checkMailDelay(delayMs) > 0 && clock === undefined)
        throw new InvalidArgumentError('"delayMs" needs a clock: create the mailbox with { clock }');
      return writeMailDelay(store, delayMs);
    },
  };
  Object.defineProperty(box, BRAND, { value: true });
  return box;
}

/** The Store key of an address's mail. Addresses are compared without case, as mail systems do in practice. */
function keyOf(address: string): string {
  return MAILBOX_KEY_PREFIX + address.toLowerCase();
}

function checkAddress(value: unknown, field: string): string {
  const address = typeof value === 'string' ? value.trim() : value;
  if (typeof address !== 'string' || address.length > MAX_ADDRESS || !/^[^\s@]+@[^\s@]+$/.test(address))
    throw new InvalidArgumentError(`"${field}" must be an e-mail address, got ${describeValue(value)}`);
  return address;
}

// A code mail is a few hundred characters; a far longer text is not one the service wrote.
const MAX_TEXT = 64 * 1024;

function checkText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > MAX_TEXT)
    throw new InvalidArgumentError(
      `"${field}" must be a text of at most ${MAX_TEXT} characters, got ${describeValue(value)}`,
    );
  return value;
}

function isMessage(value: unknown): value is StoredMessage {
  const m = value as StoredMessage;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.to === 'string' &&
    typeof m.from === 'string' &&
    typeof m.subject === 'string' &&
    typeof m.text === 'string' &&
    typeof m.sentAt === 'number' &&
    (m.arrivesAt === undefined || typeof m.arrivesAt === 'number')
  );
}

function arrivalOf(message: StoredMessage): number {
  return message.arrivesAt ?? message.sentAt;
}

/** In the order they arrived; a sort is stable, so mail that arrived together keeps its sending order. */
function byArrival(list: StoredMessage[]): KeptMail[] {
  return list.sort((a, b) => arrivalOf(a) - arrivalOf(b)).map((m) => withFields(m, arrivalOf(m)));
}

/** A message with the fields its code mail carries, and when it arrived (default: when it was sent). */
export function withFields(message: MailMessage, arrivedAt = message.sentAt): KeptMail {
  const fields = readCodeMail(message);
  return {
    to: message.to,
    from: message.from,
    subject: message.subject,
    text: message.text,
    sentAt: message.sentAt,
    code: fields?.code ?? null,
    sessionNumber: fields?.sessionNumber ?? null,
    purpose: fields?.purpose ?? null,
    expiresAt: fields === null ? null : message.sentAt + fields.validMinutes * 60_000,
    arrivedAt,
  };
}
