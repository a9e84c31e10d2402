// Where `serve --api` and `demo --interactive` send mail: --smtp or TOTP_LAB_SMTP_URL, else memory.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { setUpMail, SMTP_INSECURE_AUTH_ENV, SMTP_URL_ENV } from '../../src/cli/mail-option.js';
import { compileCli } from '../support/api-instances.js';
import { closedPort, startMailCatcher, type MailCatcher } from './smtp-catcher.js';

// The catcher wants a login and has no TLS, as a local mail catcher may: the credentials may go in
// clear only because these tests say so.
const INSECURE = { [SMTP_INSECURE_AUTH_ENV]: '1' };
const INSECURE_WARNING =
  'warning: TOTP_LAB_SMTP_ALLOW_INSECURE_AUTH=1 sends the SMTP user name and password without TLS if the server offers none';
let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher({ login: { user: 'lab', pass: 'Catcher-Pass-42' } });
});
afterAll(async () => {
  await catcher.close();
});

async function cli(args: string[], env: Record<string, string> = {}, typed: string[] = []) {
  const out: string[] = [];
  const code = await run(args, {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env,
    isTty: false,
    lines: async function* () {
      yield* typed;
    },
  });
  return { code, text: out.join('\n') };
}

describe('the mail setting of the CLI', () => {
  it('keeps mail in memory when no SMTP server is named', async () => {
    const mail = await setUpMail(undefined, { [SMTP_URL_ENV]: '' });
    expect(mail.mailer).toBeNull();
    expect(mail.description).toBe('Mail: kept in memory (set TOTP_LAB_SMTP_URL to send it to an SMTP server)');
  });

  it('sends to the server of TOTP_LAB_SMTP_URL, and the flag wins over it', async () => {
    const url = `smtp://lab:Catcher-Pass-42@127.0.0.1:${catcher.port}`;
    const fromEnv = await setUpMail(undefined, { [SMTP_URL_ENV]: url, ...INSECURE });
    expect(fromEnv.description).toBe(`Mail: sent to the SMTP server at 127.0.0.1:${catcher.port}`);
    expect(fromEnv.warnings).toEqual([INSECURE_WARNING]);
    await fromEnv.mailer!.send({ to: 'a@lab.test', from: 'svc@lab.test', subject: 'x', text: 'y', sentAt: 0 });
    await fromEnv.close();
    expect(catcher.caught.at(-1)?.rcptTo).toEqual(['a@lab.test']);
    const port = await closedPort();
    const fromFlag = await setUpMail(`smtp://127.0.0.1:${port}`, { [SMTP_URL_ENV]: url });
    expect(fromFlag.description).toBe(`Mail: sent to the SMTP server at 127.0.0.1:${port}`);
    expect(fromFlag.warnings).toEqual([
      `warning: could not reach the SMTP server at 127.0.0.1:${port} (ECONNREFUSED); mail will fail until it answers`,
    ]);
  });

  it('warns when --smtp puts a password into the shell history, never repeating it', async () => {
    const mail = await setUpMail(
      `smtp://lab:Catcher-Pass-42@127.0.0.1:${catcher.port}`,
      {},
      { allowInsecureAuth: true },
    );
    expect(mail.warnings).toEqual([
      'warning: --smtp holds a password, which stays in your shell history; set TOTP_LAB_SMTP_URL instead',
      INSECURE_WARNING.replace('TOTP_LAB_SMTP_ALLOW_INSECURE_AUTH=1', '--smtp-allow-insecure-auth'),
    ]);
    await mail.close();
  });

  it('refuses a bad URL with exit 2 and one line that does not quote it', async () => {
    for (const args of [
      ['serve', '--api', '--smtp', 'http://lab:Catcher-Pass-42@mail.test'],
      ['demo', '--interactive', '--smtp', 'smtp://lab:Catcher-Pass-42@mail.test/x'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.text).toMatch(/^totp-lab: .*"url" must look like smtp:\/\/\[user:password@\]host\[:port\]/);
      expect(r.text.split('\n')).toHaveLength(1);
      expect(r.text).not.toContain('Catcher-Pass-42');
    }
    expect((await cli(['serve', '--smtp', 'smtp://x'])).text).toBe('totp-lab: --smtp needs --api');
    expect((await cli(['demo', '--smtp', 'smtp://x'])).text).toBe('totp-lab: demo: --smtp goes with --interactive');
    expect((await cli(['demo', '--interactive', '--smtp', ''])).text).toBe(
      'totp-lab: --smtp must be an smtp:// or smtps:// URL, got ""',
    );
  });

  it('starts the interactive demo with an unreachable server named, with a warning only', async () => {
    const port = await closedPort();
    const r = await cli(
      ['demo', '--interactive', '--lang', 'en'],
      { [SMTP_URL_ENV]: `smtp://u:Pw-123456@127.0.0.1:${port}` },
      ['quit'],
    );
    expect(r.code).toBe(0);
    expect(r.text).toContain(`warning: could not reach the SMTP server at 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(r.text).not.toContain('Pw-123456');
  });

  it('demo --interactive sends the mail to the SMTP server too, and keeps it in the inbox', async () => {
    const before = catcher.caught.length;
    const r = await cli(
      ['demo', '--interactive', '--lang', 'en', '--no-qr'],
      { [SMTP_URL_ENV]: `smtp://lab:Catcher-Pass-42@127.0.0.1:${catcher.port}`, ...INSECURE },
      ['register', 'email', 'inbox', 'quit'],
    );
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/ {2}1\. \d\d:\d\d:\d\d {2}\S/);
    expect(catcher.caught.slice(before).map((m) => m.rcptTo)).toEqual([['kovacs.janos@example.hu']]);
    expect(r.text).not.toContain('Catcher-Pass-42');
  });

  it('serve --api sends the service mail to the server of TOTP_LAB_SMTP_URL, never showing its password', async () => {
    const compiled = await compileCli();
    try {
      const child = spawn(
        process.execPath,
        [compiled.bin, 'serve', '--api', '--port', '0', '--hash-iterations', '1000'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            [SMTP_URL_ENV]: `smtp://lab:Catcher-Pass-42@127.0.0.1:${catcher.port}`,
            ...INSECURE,
            TOTP_LAB_CONTROL_TOKEN: 'smtp-cli-control-token-0123456789',
          },
        },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => out.includes('Ctrl+C') && resolve());
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      // A setup code, through the running service, arrives at the SMTP server.
      const api = /HTTP API: (http:\/\/\S+?\/)api\//.exec(out)![1]!;
      const post = (path: string, body: unknown) =>
        fetch(new URL(path, api), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const account = { username: 'toth.bela', password: 'Ősz-Levél-2025' };
      expect((await post('api/register', { ...account, email: 'toth.bela@example.hu' })).status).toBe(201);
      const before = catcher.caught.length;
      expect((await post('api/email-factor', account)).status).toBe(200);
      expect(catcher.caught.slice(before).map((m) => m.rcptTo)).toEqual([['toth.bela@example.hu']]);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(out).toContain(`Mail: sent to the SMTP server at 127.0.0.1:${catcher.port}\n`);
      expect(out).not.toContain('Catcher-Pass-42');
      // The one warning is the one the test asked for: credentials without TLS.
      expect(out.split('\n').filter((line) => line.includes('warning'))).toEqual([INSECURE_WARNING]);
    } finally {
      await compiled.remove();
    }
  });
});
