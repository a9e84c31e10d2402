// Ente Auth exports. Encrypted ones are made here as Ente Auth makes them (export_widget.dart and
// ente_crypto_dart in Ente's repositories): libsodium's crypto_pwhash (Argon2id 1.3) of the password,
// then one message of libsodium's crypto_secretstream_xchacha20poly1305 — with libsodium itself
// (libsodium-wrappers-sumo), so the reader is checked against the library Ente uses, not against itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import sodium from 'libsodium-wrappers-sumo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decryptEnteExport,
  InvalidMigrationError,
  readAccounts,
  readExport,
  toEnteExport,
  WrongPasswordError,
} from '../../src/index.js';
import { openSecretStream } from '../../src/core/formats/secretstream.js';
import { deriveArgon2id } from '../../src/core/formats/kdf.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'totp-lab-ente-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  await sodium.ready;
});

const PLAIN = [
  'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30',
  'otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&issuer=Issuu&algorithm=SHA1&digits=6&counter=1',
  'otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing&algorithm=SHA1&digits=5&period=30',
  '',
].join('\n');

/** An encrypted export as Ente Auth writes it, with a cheap cost (Ente's own is 256 MiB × 16 passes). */
function enteExport(plain: string, password: string, memLimit = 64 * 1024, opsLimit = 2, tag?: number) {
  const salt = sodium.randombytes_buf(16);
  const key = sodium.crypto_pwhash(32, password, salt, opsLimit, memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const data = sodium.crypto_secretstream_xchacha20poly1305_push(
    state,
    new TextEncoder().encode(plain),
    null,
    tag ?? sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
  );
  const b64 = (b: Uint8Array) => sodium.to_base64(b, sodium.base64_variants.ORIGINAL);
  return JSON.stringify({
    version: 1,
    kdfParams: { memLimit, opsLimit, salt: b64(salt) },
    encryptedData: b64(data),
    encryptionNonce: b64(header),
  });
}

describe('Ente Auth encrypted export', () => {
  it('reads to the accounts of the plain export inside, through the library and the CLI', async () => {
    const file = enteExport(PLAIN, 'hunter22');
    const read = await readExport(file, { password: 'hunter22' });
    expect(read.format).toBe('ente-encrypted');
    expect(read.accounts).toEqual(readAccounts(PLAIN).accounts);
    expect(read.accounts.map((a) => a.type)).toEqual(['totp', 'hotp', 'steam']);
    writeFileSync(join(dir, 'ente.txt'), file);
    writeFileSync(join(dir, 'pw'), 'hunter22\n');
    const out = await cli('import', join(dir, 'ente.txt'), '--password-file', join(dir, 'pw'));
    expect(out).toMatchObject({ code: 0, stderr: 'format: Ente Auth encrypted export' });
    expect(out.stdout.split('\n')).toHaveLength(3);
  });

  it('reads the final-tagged message too, and refuses a wrong password without naming it', async () => {
    const file = enteExport(PLAIN, 'pw', undefined, undefined, sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    expect((await decryptEnteExport(file, 'pw')).accounts).toHaveLength(3);
    const error = await decryptEnteExport(file, 'not-it').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPasswordError);
    expect((error as Error).message).not.toMatch(/not-it/);
  });

  it("refuses Argon2 costs above Ente's own before deriving anything", async () => {
    const refused = (memLimit: number, opsLimit: number) =>
      decryptEnteExport(
        JSON.stringify({
          version: 1,
          kdfParams: { memLimit, opsLimit, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
          encryptedData: 'AA',
          encryptionNonce: 'AA',
        }),
        'pw',
      );
    await expect(refused(1024 * 1024 * 1024, 4)).rejects.toThrow(/Argon2 cost memLimit=1073741824/);
    await expect(refused(256 * 1024 * 1024, 17)).rejects.toThrow(InvalidMigrationError);
    await expect(refused(4096, 1)).rejects.toThrow(/memory from 8 KiB/);
    await expect(refused(2 ** 52, 1)).rejects.toThrow(/above the limit/);
    await expect(refused(2 ** 53, 1)).rejects.toThrow(/must be positive integers/);
  });
});

describe("the pieces, against libsodium's", () => {
  it('Argon2id gives crypto_pwhash ARGON2ID13 keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 20 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 1, max: 3 }),
        async (pw, salt, ops) => {
          const theirs = sodium.crypto_pwhash(32, pw, salt, ops, 16 * 1024, sodium.crypto_pwhash_ALG_ARGON2ID13);
          expect(await deriveArgon2id(pw, salt, { memLimit: 16 * 1024, opsLimit: ops })).toEqual(theirs);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('opens secretstream messages of every length, and refuses a changed byte anywhere', async () => {
    for (let length = 0; length <= 80; length++) {
      const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
      const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
      const message = sodium.randombytes_buf(length);
      const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(state, message, null, 0);
      expect(await openSecretStream(key, header, sealed, 'm')).toEqual(message);
      const changed = sealed.slice();
      changed[length % changed.length]! ^= 1;
      await expect(openSecretStream(key, header, changed, 'm')).rejects.toBeInstanceOf(WrongPasswordError);
    }
  });

  it('refuses a message that is one part of a longer stream', async () => {
    const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(state, new Uint8Array(3), null, 1);
    await expect(openSecretStream(key, header, sealed, 'm')).rejects.toThrow(/one part of a longer stream/);
  });
});

describe('Ente Auth plain export', () => {
  it("writes key URIs with Ente's display data, notes and tags kept", () => {
    const text = toEnteExport([
      {
        issuer: 'Bank',
        account: 'anna',
        secret: 'JBSWY3DPEHPK3PXP',
        note: 'PIN: elsewhere',
        groups: ['Money', 'Home'],
      },
      { type: 'steam', issuer: 'Steam', account: 'anna', secret: 'JBSWY3DPEHPK3PXP' },
    ]);
    const [first, second] = text.trimEnd().split('\n');
    const display = JSON.parse(decodeURIComponent(/codeDisplay=([^&]*)/.exec(first!)![1]!)) as Record<string, unknown>;
    // The keys Ente's CodeDisplay.fromJson reads (auth/lib/models/code_display.dart).
    expect(Object.keys(display).sort()).toEqual(
      ['iconID', 'iconSrc', 'lastUsedAt', 'note', 'pinned', 'position', 'tags', 'tapCount', 'trashed'].sort(),
    );
    expect(display).toMatchObject({ note: 'PIN: elsewhere', tags: ['Money', 'Home'], trashed: false });
    expect(second).toMatch(/^otpauth:\/\/steam\/Steam:anna\?/);
    const read = readAccounts(text);
    expect(read.details).toEqual([{ note: 'PIN: elsewhere', groups: ['Money', 'Home'] }, {}]);
    expect(read.accounts.map((a) => a.type)).toEqual(['totp', 'steam']);
  });

  it("reads Ente's form-encoded display data and its custom icons", () => {
    const display = encodeURIComponent(
      JSON.stringify({ note: 'a note', tags: ['x'], iconSrc: 'customIcon', iconID: 'github' }),
    );
    const read = readAccounts(`otpauth://totp/A:b?secret=JBSWY3DP&codeDisplay=${display.replace(/%20/g, '+')}\n`);
    expect(read.details).toEqual([{ note: 'a note', groups: ['x'], icon: true }]);
  });
});
