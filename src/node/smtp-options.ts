/**
 * Reads the options of createSmtpMailer: an smtp:// or smtps:// URL, or host/port/secure/auth.
 * A URL may carry a user name and password, so no message here ever quotes the URL or its parts
 * beyond the host and port.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/** Where and how to reach the SMTP server; either `url` or `host` (with the rest optional). */
export interface SmtpMailerOptions {
  /**
   * `smtp://[user[:password]@]host[:port]` (STARTTLS when the server offers it, and required when
   * a user name and password are given) or `smtps://…` (TLS from the start). Percent-encode special
   * characters in the user name and password.
   */
  url?: string;
  host?: string;
  /** Default 587, or 465 with `secure`. */
  port?: number;
  /**
   * TLS from the first byte (usually port 465); otherwise STARTTLS is used when the server offers
   * it, and required with `auth`.
   */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /**
   * Lets a user name and password go to a server that offers no STARTTLS, in clear (default false:
   * refused without sending them). Only for a mail catcher on this machine that wants a login but
   * has no TLS: anyone on the way can read them, and a man in the middle can strip STARTTLS.
   */
  allowInsecureAuth?: boolean;
  /** The sender address of every message, instead of the one the service signs its mail with. */
  from?: string;
  /** How long to wait for the connection, the greeting and each reply, in milliseconds (default 10 000). */
  timeoutMs?: number;
  /**
   * PEM certificates to trust for this server's TLS, besides the system's: a local mail catcher's
   * own (self-signed) certificate, say. Without it a certificate that does not chain to a known
   * authority is refused.
   */
  ca?: string;
}

/** The settled connection settings. */
export interface SmtpTarget {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string } | undefined;
  /** STARTTLS is required: credentials are given, over plain smtp://, and the user did not allow them in clear. */
  requireTls: boolean;
  from: string | undefined;
  timeoutMs: number;
  ca: string | undefined;
}

export const DEFAULT_SMTP_TIMEOUT_MS = 10_000;
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:.]+)$/;
// One address, no display name or line breaks: it goes into a header as given.
const ADDRESS = /^[^\s@<>(),;:"\\]{1,64}@[^\s@<>(),;:"\\]{1,255}$/;

/** What PEM text of certificates holds: at least one of these. */
export const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';
// A bundle of a few hundred certificates is far below this.
const MAX_CA_CHARS = 1024 * 1024;

/** Checks `options` and settles the defaults. @throws {InvalidArgumentError} naming the bad field */
export function readSmtpOptions(options: SmtpMailerOptions): SmtpTarget {
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  const fromUrl = options.url !== undefined ? parseSmtpUrl(options.url) : undefined;
  if (fromUrl !== undefined && (options.host ?? options.port ?? options.secure ?? options.auth) !== undefined)
    throw new InvalidArgumentError('"url" goes without "host", "port", "secure" and "auth" (the URL holds them)');
  if (fromUrl === undefined && options.host === undefined)
    throw new InvalidArgumentError('the SMTP mailer needs "url" or "host"');
  const host = fromUrl?.host ?? options.host;
  if (typeof host !== 'string' || !HOST.test(host))
    throw new InvalidArgumentError(`"host" must be a host name or address, got ${describeValue(host)}`);
  const secure = fromUrl?.secure ?? options.secure ?? false;
  if (typeof secure !== 'boolean')
    throw new InvalidArgumentError(`"secure" must be true or false, got ${describeValue(secure)}`);
  const port = fromUrl?.port ?? options.port ?? (secure ? 465 : 587);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new InvalidArgumentError(`"port" must be an integer from 1 to 65535, got ${describeValue(port)}`);
  const auth = fromUrl !== undefined ? fromUrl.auth : options.auth;
  if (
    auth !== undefined &&
    (typeof auth !== 'object' || auth === null || typeof auth.user !== 'string' || typeof auth.pass !== 'string')
  )
    throw new InvalidArgumentError('"auth" must be { user: string, pass: string }');
  const allowInsecureAuth = options.allowInsecureAuth ?? false;
  if (typeof allowInsecureAuth !== 'boolean')
    throw new InvalidArgumentError(
      `"allowInsecureAuth" must be true or false, got ${describeValue(allowInsecureAuth)}`,
    );
  if (options.from !== undefined && (typeof options.from !== 'string' || !ADDRESS.test(options.from)))
    throw new InvalidArgumentError(`"from" must be one e-mail address, got ${describeValue(options.from)}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000)
    throw new InvalidArgumentError(`"timeoutMs" must be an integer from 1 to 600000, got ${describeValue(timeoutMs)}`);
  if (
    options.ca !== undefined &&
    (typeof options.ca !== 'string' || options.ca.length > MAX_CA_CHARS || !options.ca.includes(PEM_CERTIFICATE))
  )
    throw new InvalidArgumentError(`"ca" must be PEM text with at least one certificate (${PEM_CERTIFICATE})`);
  const requireTls = auth !== undefined && !secure && !allowInsecureAuth;
  return {
    host: host.replace(/^\[|\]$/g, ''),
    port,
    secure,
    auth,
    requireTls,
    from: options.from,
    timeoutMs,
    ca: options.ca,
  };
}

/** Reads an smtp:// or smtps:// URL without ever echoing it (it may hold a password). */
function parseSmtpUrl(url: unknown): Pick<SmtpTarget, 'host' | 'secure' | 'auth'> & { port: number | undefined } {
  const shape = 'must look like smtp://[user:password@]host[:port] or smtps://…';
  if (typeof url !== 'string') throw new InvalidArgumentError(`"url" ${shape}, got ${describeValue(url)}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidArgumentError(`"url" ${shape} (it could not be read as a URL)`);
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new InvalidArgumentError(`"url" ${shape}, got the scheme ${describeValue(parsed.protocol.slice(0, -1))}`);
  if (parsed.hostname === '') throw new InvalidArgumentError(`"url" ${shape} (it names no host)`);
  if ((parsed.pathname !== '' && parsed.pathname !== '/') || parsed.search !== '' || parsed.hash !== '')
    throw new InvalidArgumentError(`"url" ${shape} (nothing may follow the port)`);
  let auth: SmtpTarget['auth'];
  if (parsed.username !== '' || parsed.password !== '') {
    try {
      auth = { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) };
    } catch {
      throw new InvalidArgumentError(`"url" ${shape} (its user name or password is not valid percent-encoding)`);
    }
  }
  return {
    host: parsed.hostname,
    port: parsed.port === '' ? undefined : Number(parsed.port),
    secure: parsed.protocol === 'smtps:',
    auth,
  };
}

/** The server as `host:port`, for messages (never the URL, which may hold a password). */
export function describeServer(target: Pick<SmtpTarget, 'host' | 'port'>): string {
  return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}
