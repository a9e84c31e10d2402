/**
 * The mailbox the control API reads: the provider's mailer when it is a mailbox kept in the Store
 * (createStoreMailbox: shared by every instance, as `totp-lab serve --api` sets it up), else the
 * provider's default in-memory mailbox (this instance's mail only), else none (mail goes to SMTP).
 */
import { checkMailDelay } from '../sim/mail-delay.js';
import type { MemoryMailbox } from '../sim/mailer.js';
import type { Provider } from '../sim/provider.js';
import { isStoreMailbox, withFields, type KeptMail } from '../sim/store-mailbox.js';

/** What the control API does with mail. */
export interface ControlMailbox {
  /** The mail that has arrived, in the order it arrived. */
  messages(to?: string): Promise<KeptMail[]>;
  latest(to: string): Promise<KeptMail | null>;
  removeFor(to: string): Promise<number>;
  clear(): Promise<number>;
  /** The delivery delay (ms of the service's clock) of mail sent from now on. */
  delayMs(): Promise<number>;
  setDelayMs(delayMs: number): Promise<number>;
}

/** The mailbox of `provider`, or null when its mail goes elsewhere. */
export function controlMailboxOf(provider: Provider): ControlMailbox | null {
  const mailer = provider.mailer;
  if (isStoreMailbox(mailer)) {
    return {
      messages: (to) => mailer.messages(to),
      latest: (to) => mailer.latest(to),
      removeFor: (to) => mailer.removeFor(to),
      clear: () => mailer.clear(),
      delayMs: () => mailer.delayMs(),
      setDelayMs: (delayMs) => mailer.setDelayMs(delayMs),
    };
  }
  const memory = provider.mailbox;
  return memory === null ? null : memoryMailbox(memory);
}

/** This instance's own mail; its delay is this instance's only (the store's is shared). */
function memoryMailbox(box: MemoryMailbox): ControlMailbox {
  const messages = (to?: string) =>
    box
      .arrivals(to)
      .sort((a, b) => a.arrivedAt - b.arrivedAt)
      .map((m) => withFields(m.message, m.arrivedAt));
  return {
    messages: async (to) => messages(to),
    latest: async (to) => messages(to).at(-1) ?? null,
    async removeFor(to) {
      const count = box.messages(to).length;
      box.clear(to);
      return count;
    },
    async clear() {
      const count = box.messages().length;
      box.clear();
      return count;
    },
    delayMs: async () => box.delayMs,
    async setDelayMs(delayMs) {
      box.delayMs = checkMailDelay(delayMs);
      return box.delayMs;
    },
  };
}
