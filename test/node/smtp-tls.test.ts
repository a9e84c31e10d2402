// The SMTP mailer over TLS, to a real SMTP server (smtp-server) with a certificate made for the test
// (selfsigned): from the first byte (smtps://) and after STARTTLS (smtp://), trusted only when the
// mailer is given the certificate, and refused in one line when it is not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTP_CA_ENV, SMTP_URL_ENV, setUpMail } from '../../src/cli/mail-option.js';
import { createSmtpMailer, MailError } from '../../src/node/index.js';
import { CODE_MAIL, startMailCatcher, testCertificate, type MailCatcher } from './smtp-catcher.js';

const message = CODE_MAIL;

let pem: { key: string; cert: string };
let other: string;
const catchers: MailCatcher[] = [];
beforeAll(async () => {
  pem = await testCertificate();
  // Another certificate for the same name: trusting it must not make the catcher's trusted.
  other = (await testCertificate()).cert;
});
afterAll(async () => {
  await Promise.all(catchers.map((c) => c.close()));
});

async function catcher(mode: 'implicit' | 'starttls'): Promise<MailCatcher> {
  const started = await startMailCatcher({ tls: { ...pem, mode } });
  catchers.push(started);
  return started;
}

describe('createSmtpMailer over TLS', () => {
  it('delivers over smtps:// to a server whose certificate it was given', async () => {
    const c = await catcher('implicit');
    const mailer = await createSmtpMailer({ url: `smtps://127.0.0.1:${c.port}`, ca: pem.cert, timeoutMs: 5_000 });
    await mailer.send(message);
    await mailer.close();
    expect(c.caught).toHaveLength(1);
    const parsed = await simpleParser(c.caught[0]!.raw);
    expect(parsed.text).toContain('493817');
  });

  it('delivers over STARTTLS on smtp:// when the server offers it', async () => {
    const c = await catcher('starttls');
    const mailer = await createSmtpMailer({ host: '127.0.0.1', port: c.port, ca: pem.cert, timeoutMs: 5_000 });
    await mailer.send(message);
    await mailer.close();
    expect(c.caught).toHaveLength(1);
  });

  it('refuses a certificate it was not given, in one line naming the server, and sends nothing', async () => {
    for (const mode of ['implicit', 'starttls'] as const) {
      const c = await catcher(mode);
      for (const ca of [undefined, other]) {
        const mailer = await createSmtpMailer({
          url: `${mode === 'implicit' ? 'smtps' : 'smtp'}://someone:hunter2-secret@127.0.0.1:${c.port}`,
          ...(ca !== undefined && { ca }),
          timeoutMs: 5_000,
        });
        const error = await mailer.send(message).then(
          () => undefined,
          (e: unknown) => e,
        );
        await mailer.close();
        expect(error, `${mode} ${ca === undefined ? 'without' : 'with another'} certificate`).toBeInstanceOf(MailError);
        const text = (error as Error).message;
        expect(text).toMatch(
          new RegExp(`certificate.*127\\.0\\.0\\.1:${c.port}|127\\.0\\.0\\.1:${c.port}.*certificate`),
        );
        expect(text).not.toMatch(/[\r\n]|hunter2|kovacs/);
      }
      expect(c.caught).toHaveLength(0);
    }
  });

  it('refuses a "ca" that holds no certificate, without quoting it', async () => {
    await expect(createSmtpMailer({ host: '127.0.0.1', ca: 'not a certificate, hunter2' })).rejects.toThrow(
      /^"ca" must be PEM text with at least one certificate/,
    );
    await expect(createSmtpMailer({ host: '127.0.0.1', ca: 'not a certificate, hunter2' })).rejects.not.toThrow(
      /hunter2/,
    );
  });

  it('trusts the certificate of the PEM file TOTP_LAB_SMTP_CA names, in the CLI', async () => {
    const c = await catcher('implicit');
    const dir = mkdtempSync(join(tmpdir(), 'totp-lab-smtp-ca-'));
    const file = join(dir, 'catcher.pem');
    writeFileSync(file, pem.cert);
    const url = `smtps://127.0.0.1:${c.port}`;
    const trusted = await setUpMail(undefined, { [SMTP_URL_ENV]: url, [SMTP_CA_ENV]: file });
    expect(trusted.warnings).toEqual([]);
    await trusted.mailer!.send(message);
    await trusted.close();
    expect(c.caught).toHaveLength(1);
    const untrusted = await setUpMail(undefined, { [SMTP_URL_ENV]: url });
    expect(untrusted.warnings).toHaveLength(1);
    expect(untrusted.warnings[0]).toMatch(/does not trust/);
    await untrusted.close();
    await expect(
      setUpMail(undefined, { [SMTP_URL_ENV]: url, [SMTP_CA_ENV]: join(dir, 'missing.pem') }),
    ).rejects.toThrow('TOTP_LAB_SMTP_CA must name a readable PEM file of certificates (ENOENT)');
    writeFileSync(join(dir, 'key.pem'), pem.key);
    await expect(setUpMail(undefined, { [SMTP_URL_ENV]: url, [SMTP_CA_ENV]: join(dir, 'key.pem') })).rejects.toThrow(
      'TOTP_LAB_SMTP_CA must name a PEM file of certificates; that file holds none',
    );
  });
});
