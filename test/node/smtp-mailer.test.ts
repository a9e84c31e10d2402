// The SMTP mailer, over real SMTP to a real SMTP server (smtp-server) on 127.0.0.1, with what
// arrives parsed by an independent MIME parser (mailparser).
import { inspect } from 'node:util';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { createSmtpMailer, MailError } from '../../src/node/index.js';
import { loadDriver } from '../../src/node/optional-driver.js';
import { isTotpLabError, type MailMessage } from '../../src/index.js';
import { closedPort, startMailCatcher, type MailCatcher } from './smtp-catcher.js';

const catchers: MailCatcher[] = [];
const catcher = async (...args: Parameters<typeof startMailCatcher>) => {
  const started = await startMailCatcher(...args);
  catchers.push(started);
  return started;
};
afterAll(async () => {
  await Promise.all(catchers.map((c) => c.close()));
});

const CODE = '493817';
const message = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  to: 'kovacs.janos@example.hu',
  from: 'ugyfelkapu@example.gov.hu',
  subject: 'Ügyfélkapu+ hitelesítő kód – 417. munkamenet',
  text: `Kedves Felhasználó!\n\nAz Ön hitelesítő kódja: ${CODE}\nA kód 10 percig érvényes. Árvíztűrő tükörfúrógép.\n`,
  sentAt: Date.UTC(2025, 0, 14, 9, 30, 0),
  ...overrides,
});

/** Everything an error could show: its message, its text, its stack, its inspection, its JSON. */
const everythingAbout = (error: unknown) =>
  [String(error), (error as Error).stack ?? '', inspect(error, { depth: 5 }), JSON.stringify(error)].join('\n');

async function failure(promise: Promise<unknown>): Promise<MailError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailError);
  const mailError = error as MailError;
  expect(isTotpLabError(mailError) && mailError.code).toBe('MAIL_NOT_SENT');
  expect(mailError.message).not.toMatch(/[\r\n]/);
  return mailError;
}

