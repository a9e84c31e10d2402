import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuthenticator, decodeMigration, verifyCode } from '../../src/index.js';
import { readImageFile, scanQrFile, writeQrFile } from '../../src/node/index.js';
import { qrCamera, renderQr } from '../../src/qr/index.js';
import { createTestProvider } from '../../src/testing/index.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'totp-lab-pixels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('provider and phone joined by real QR images', () => {
  it('key URI → PNG file → scan → phone → code → the provider accepts it', async () => {
    const provider = createTestProvider();
    await provider.register({ username: 'kovacs.janos', password: 'jelszó-1', email: 'k@example.hu' });
    const started = await provider.startEnrollment({ username: 'kovacs.janos', password: 'jelszó-1' });
    if (!started.ok) throw new Error(started.message);
    const file = join(dir, 'setup.png');
    await writeQrFile(file, started.keyUri);
    expect(await scanQrFile(file)).toBe(started.keyUri);

    const phone = createAuthenticator({ clock: provider.clock, camera: qrCamera });
    expect(await phone.scan(await readImageFile(file))).toMatchObject({ status: 'added', kind: 'key-uri' });
    const code = phone.list()[0]!.code!;
    expect(verifyCode(started.secret, code, { clock: provider.clock })).toMatchObject({ valid: true, delta: 0 });
    const confirmed = await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code });
    expect(confirmed).toMatchObject({ ok: true });
  });

  it('a phone exports transfer QR images that a second phone reads, in any order', async () => {
    const provider = createTestProvider();
    const clock = provider.clock;
    const oldPhone = createAuthenticator({ clock, camera: qrCamera });
    for (let i = 0; i < 5; i++)
      oldPhone.addKeyUri(`otpauth://totp/Bank%20${i}:anna?secret=JBSWY3DPEHPK3PX${'PQRST'[i]}&issuer=Bank%20${i}`);
    const images = oldPhone.exportQrImages({ batchSize: 2 });
    expect(images).toHaveLength(3);
    const newPhone = createAuthenticator({ clock, camera: qrCamera });
    const results = [];
    for (const image of [images[2]!, images[0]!, images[1]!]) results.push(await newPhone.scan(image));
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    expect(newPhone.pendingTransfers().every((t) => t.missing.length === 0)).toBe(true);
    const shown = (phone: typeof oldPhone) =>
      phone
        .list()
        .map((a) => `${a.issuer} ${a.code}`)
        .sort();
    expect(shown(newPhone)).toEqual(shown(oldPhone));
  });
});

describe('totp-lab export --out-dir and import <image>', () => {
  it('writes one PNG per batch, and import reads each back', async () => {
    const out = join(dir, 'transfer');
    const uris = [
      'otpauth://totp/A:anna?secret=JBSWY3DPEHPK3PXP&issuer=A',
      'otpauth://totp/B:bela?secret=GEZDGNBVGY3TQOJQ&issuer=B',
      'otpauth://hotp/C:cili?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=C&counter=7',
    ];
    const exported = await cli('export', ...uris, '--batch-size', '2', '--out-dir', out);
    expect(exported.code).toBe(0);
    const printed = exported.stdout.split('\n');
    expect(printed).toHaveLength(2);
    expect(readdirSync(out).sort()).toEqual(['transfer-1-of-2.png', 'transfer-2-of-2.png']);
    const imported = [];
    for (const [i, name] of ['transfer-1-of-2.png', 'transfer-2-of-2.png'].entries()) {
      expect(await scanQrFile(join(out, name))).toBe(printed[i]);
      const r = await cli('import', join(out, name), '--json');
      expect(r.code).toBe(0);
      imported.push(...JSON.parse(r.stdout));
    }
    expect(imported.map((a) => `${a.issuer}:${a.account}:${a.secret}:${a.counter}`)).toEqual([
      'A:anna:JBSWY3DPEHPK3PXP:null',
      'B:bela:GEZDGNBVGY3TQOJQ:null',
      'C:cili:KUVJJOM753IHTNDSZVCNKL7GII:7',
    ]);
    expect(decodeMigration(printed[0]!).batch).toMatchObject({ size: 2, index: 0 });
  });

  it('imports a setup QR picture too, and says so when an image holds no code', async () => {
    const setup = join(dir, 'setup-only.png');
    await writeQrFile(
      setup,
      'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.janos?secret=JBSWY3DPEHPK3PXP&issuer=%C3%9Cgyf%C3%A9lkapu%2B',
    );
    expect((await cli('import', setup)).stdout).toContain(
      'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.janos?secret=JBSWY3DPEHPK3PXP',
    );
    const blank = join(dir, 'blank.png');
    writeFileSync(blank, renderQr('x', { format: 'png' }).slice(0, 8)); // a PNG signature and nothing else
    const bad = await cli('import', blank);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')).toHaveLength(1);
  });

  it('refuses an --out-dir it cannot create', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = await cli('export', 'otpauth://totp/A:anna?secret=JBSWY3DPEHPK3PXP', '--out-dir', join(file, 'sub'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot create --out-dir/);
  });
});
