// Hostile and unreadable files in the formats that came with Steam Guard, Ente Auth and Proton:
// key derivations that cost too much together, and the lines Ente Auth writes without a counter.
// Files named for what they are (app settings, PGP) are with the other unreadable formats in
// hostile-exports.test.ts.
import { describe, expect, it } from 'vitest';
import { InvalidMigrationError, readAccounts, readExport, toEncryptedAegisVault } from '../../src/index.js';

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

  it('an HOTP line without a counter (Ente Auth writes them) starts at 0, with a warning naming the line', () => {
    const read = readAccounts('otpauth://totp/A:b?secret=JBSWY3DP\notpauth://hotp/C:d?secret=JBSWY3DP&issuer=C\n');
    expect(read.accounts[1]).toMatchObject({ type: 'hotp', issuer: 'C', account: 'd', counter: 0 });
    expect(read.warnings).toEqual(['line 2 "C: d": HOTP key URI without a counter starts at 0']);
  });
});
