// A verifier as a program, the kind --verify-cmd runs: `node verify-cmd.mjs {code}` with the secret
// in TOTP_LAB_PROBE_SECRET (never on the command line). Exit 0 accepts. It is naive on purpose: it
// compares the typed code as a number with the codes of the steps ±1, and remembers nothing.
import { createHmac } from 'node:crypto';

function hotp(base32, counter) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  return (mac.readUInt32BE(mac[19] & 0xf) & 0x7fffffff) % 1_000_000;
}

const typed = Number(process.argv[2]);
const step = Math.floor(Date.now() / 30_000);
const secret = process.env.TOTP_LAB_PROBE_SECRET;
const ok = [-1, 0, 1].some((d) => hotp(secret, step + d) === typed);
process.stdout.write(ok ? 'ok\n' : 'wrong\n');
process.exit(ok ? 0 : 1);
