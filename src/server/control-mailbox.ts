/**
 * The mailbox the control API reads: the provider's mailer when it is a mailbox kept in the Store
 * (createStoreMailbox: shared by every instance, as `totp-lab serve --api` sets it up), else the
 * provider's default in-memory mailbox (this instance's mail only), else none (mail goes to SMTP).
 */
import type { MemoryMailbox } from '../sim/mailer.js';
import type { Provider } from '../sim/provider.js';
import { isStoreMailbox, withFields, type KeptMail } from '../sim/store-mailbox.js';

/** What the control API does with mail. */
export interface ControlMailbox {
  messages(to?: string): Promise<KeptMail[]>;
  latest(to: string): Promise<KeptMail | null>;
  removeFor(to: string): Promise<number>;
  clear(): Promise<number>;
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
    };
  }
  const memory = provider.mailbox;
  return memory === null ? null : memoryMailbox(memory);
}

function memoryMailbox(box: MemoryMailbox): ControlMailbox {
  const messages = (to?: string) => box.messages(to).map(withFields);
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
  };
}
