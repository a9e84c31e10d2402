/**
 * A mailbox kept in the provider's Store: every instance of the service on one Store delivers into
 * it and reads from it, so a test suite finds a code whichever instance sent it. Mail is kept per
 * address (one Store key each, under {@link MAILBOX_KEY_PREFIX}), at most
 * {@link STORE_MAILBOX_PER_ADDRESS} messages and {@link STORE_MAILBOX_MAX_AGE_MS} of simulated time
 * per address: older ones are dropped at the next delivery and never shown.
 *
 * Each message is shown with the fields of its code mail read back (see mail-reading.ts): the code,
 * the session number, what it is for and when it expires.
 */
import { checkTime, type Clock } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
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
  /** When the code stops working, as the mail states it: `sentAt` + its minutes. */
  expiresAt: number | null;
}

/** A {@link Mailer} whose mail is kept in a Store, readable by every instance on it. */
export interface StoreMailbox extends Mailer {
  /** The messages to `to` (every address when omitted), oldest first. */
  messages(to?: string): Promise<KeptMail[]>;
  /** The newest message to `to`, or null. */
  latest(to: string): Promise<KeptMail | null>;
  /** Forgets the mail to `to`; resolves to how many messages went. */
  removeFor(to: string): Promise<number>;
  /** Forgets every message; resolves to how many went. */
  clear(): Promise<number>;
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

/** A message as stored: the same fields as a MailMessage, as a type alias the Store accepts. */
type StoredMessage = { to: string; from: string; subject: string; text: string; sentAt: number };

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

  // A message is kept while younger than maxAgeMs; one from the "future" (the clock set back) stays.
  const fresh = (list: StoredMessage[], now: number | undefined) =>
    now === undefined ? list : list.filter((m) => m.sentAt > now - maxAgeMs);
  const read = async (key: string): Promise<StoredMessage[]> => {
    const list = await store.get<StoredMessage[]>(key);
    return fresh(Array.isArray(list) ? list.filter(isMessage) : [], clock?.now());
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
      const kept: StoredMessage = {
        to: message.to,
        from: checkText(message.from, 'from'),
        subject: checkText(message.subject, 'subject'),
        text: checkText(message.text, 'text'),
        sentAt: checkTime(message.sentAt, 'sentAt'),
      };
      const now = clock?.now() ?? message.sentAt;
      await store.update<StoredMessage[]>(keyOf(to), (list) => {
        const earlier = fresh(Array.isArray(list) ? list.filter(isMessage) : [], now);
        return [...earlier, kept].slice(-perAddress);
      });
    },
    async messages(to) {
      const keys = to === undefined ? await store.keys(MAILBOX_KEY_PREFIX) : [keyOf(checkAddress(to, 'to'))];
      const all = (await Promise.all(keys.map(read))).flat();
      // Oldest first across addresses; a sort is stable, so one address keeps its delivery order.
      return all.sort((a, b) => a.sentAt - b.sentAt).map(withFields);
    },
    async latest(to) {
      const list = await read(keyOf(checkAddress(to, 'to')));
      const last = list.at(-1);
      return last === undefined ? null : withFields(last);
    },
    removeFor: (to) => removeKey(keyOf(checkAddress(to, 'to'))),
    async clear() {
      let removed = 0;
      for (const key of await store.keys(MAILBOX_KEY_PREFIX)) removed += await removeKey(key);
      return removed;
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
    typeof m.sentAt === 'number'
  );
}

/** A message with the fields its code mail carries. */
export function withFields(message: MailMessage): KeptMail {
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
  };
}
