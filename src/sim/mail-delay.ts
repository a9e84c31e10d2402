/**
 * The delivery delay of the mailbox kept in the Store: how long mail takes to arrive, on the
 * service's clock. It lives under one Store key, so every instance of the service on the Store
 * delays its mail alike, and a trainer or a test suite changes it for all of them at once. It is
 * read at each sending, so it applies to mail sent from then on, as the in-memory mailbox's
 * `delayMs` does; a code's validity still counts from when it was sent, as the real service's does.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { Store } from './store.js';

/** The Store key of the delivery delay (apart from the `mailbox:` keys of the mail itself). */
export const MAIL_DELAY_KEY = 'mailbox-delivery';
/** The longest delivery delay: a day of simulated time (a code mail is long dead by then). */
export const MAX_MAIL_DELAY_MS = 24 * 3_600_000;

type DelayRecord = { delayMs: number };

/**
 * Checks a delivery delay: a whole number of ms from 0 to {@link MAX_MAIL_DELAY_MS}.
 * @throws {InvalidArgumentError} naming `delayMs`
 */
export function checkMailDelay(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_MAIL_DELAY_MS)
    throw new InvalidArgumentError(
      `"delayMs" must be a whole number of ms from 0 to ${MAX_MAIL_DELAY_MS} (a day), got ${describeValue(value)}`,
    );
  return value;
}

/** The delay kept in `store`; 0 when none is kept, or when what is kept is not a delay. */
export async function readMailDelay(store: Store): Promise<number> {
  const record = await store.get<DelayRecord>(MAIL_DELAY_KEY);
  const delay = record?.delayMs;
  // A hand-edited value out of range delays nothing rather than hiding mail for good.
  return typeof delay === 'number' && Number.isInteger(delay) && delay > 0 && delay <= MAX_MAIL_DELAY_MS ? delay : 0;
}

/** Keeps `delayMs` in `store` for every instance (0 removes the key); resolves to the delay. */
export async function writeMailDelay(store: Store, delayMs: number): Promise<number> {
  const delay = checkMailDelay(delayMs);
  await store.update<DelayRecord>(MAIL_DELAY_KEY, () => (delay === 0 ? undefined : { delayMs: delay }));
  return delay;
}
