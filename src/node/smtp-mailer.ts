/**
 * createSmtpMailer(): a Mailer that hands each message to an SMTP server, such as a developer's own
 * mail catcher (MailHog, Mailpit, smtp4dev), through nodemailer. nodemailer is an optional peer
 * dependency, loaded only when an SMTP mailer is created.
 */
import { rootCertificates } from 'node:tls';
import { InvalidArgumentError } from '../core/errors.js';
import type { MailMessage, Mailer } from '../sim/mailer.js';
import { MailError } from './mail-error.js';
import { loadDriver } from './optional-driver.js';
import { describeServer, readSmtpOptions, type SmtpMailerOptions, type SmtpTarget } from './smtp-options.js';

/** An SMTP {@link Mailer}. */
export interface SmtpMailer extends Mailer {
  /** The server as `host:port` (never the URL: it may hold a password). */
  readonly server: string;
  /** Connects (and logs in, when credentials were given) without sending. @throws {MailError} */
  verify(): Promise<void>;
  /** Closes any open connection. */
  close(): Promise<void>;
}

// The part of nodemailer used here (its own types stay out of this package's declarations).
interface Transport {
  sendMail(mail: Record<string, unknown>): Promise<unknown>;
  verify(): Promise<unknown>;
  close(): void;
}
interface Nodemailer {
  createTransport(options: Record<string, unknown>): Transport;
}

const ADDRESS = /^[^\s@<>(),;:"\\]{1,64}@[^\s@<>(),;:"\\]{1,255}$/;

/**
 * Creates an SMTP mailer. Nothing is sent or connected until the first `send` (or `verify`).
 * A failed delivery rejects with a {@link MailError}: one line naming the server and what went
 * wrong, never the message, the recipient or a password.
 * @throws {InvalidArgumentError} for a bad option (the message never quotes the URL)
 * @throws {InvalidStateError} when the nodemailer package is not installed
 * @example
 * const mailer = await createSmtpMailer({ url: 'smtp://127.0.0.1:1025' }); // MailHog
 * const provider = createProvider({ mailer });
 */
export async function createSmtpMailer(options: SmtpMailerOptions): Promise<SmtpMailer> {
  const target = readSmtpOptions(options);
  const nodemailer = await loadDriver<Nodemailer>('nodemailer', '10', 'the SMTP mailer');
  const server = describeServer(target);
  const transport = nodemailer.createTransport({
    host: target.host,
    port: target.port,
    secure: target.secure,
    // With credentials over smtp://, STARTTLS or nothing: a server (or a man in the middle) that
    // offers no STARTTLS never sees them.
    requireTLS: target.requireTls,
    ...(target.auth !== undefined && { auth: { user: target.auth.user, pass: target.auth.pass } }),
    // Node's `ca` replaces the trusted authorities; the system's are kept and the given ones added.
    ...(target.ca !== undefined && { tls: { ca: [...rootCertificates, target.ca] } }),
    connectionTimeout: target.timeoutMs,
    greetingTimeout: target.timeoutMs,
    socketTimeout: target.timeoutMs,
    // Nothing of the conversation is logged: the body holds a one-time code.
    logger: false,
    debug: false,
  });
  return {
    server,
    async send(message: MailMessage) {
      const mail = checkMessage(message);
      const from = target.from ?? mail.from;
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          // The envelope is given outright, so a comma in an address can never add a recipient.
          envelope: { from, to: [mail.to] },
          subject: mail.subject,
          text: mail.text,
          // The service's clock, so the mail catcher shows the simulated time.
          date: new Date(mail.sentAt),
          disableFileAccess: true,
          disableUrlAccess: true,
        });
      } catch (error) {
        throw toMailError(error, server, target);
      }
    },
    async verify() {
      try {
        await transport.verify();
      } catch (error) {
        throw toMailError(error, server, target);
      }
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}

function checkMessage(message: MailMessage): MailMessage {
  if (typeof message !== 'object' || message === null)
    throw new InvalidArgumentError('"message" must be a MailMessage');
  // The addresses are not quoted back: an address is personal data.
  for (const field of ['to', 'from'] as const)
    if (typeof message[field] !== 'string' || !ADDRESS.test(message[field]))
      throw new InvalidArgumentError(`"message.${field}" must be one e-mail address`);
  for (const field of ['subject', 'text'] as const)
    if (typeof message[field] !== 'string') throw new InvalidArgumentError(`"message.${field}" must be a string`);
  if (!Number.isFinite(message.sentAt) || Number.isNaN(new Date(message.sentAt).getTime()))
    throw new InvalidArgumentError('"message.sentAt" must be a time in epoch milliseconds');
  return message;
}

const CERTIFICATE = /^(?:[A-Z_]*(?:CERT|SELF_SIGNED|UNABLE_TO_VERIFY)[A-Z_]*|ERR_TLS_CERT_ALTNAME_INVALID)$/;
const NETWORK = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE)\b/;

/** One line about what went wrong, from nodemailer's error, built from its codes, not its message. */
function toMailError(error: unknown, server: string, target: SmtpTarget): MailError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    command?: unknown;
    message?: unknown;
    originalCode?: unknown;
  };
  const at = `the SMTP server at ${server}`;
  // Node's reason for refusing the server's certificate, kept by nodemailer under originalCode.
  const certificate = typeof e.originalCode === 'string' ? CERTIFICATE.exec(e.originalCode)?.[0] : undefined;
  if (certificate !== undefined)
    return new MailError(
      server,
      `${at} showed a certificate this machine does not trust (${certificate}): give its certificate as "ca"`,
    );
  const reply = serverReply(e.responseCode, e.response);
  const network = typeof e.message === 'string' ? NETWORK.exec(e.message)?.[1] : undefined;
  switch (e.code) {
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
      return new MailError(server, `could not reach ${at}${network !== undefined ? ` (${network})` : ''}`);
    case 'ETIMEDOUT':
      return new MailError(server, `${at} did not answer within ${target.timeoutMs} ms`);
    case 'ETLS':
      if (target.requireTls && e.command === 'STARTTLS' && typeof e.response === 'string')
        return new MailError(
          server,
          `${at} offers no STARTTLS, so the user name and password were not sent: use smtps://, a server with STARTTLS, or allowInsecureAuth`,
        );
      return new MailError(
        server,
        `could not set up TLS with ${at}${target.secure ? ' (is it an smtps:// server?)' : ''}`,
      );
    case 'EAUTH':
      return new MailError(server, `${at} refused the user name or password${reply}`);
    case 'ENOAUTH':
      return new MailError(server, `${at} needs a login: give a user name and password`);
    case 'EENVELOPE': {
      const who = typeof e.command === 'string' && /^MAIL\b/i.test(e.command) ? 'sender' : 'recipient';
      return new MailError(server, `${at} refused the ${who}${reply}`);
    }
    case 'EMESSAGE':
      return new MailError(server, `${at} refused the message${reply}`);
    default:
      return new MailError(
        server,
        `${at} did not take the message${typeof e.code === 'string' ? ` (${e.code.slice(0, 20)})` : ''}${reply}`,
      );
  }
}

/** The server's reply code and text, on one line, addresses masked, cut short. */
function serverReply(code: unknown, response: unknown): string {
  if (typeof code !== 'number') return '';
  const text =
    typeof response === 'string'
      ? response
          .replace(/[\u0000-\u001f\u007f]+/g, ' ')
          .replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, '<address>')
          .replace(/^\d{3}[ -]?/, '')
          .trim()
          .slice(0, 120)
      : '';
  return text === '' ? `: ${code}` : `: ${code} ${text}`;
}
