// Where the simulated service's mail goes, for `serve --api` and `demo --interactive`: an SMTP server
// named by --smtp or TOTP_LAB_SMTP_URL, or else the in-memory mailbox.
import { InvalidArgumentError } from '../core/errors.js';
import { parseDurationInput, quoteInput } from '../core/time-input.js';
import { MAX_MAIL_DELAY_MS } from '../sim/mail-delay.js';
import type { Mailer } from '../sim/mailer.js';
import { UsageError } from './io.js';

/** The environment variable that names the SMTP server (kept out of shell history: it may hold a password). */
export const SMTP_URL_ENV = 'TOTP_LAB_SMTP_URL';
/** The environment variable that names a PEM file of certificates to trust for that server's TLS. */
export const SMTP_CA_ENV = 'TOTP_LAB_SMTP_CA';

export interface MailSetup {
  /** The SMTP mailer, or null: the service keeps its mail in its own in-memory mailbox. */
  mailer: Mailer | null;
  /** One line for the start-up message: where mail goes (never a password). */
  description: string;
  /** Warnings to print: a password on the command line, a server that does not answer yet. */
  warnings: string[];
  close(): Promise<void>;
}

/** The flag that lets SMTP credentials go to a server without STARTTLS. */
export const INSECURE_AUTH_FLAG = '--smtp-allow-insecure-auth';
/** The same as an environment variable (1 or empty), for every command that sends mail. */
export const SMTP_INSECURE_AUTH_ENV = 'TOTP_LAB_SMTP_ALLOW_INSECURE_AUTH';

/**
 * Sets up the mailer: SMTP when `flag` (--smtp) or TOTP_LAB_SMTP_URL gives a URL, the flag first;
 * otherwise none (the service's own in-memory mailbox). An unreachable server is a warning, not a failure, so the service
 * starts before the mail catcher does. A user name and password go only over TLS unless
 * `allowInsecureAuth` (--smtp-allow-insecure-auth) says otherwise.
 */
export async function setUpMail(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  options: { allowInsecureAuth?: boolean } = {},
): Promise<MailSetup> {
  if (flag === '') throw new UsageError('--smtp must be an smtp:// or smtps:// URL, got ""');
  const url = flag ?? (env[SMTP_URL_ENV] === '' ? undefined : env[SMTP_URL_ENV]);
  if (url === undefined) {
    return {
      mailer: null,
      description: 'Mail: kept in memory (set TOTP_LAB_SMTP_URL to send it to an SMTP server)',
      warnings: [],
      close: () => Promise.resolve(),
    };
  }
  const { createSmtpMailer } = await import('../node/smtp-mailer.js');
  const fromEnv = env[SMTP_INSECURE_AUTH_ENV];
  if (fromEnv !== undefined && fromEnv !== '' && fromEnv !== '1')
    throw new UsageError(`${SMTP_INSECURE_AUTH_ENV} must be 1 or empty, got ${JSON.stringify(fromEnv.slice(0, 40))}`);
  const allowInsecureAuth = options.allowInsecureAuth === true || fromEnv === '1';
  const mailer = await createSmtpMailer({ url, allowInsecureAuth, ...(await trustedCertificates(env)) });
  const warnings: string[] = [];
  if (flag !== undefined && /^[a-z]+:\/\/[^/@]*:[^/@]*@/i.test(flag))
    warnings.push(`warning: --smtp holds a password, which stays in your shell history; set ${SMTP_URL_ENV} instead`);
  if (allowInsecureAuth) {
    const by = options.allowInsecureAuth === true ? INSECURE_AUTH_FLAG : `${SMTP_INSECURE_AUTH_ENV}=1`;
    warnings.push(`warning: ${by} sends the SMTP user name and password without TLS if the server offers none`);
  }
  try {
    await mailer.verify();
  } catch (error) {
    // The library's option is this command's flag.
    const message = (error as Error).message.replace(/\ballowInsecureAuth\b/, INSECURE_AUTH_FLAG);
    warnings.push(`warning: ${message}; mail will fail until it answers`);
  }
  return {
    mailer,
    description: `Mail: sent to the SMTP server at ${mailer.server}`,
    warnings,
    close: () => mailer.close(),
  };
}

/** The certificates of the PEM file TOTP_LAB_SMTP_CA names, if it names one. */
async function trustedCertificates(env: Record<string, string | undefined>): Promise<{ ca?: string }> {
  const file = env[SMTP_CA_ENV];
  if (file === undefined || file === '') return {};
  const [{ readFile }, { PEM_CERTIFICATE }] = await Promise.all([
    import('node:fs/promises'),
    import('../node/smtp-options.js'),
  ]);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`${SMTP_CA_ENV} must name a readable PEM file of certificates (${code})`);
  }
  if (!text.includes(PEM_CERTIFICATE))
    throw new UsageError(`${SMTP_CA_ENV} must name a PEM file of certificates; that file holds none`);
  return { ca: text };
}

/** `--mail-delay`: a duration (90s, 10m, 1h; see parseDurationInput) of at most a day, in ms. */
export function readMailDelay(text: string): number {
  let ms: number;
  try {
    ms = parseDurationInput(text, '--mail-delay');
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new UsageError(error.message);
    throw error;
  }
  if (ms > MAX_MAIL_DELAY_MS) throw new UsageError(`--mail-delay must be at most 24h, got ${quoteInput(text)}`);
  return ms;
}
