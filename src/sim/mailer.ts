/**
 * How the simulated service sends e-mail (the e-mail second factor). The provider only ever calls
 * `send`; where the message goes is the caller's choice: {@link createMemoryMailbox} keeps it for a
 * demo's inbox or a test, and `totp-lab/node` has an SMTP mailer for a developer's own mail catcher.
 */

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
  /** The messages sent to `to` (every message when omitted), oldest first; each a copy. */
  messages(to?: string): MailMessage[];
  /** Forgets every message. */
  clear(): void;
}

/** The messages a memory mailbox keeps before it drops the oldest. */
export const MEMORY_MAILBOX_LIMIT = 1000;

/** An in-memory {@link MemoryMailbox}: the default mailer of the simulated service. */
export function createMemoryMailbox(limit: number = MEMORY_MAILBOX_LIMIT): MemoryMailbox {
  const kept: MailMessage[] = [];
  return {
    send(message) {
      kept.push({ ...message });
      if (kept.length > limit) kept.splice(0, kept.length - limit);
      return Promise.resolve();
    },
    messages(to) {
      return kept.filter((m) => to === undefined || m.to === to).map((m) => ({ ...m }));
    },
    clear() {
      kept.length = 0;
    },
  };
}