describe('createSmtpMailer', () => {
  it('delivers the message with its sender, recipient, subject, Hungarian text and the service time intact', async () => {
    const server = await catcher();
    const mailer = await createSmtpMailer({ url: `smtp://${server.host}:${server.port}` });
    expect(mailer.server).toBe(`127.0.0.1:${server.port}`);
    await mailer.send(message());
    await mailer.close();
    expect(server.caught).toHaveLength(1);
    const [mail] = server.caught;
    expect(mail!.mailFrom).toBe('ugyfelkapu@example.gov.hu');
    expect(mail!.rcptTo).toEqual(['kovacs.janos@example.hu']);
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.from?.value).toEqual([{ address: 'ugyfelkapu@example.gov.hu', name: '' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'kovacs.janos@example.hu', name: '' }] });
    expect(parsed.subject).toBe(message().subject);
    expect(parsed.text).toBe(message().text);
    expect(parsed.date?.getTime()).toBe(message().sentAt);
  });

  it('sends as the given "from" address, and takes host and port instead of a URL', async () => {
    const server = await catcher();
    const mailer = await createSmtpMailer({ host: server.host, port: server.port, from: 'noreply@lab.test' });
    await mailer.send(message());
    await mailer.send(message({ to: 'nagy.eva@example.hu', text: 'második' }));
    await mailer.close();
    expect(server.caught.map((m) => [m.mailFrom, m.rcptTo])).toEqual([
      ['noreply@lab.test', ['kovacs.janos@example.hu']],
      ['noreply@lab.test', ['nagy.eva@example.hu']],
    ]);
    expect((await simpleParser(server.caught[1]!.raw)).text?.trim()).toBe('második');
  });

  it('logs in with the credentials of the URL (percent-encoded characters included)', async () => {
    const server = await catcher({ login: { user: 'lab@x', pass: 'jó jelszó:/@' } });
    const url = `smtp://${encodeURIComponent('lab@x')}:${encodeURIComponent('jó jelszó:/@')}@${server.host}:${server.port}`;
    // The catcher has no TLS: the login goes in clear only because the test says so.
    const mailer = await createSmtpMailer({ url, allowInsecureAuth: true });
    await mailer.verify();
    await mailer.send(message());
    await mailer.close();
    expect(server.logins.some((l) => l.user === 'lab@x' && l.accepted)).toBe(true);
    expect(server.caught).toHaveLength(1);
  });

  it('refuses a wrong password in one line that names the server, never the password or the mail', async () => {
    const server = await catcher({ login: { user: 'lab', pass: 'right-one' } });
    const password = 'Wr0ng-S3cret-Pass';
    const mailer = await createSmtpMailer({
      url: `smtp://lab:${password}@${server.host}:${server.port}`,
      allowInsecureAuth: true,
    });
    const error = await failure(mailer.send(message()));
    await mailer.close();
    expect(error.message).toBe(
      `the SMTP server at 127.0.0.1:${server.port} refused the user name or password: 535 Invalid username or password`,
    );
    const shown = everythingAbout(error);
    for (const secret of [password, CODE, 'kovacs.janos']) expect(shown).not.toContain(secret);
    expect(server.caught).toHaveLength(0);
  });

  it('reports a refused recipient in one line, without the address or the code', async () => {
    const server = await catcher({ refuse: (address) => address.startsWith('kovacs') });
    const mailer = await createSmtpMailer({ host: server.host, port: server.port });
    const error = await failure(mailer.send(message()));
    expect(error.message).toBe(
      `the SMTP server at 127.0.0.1:${server.port} refused the recipient: 550 <address>: No such user here`,
    );
    const shown = everythingAbout(error);
    for (const secret of [CODE, 'kovacs.janos@example.hu', 'hitelesítő']) expect(shown).not.toContain(secret);
    // The mailer is still usable afterwards.
    await mailer.send(message({ to: 'nagy.eva@example.hu' }));
    await mailer.close();
    expect(server.caught.map((m) => m.rcptTo)).toEqual([['nagy.eva@example.hu']]);
  });

  it('reports an unreachable server in one line, without the credentials of the URL', async () => {
    const port = await closedPort();
    const mailer = await createSmtpMailer({ url: `smtp://someone:Hunter2-Secret@127.0.0.1:${port}` });
    const error = await failure(mailer.send(message()));
    expect(error.message).toBe(`could not reach the SMTP server at 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(error.server).toBe(`127.0.0.1:${port}`);
    const shown = everythingAbout(error);
    for (const secret of ['Hunter2-Secret', 'someone', CODE]) expect(shown).not.toContain(secret);
    await failure(mailer.verify());
  });

  it('sends one recipient only, whatever the address holds', async () => {
    const server = await catcher();
    const mailer = await createSmtpMailer({ host: server.host, port: server.port });
    for (const to of ['a@x.test, b@x.test', 'a@x.test\r\nBcc: b@x.test', 'nobody'])
      await expect(mailer.send(message({ to }))).rejects.toThrow(/^"message.to" must be one e-mail address$/);
    await mailer.close();
    expect(server.caught).toHaveLength(0);
  });

  it('refuses bad options in one line that never quotes the URL', async () => {
    const bad: [unknown, RegExp][] = [
      [{ url: 'http://user:Pa55word@mail.test' }, /^"url" must look like smtp:\/\/.*, got the scheme "http"$/],
      [{ url: 'smtp://user:Pa55word@' }, /^"url" must look like smtp:\/\//],
      [{ url: 'smtp://user:Pa55word@mail.test/path?x=1' }, /nothing may follow the port/],
      [{ url: 'smtp://user:Pa55word@mail.test', port: 25 }, /^"url" goes without "host", "port"/],
      [{}, /^the SMTP mailer needs "url" or "host"$/],
      [{ host: 'mail.test', port: 70_000 }, /^"port" must be an integer from 1 to 65535, got 70000$/],
      [{ host: 'mail .test' }, /^"host" must be a host name or address/],
      [{ host: 'mail.test', from: 'a@b.test, c@d.test' }, /^"from" must be one e-mail address/],
      [{ host: 'mail.test', auth: { user: 'x' } }, /^"auth" must be \{ user: string, pass: string \}$/],
      [{ host: 'mail.test', timeoutMs: 0 }, /^"timeoutMs" must be an integer/],
      [null, /^"options" must be an object, got null$/],
    ];
    for (const [options, expected] of bad) {
      const error = await createSmtpMailer(options as never).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(isTotpLabError(error) && error.code, JSON.stringify(options)).toBe('INVALID_ARGUMENT');
      expect(error!.message).toMatch(expected);
      expect(error!.message).not.toContain('Pa55word');
    }
  });

  it('names the package to install when an optional package is missing', async () => {
    await expect(loadDriver('totp-lab-no-such-mailer', '10', 'the SMTP mailer')).rejects.toThrow(
      'the SMTP mailer needs the package "totp-lab-no-such-mailer": install it with npm install totp-lab-no-such-mailer@10',
    );
  });
});
