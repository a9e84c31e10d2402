import { TotpLabError } from '../core/errors.js';

/**
 * A mailer could not deliver a message: the SMTP server was unreachable, refused the sender or the
 * recipient, or refused the login. The message is one line naming the server (host and port) and
 * what went wrong; it never quotes the mail (its body holds a one-time code), the recipient's
 * address or a password.
 */
export class MailError extends TotpLabError {
  override name = 'MailError' as const;
  /** The server the mailer talked to, as `host:port`. */
  readonly server: string;

  constructor(server: string, message: string) {
    super('MAIL_NOT_SENT', message);
    this.server = server;
  }
}
