import { describe, expect, it } from 'vitest';
import { buildKeyUri, encodeMigration, generateSecret, parseKeyUri } from '../../src/index.js';
import { renderQr } from '../../src/qr/index.js';
import { createTestProvider, seededRandom } from '../../src/testing/index.js';

/** Everything a seeded run produces that a test might compare byte for byte. */
async function oneRun(seed: string) {
  const provider = createTestProvider({ seed });
  const user = await provider.enrolledUser({ username: 'kovacs.janos' });
  const secret = generateSecret({ random: seededRandom(seed) });
  const uri = buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret });
  const transfer = encodeMigration([parseKeyUri(uri)], { random: seededRandom(seed) });
  return {
    secret,
    uri,
    transfer,
    png: renderQr(user.keyUri, { format: 'png' }),
    userSecret: user.secret,
    keyUri: user.keyUri,
    deletionCode: user.deletionCode,
    code: user.code(),
  };
}

describe('two runs with the same seed', () => {
  it('produce byte-identical secrets, codes, URIs, QR PNGs and törlőkód values', async () => {
    const a = await oneRun('repeatable');
    const b = await oneRun('repeatable');
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
    expect(a).toEqual(b);
  });

  it('differ with another seed', async () => {
    const a = await oneRun('repeatable');
    const c = await oneRun('another');
    expect(c.secret).not.toBe(a.secret);
    expect(c.deletionCode).not.toBe(a.deletionCode);
    expect(Buffer.from(c.png).equals(Buffer.from(a.png))).toBe(false);
  });
});
