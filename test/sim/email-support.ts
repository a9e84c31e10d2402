// Set-up for the e-mail factor tests: an account whose second factor is e-mail, and its inbox.
import type { MemoryMailbox, ProviderOptions } from '../../src/index.js';
import { PASSWORD, USER, lab, type Lab } from '../support/provider.js';

export const EMAIL = 'janos@example.hu';

export interface EmailLab extends Lab {
  mailbox: MemoryMailbox;
  /** The 6-digit code of the newest mail in the inbox. */
  lastCode(): string;
  /** Sends a login code and returns it (throws when none was sent). */
  sendCode(): Promise<string>;
}

/** The code a mail carries: its one run of exactly six digits. */
export function codeIn(text: string): string {
  const match = /(?<!\d)\d{6}(?!\d)/.exec(text);
  if (!match) throw new Error('no code in the mail');
  return match[0];
}

/** A registered user who chose e-mail codes; the inbox is empty and the resend delay has passed. */
export async function emailLab(options: ProviderOptions = {}): Promise<EmailLab> {
  const l = lab(options);
  const mailbox = l.provider.mailbox;
  if (!mailbox) throw new Error('expected the default mailbox');
  await l.provider.register({ username: USER, password: PASSWORD, email: EMAIL });
  const started = await l.provider.startEmailFactor({ username: USER, password: PASSWORD });
  if (!started.ok) throw new Error(`start failed: ${started.messageKey}`);
  const lastCode = (): string => codeIn(mailbox.messages(EMAIL).at(-1)?.text ?? '');
  const confirmed = await l.provider.confirmEmailFactor({ setupId: started.setupId, code: lastCode() });
  if (!confirmed.ok) throw new Error(`confirm failed: ${confirmed.messageKey}`);
  mailbox.clear();
  l.clock.advance(60 * 60_000);
  const sendCode = async (): Promise<string> => {
    const sent = await l.provider.sendEmailCode({ username: USER });
    if (!sent.ok) throw new Error(`send failed: ${sent.messageKey}`);
    return lastCode();
  };
  return { ...l, mailbox, lastCode, sendCode };
}
