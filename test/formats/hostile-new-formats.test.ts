// Hostile and unreadable files in the formats that came with Steam Guard, Ente Auth and Proton:
// key derivations that cost too much together, app settings files and PGP files named for what
// they are, and the lines Ente Auth writes without a counter.
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  InvalidMigrationError,
  readAccounts,
  readExport,
  toEncryptedAegisVault,
  UnsupportedFormatError,
} from '../../src/index.js';

describe('hostile and unreadable files', () => {
  it('an Aegis vault whose password slots cost too much together is refused before the first derivation', async () => {
    const vault = await toEncryptedAegisVault([{ account: 'a', secret: 'JBSWY3DPEHPK3PXP' }], 'pw', {
      scrypt: { n: 16, r: 8, p: 1 },
    });
    // Each slot alone is within the bounds (N·r·p = 2^20); four of them are twice what a file may cost.
    const slot = { ...vault.header.slots[0]!, n: 2 ** 17, r: 8, p: 1 };
    const heavy = { ...vault, header: { ...vault.header, slots: [slot, slot, slot, slot] } };
    const error = await readExport(JSON.stringify(heavy), { password: 'pw' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidMigrationError);
    expect((error as Error).message).toBe(
      'Aegis vault: the key derivations this file asks for cost too much: scrypt work N·r·p 4194304 in all (at most 2097152)',
    );
  });

  it('app settings files and PGP files are named for what they are, with what to do instead', () => {
    const cases: Array<[string | Uint8Array, RegExp]> = [
      [
        '<?xml version="1.0" encoding="utf-8"?>\n<map>\n<string name="com.authy.storage.tokens.authenticator.key">[]</string>\n</map>',
        /Authy's internal settings file.*Authy has no export/,
      ],
      [
        "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n<string name=\"com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET\">00</string>\n</map>",
        /Battle\.net Authenticator's internal settings file/,
      ],
      ['-----BEGIN PGP MESSAGE-----\n\njA0ECQMC\n-----END PGP MESSAGE-----\n', /OpenPGP-encrypted file.*gpg --decrypt/],
      [new Uint8Array([0xc3, 0x0d, 0x04, 0x09, 0x03, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 9]), /OpenPGP-encrypted/],
    ];
    for (const [input, message] of cases) {
      const found = detectFormat(input);
      expect(found.readable).toBe(false);
      expect(() => readAccounts(typeof input === 'string' ? input : new TextDecoder().decode(input))).toThrow(
        UnsupportedFormatError,
      );
      expect(`${found.name}: ${'advice' in found ? found.advice : ''}`).toMatch(message);
    }
  });

  it('an HOTP line without a counter (Ente Auth writes them) starts at 0, with a warning naming the line', () => {
    const read = readAccounts('otpauth://totp/A:b?secret=JBSWY3DP\notpauth://hotp/C:d?secret=JBSWY3DP&issuer=C\n');
    expect(read.accounts[1]).toMatchObject({ type: 'hotp', issuer: 'C', account: 'd', counter: 0 });
    expect(read.warnings).toEqual(['line 2 "C: d": HOTP key URI without a counter starts at 0']);
  });
});
