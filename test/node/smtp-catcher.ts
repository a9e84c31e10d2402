// A real SMTP server (the smtp-server package) on 127.0.0.1, port 0, keeping what it receives: the
// mail catcher of the SMTP tests. Plain SMTP without STARTTLS by default, as MailHog or smtp4dev run,
// or TLS with a given certificate.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { SMTPServer } from 'smtp-server';
import type { MailMessage } from '../../src/index.js';

/** A code mail as the service sends it, for the tests that send one. */
export const CODE_MAIL: MailMessage = {
  to: 'kovacs.janos@example.hu',
  from: 'ugyfelkapu@example.gov.hu',
  subject: 'Ügyfélkapu+ hitelesítő kód',
  text: 'Az Ön hitelesítő kódja: 493817\n',
  sentAt: Date.UTC(2025, 0, 14, 9, 30, 0),
};

/** A self-signed certificate for 127.0.0.1, made for the test (a new one each call). */
export async function testCertificate(): Promise<{ key: string; cert: string }> {
  const made = await generate([{ name: 'commonName', value: 'totp-lab test mail catcher' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { key: made.private, cert: made.cert };
}

export interface CaughtMail {
  mailFrom: string;
  rcptTo: string[];
  /** The DATA section as it arrived. */
  raw: Buffer;
}

export interface MailCatcher {
  host: string;
  port: number;
  caught: CaughtMail[];
  /** The logins tried (user names), and whether they were taken. */
  logins: { user: string; accepted: boolean }[];
  close(): Promise<void>;
}

export interface MailCatcherOptions {
  /** When given, a login is required and only this user and password are taken. */
  login?: { user: string; pass: string };
  /** Recipients refused with 550. */
  refuse?: (address: string) => boolean;
  /** TLS with this key and certificate: from the first byte (`implicit`) or after STARTTLS. */
  tls?: { key: string; cert: string; mode: 'implicit' | 'starttls' };
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const caught: CaughtMail[] = [];
  const logins: MailCatcher['logins'] = [];
  const server = new SMTPServer({
    logger: false,
    ...(options.tls === undefined
      ? { disabledCommands: ['STARTTLS'] }
      : { key: options.tls.key, cert: options.tls.cert, secure: options.tls.mode === 'implicit' }),
    authOptional: options.login === undefined,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      const accepted = auth.username === options.login?.user && auth.password === options.login?.pass;
      logins.push({ user: auth.username ?? '', accepted });
      if (accepted) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address))
        callback(Object.assign(new Error(`<${address.address}>: No such user here`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        caught.push({
          mailFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  // A client that gives up during the TLS handshake (a refused certificate) is not the catcher's error.
  server.on('error', () => undefined);
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    caught,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 that nothing listens on: one a catcher had, after it closed. */
export async function closedPort(): Promise<number> {
  const catcher = await startMailCatcher();
  await catcher.close();
  return catcher.port;
}
