// Enrols a fresh account on totp-lab's own HTTP API with the routes it has (register, enrollment,
// confirm, finish) and prints { keyUri, username, password } as JSON: the probe's --enroll-cmd.
//
//   node enrol-own-server.mjs http://127.0.0.1:6238      (TOTP_LAB_CONTROL_TOKEN in the environment)
//
// Confirming an enrolment spends the step of the code typed, and the provider then refuses that
// step and every earlier one (RFC 6238 §5.2). An account enrolled just now would make the probe see
// no window behind; so the enrolment happens ten minutes back on the simulated clock (the control
// API moves it, then moves it back by as much), as for an account set up long ago.
import { createHmac, randomBytes } from 'node:crypto';

const SHIFT_MS = 10 * 60_000;

/** RFC 4226 HOTP, six digits, SHA-1: the one code this script types. */
function hotp(base32, counter) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[19] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

export async function enrolOnOwnServer(url, token) {
  const call = async (method, path, body, control = false) => {
    const response = await fetch(url + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(control && { Authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return text === '' ? null : JSON.parse(text);
  };
  const username = `probe.${randomBytes(4).toString('hex')}`;
  const password = `Probe-${randomBytes(6).toString('hex')}-Kilenc-42`;
  await call('POST', '/control/clock/advance', { ms: -SHIFT_MS }, true);
  try {
    await call('POST', '/api/register', { username, password, email: `${username}@example.hu` });
    const started = await call('POST', '/api/enrollment', { username, password });
    const { now } = await call('GET', '/api/clock');
    const code = hotp(started.secret, Math.floor(now / 30_000));
    await call('POST', '/api/enrollment/confirm', { enrollmentId: started.enrollmentId, code });
    await call('POST', '/api/enrollment/finish', { enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    return { keyUri: started.keyUri, username, password };
  } finally {
    await call('POST', '/control/clock/advance', { ms: SHIFT_MS }, true);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [url] = process.argv.slice(2);
  enrolOnOwnServer(url, process.env.TOTP_LAB_CONTROL_TOKEN)
    .then((account) => process.stdout.write(`${JSON.stringify(account)}\n`))
    .catch((error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    });
}
