// A user name and password go to an SMTP server only over TLS: smtp:// with credentials insists on
// STARTTLS, so a server that does not offer it (or a man in the middle who strips it) never sees
// them, unless the user says otherwise with allowInsecureAuth (--smtp-allow-insecure-auth).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { setUpMail, SMTP_URL_ENV } from '../../src/cli/mail-option.js';
import { createSmtpMailer, MailError } from '../../src/node/index.js';
import { CODE_MAIL, startMailCatcher, testCertificate, type MailCatcher } from './smtp-catcher.js';

const LOGIN = { user: 'lab', pass: 'Catcher-Pass-42' };
const message = CODE_MAIL;

let plain: MailCatcher;
let starttls: MailCatcher;
let cert: string;
beforeAll(async () => {
  const made = await testCertificate();
  cert = made.cert;
  plain = await startMailCatcher({ login: LOGIN });
  starttls = await startMailCatcher({ login: LOGIN, tls: { ...made, mode: 'starttls' } });
});
afterAll(async () => {
  await Promise.all([plain.close(), starttls.close()]);
});

const urlOf = (c: MailCatcher) => `smtp://${LOGIN.user}:${LOGIN.pass}@127.0.0.1:${c.port}`;

describe('credentials over smtp://', () => {
  it('are not sent to a server that offers no STARTTLS: a one-line MailError says what to do', async () => {
    const mailer = await createSmtpMailer({ url: urlOf(plain), timeoutMs: 5_000 });
    const error = await mailer.send(message).catch((e: unknown) => e);
    await mailer.close();
    expect(error).toBeInstanceOf(MailError);
    expect((error as Error).message).toBe(
      `the SMTP server at 127.0.0.1:${plain.port} offers no STARTTLS, so the user name and password were not sent: ` +
        'use smtps://, a server with STARTTLS, or allowInsecureAuth',
    );
    expect((error as Error).message).not.toContain(LOGIN.pass);
    expect(plain.logins).toEqual([]);
    expect(plain.caught).toEqual([]);
  });

  it('go over STARTTLS when the server offers it', async () => {
    const mailer = await createSmtpMailer({ url: urlOf(starttls), ca: cert, timeoutMs: 5_000 });
    await mailer.send(message);
    await mailer.close();
    expect(starttls.logins).toEqual([{ user: 'lab', accepted: true }]);
    expect(starttls.caught).toHaveLength(1);
  });

  it('are sent in clear only when allowInsecureAuth says so', async () => {
    const mailer = await createSmtpMailer({ url: urlOf(plain), allowInsecureAuth: true, timeoutMs: 5_000 });
    await mailer.send(message);
    await mailer.close();
    expect(plain.logins.at(-1)).toEqual({ user: 'lab', accepted: true });
  });

  it('a server without credentials still takes mail without TLS (a local mail catcher)', async () => {
    const open = await startMailCatcher();
    try {
      const mailer = await createSmtpMailer({ url: `smtp://127.0.0.1:${open.port}`, timeoutMs: 5_000 });
      await mailer.send(message);
      await mailer.close();
      expect(open.caught).toHaveLength(1);
    } finally {
      await open.close();
    }
  });

  it('allowInsecureAuth must be true or false', async () => {
    await expect(createSmtpMailer({ url: urlOf(plain), allowInsecureAuth: 'yes' as never })).rejects.toThrow(
      /"allowInsecureAuth" must be true or false, got "yes"/,
    );
  });
});

describe('the CLI', () => {
  it('warns at start-up that the server offers no STARTTLS, and --smtp-allow-insecure-auth lets it log in', async () => {
    const refused = await setUpMail(undefined, { [SMTP_URL_ENV]: urlOf(plain) });
    expect(refused.warnings).toEqual([
      `warning: the SMTP server at 127.0.0.1:${plain.port} offers no STARTTLS, so the user name and password were not sent: use smtps://, a server with STARTTLS, or --smtp-allow-insecure-auth; mail will fail until it answers`,
    ]);
    await refused.close();
    const allowed = await setUpMail(undefined, { [SMTP_URL_ENV]: urlOf(plain) }, { allowInsecureAuth: true });
    expect(allowed.warnings).toEqual([
      'warning: --smtp-allow-insecure-auth sends the SMTP user name and password without TLS if the server offers none',
    ]);
    await allowed.close();
  });

  it('--smtp-allow-insecure-auth needs --api, like the other mail flags', async () => {
    const out: string[] = [];
    const code = await run(['serve', '--smtp-allow-insecure-auth'], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: {},
      isTty: false,
      lines: async function* () {},
    });
    expect(code).toBe(2);
    expect(out.join('\n')).toBe('totp-lab: --smtp-allow-insecure-auth needs --api');
  });
});
