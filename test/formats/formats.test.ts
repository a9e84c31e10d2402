import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatUriList,
  InvalidKeyUriError,
  InvalidMigrationError,
  parseAegisVault,
  parseUriList,
  readAccounts,
  toAegisVault,
  encodeMigration,
  type KeyUri,
} from '../../src/index.js';
import { keyUriAccount } from '../support/arbitraries.js';

const account = keyUriAccount({ maxNameLength: 30, minSecretBytes: 5 });

describe('URI list', () => {
  it('round-trips arbitrary accounts (periods and 7 digits included)', () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 10 }), (accounts) => {
        const parsed = parseUriList(formatUriList(accounts)).map(({ issuerMismatch: _m, ...a }) => a);
        expect(parsed).toEqual(accounts);
      }),
    );
  });

  it('ignores blank lines, comments and CRLF, and names the line of a bad URI', () => {
    const text =
      '\uFEFF# exported\r\n\r\notpauth://totp/Bank:anna?secret=JBSWY3DPEHPK3PXP\r\n  # indented comment\n\notpauth://hotp/x?secret=JBSWY3DP&counter=3\n';
    expect(parseUriList(text).map((a) => a.account)).toEqual(['anna', 'x']);
    expect(() => parseUriList('# a\n\notpauth://totp/x?secret=JBSWY3DP\nhttps://example.com\n')).toThrow(
      InvalidKeyUriError,
    );
    expect(() => parseUriList('otpauth://totp/x?secret=JBSWY3DP\notpauth://totp/y?digits=9&secret=JBSWY3DP')).toThrow(
      /^line 2: key URI "digits" must be 6, 7 or 8, got 9$/,
    );
    expect(() => parseUriList('otpauth://totp/x?secret=JBSWY3DP\notpauth://totp/y?secret=JBSWY3D!')).not.toThrow(
      /JBSWY3D!/,
    );
  });

  it('names the account when one cannot be written', () => {
    expect(() =>
      formatUriList([
        { account: 'a', secret: 'JBSWY3DP' },
        { account: 'b', secret: 'JBSWY3DP', digits: 9 as never },
      ]),
    ).toThrow(/^accounts\[1\]: "digits"/);
  });
});

describe('Aegis plain vault', () => {
  it('round-trips arbitrary accounts', () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 10 }), (accounts) => {
        const vault = JSON.parse(JSON.stringify(toAegisVault(accounts)));
        expect(parseAegisVault(vault)).toEqual({
          accounts,
          details: accounts.map(() => ({})),
          skipped: [],
          warnings: [],
        });
      }),
    );
  });

  it('writes the shape Aegis reads, with version 4 UUIDs', () => {
    const vault = toAegisVault([
      { issuer: 'Bank', account: 'anna', secret: 'JBSWY3DPEHPK3PXP' },
      { account: 'h', secret: 'JBSWY3DP', counter: 5 },
    ]);
    expect(vault).toMatchObject({ version: 1, header: { slots: null, params: null }, db: { version: 3, groups: [] } });
    expect(vault.db.entries[0]).toMatchObject({
      type: 'totp',
      name: 'anna',
      issuer: 'Bank',
      info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 },
    });
    expect(vault.db.entries[1]).toMatchObject({ type: 'hotp', name: 'h', issuer: '', info: { counter: 5 } });
    expect(vault.db.entries[1]!.info).not.toHaveProperty('period');
    for (const entry of vault.db.entries)
      expect(entry.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads Steam entries as Steam Guard accounts, skips entries it cannot use and says why', () => {
    const vault = toAegisVault([{ account: 'ok', secret: 'JBSWY3DP' }]);
    const entries = [
      ...vault.db.entries,
      {
        ...vault.db.entries[0]!,
        type: 'steam',
        name: 'Steam',
        info: { secret: 'JBSWY3DP', algo: 'SHA1', digits: 5, period: 30 },
      },
      { ...vault.db.entries[0]!, name: 'md5', info: { secret: 'JBSWY3DP', algo: 'MD5', digits: 6, period: 30 } },
      { ...vault.db.entries[0]!, type: 'motp', name: 'mobile' },
    ];
    const result = parseAegisVault({ ...vault, db: { ...vault.db, entries } });
    expect(result.accounts.map((a) => [a.type, a.account, a.digits])).toEqual([
      ['totp', 'ok', 6],
      ['steam', 'Steam', 5],
    ]);
    expect(result.skipped).toEqual([
      { index: 2, name: 'md5', reason: 'MD5 is not a TOTP algorithm' },
      { index: 3, name: 'mobile', reason: 'type "motp" is not TOTP, HOTP or Steam' },
    ]);
  });

  it('refuses an encrypted vault and malformed ones clearly', () => {
    const encrypted = {
      version: 1,
      header: { slots: [{ type: 1 }], params: { nonce: 'x', tag: 'y' } },
      db: 'BASE64CIPHERTEXT',
    };
    expect(() => parseAegisVault(encrypted)).toThrow(/Aegis vault is encrypted: read it with its password/);
    expect(() => parseAegisVault('{nope')).toThrow(/not valid JSON/);
    expect(() => parseAegisVault({ version: 2, db: {} })).toThrow(/"version" must be 1, got 2/);
    expect(() => parseAegisVault({ version: 1, header: { slots: null }, db: { version: 3 } })).toThrow(
      /"db.entries" must be an array, got undefined/,
    );
    const bad = {
      version: 1,
      header: { slots: null, params: null },
      db: {
        version: 3,
        entries: [
          { type: 'totp', name: 'x', issuer: '', info: { secret: 'NOT BASE32!', algo: 'SHA1', digits: 6, period: 30 } },
        ],
      },
    };
    expect(() => parseAegisVault(bad)).toThrow(InvalidMigrationError);
    expect(() => parseAegisVault(bad)).toThrow(/^Aegis entry 0: "secret" must be base32/);
    expect(() => parseAegisVault(bad)).not.toThrow(/NOT BASE32/);
  });
});

describe('readAccounts', () => {
  const accounts: KeyUri[] = [
    {
      type: 'totp',
      issuer: 'Bank',
      account: 'anna',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: null,
    },
  ];

  it('recognises each format by its content', () => {
    expect(readAccounts(JSON.stringify(toAegisVault(accounts)))).toMatchObject({ format: 'aegis', accounts });
    expect(readAccounts(formatUriList(accounts))).toMatchObject({ format: 'uri-list', accounts });
    const uris = encodeMigration([...accounts, { ...accounts[0]!, account: 'béla' }], { batchSize: 1, batchId: 7 });
    const read = readAccounts(`${uris[1]}\n\n${uris[0]}\n`);
    expect(read.format).toBe('migration');
    expect(read.accounts.map((a) => a.account)).toEqual(['béla', 'anna']);
    expect(read.batches).toEqual([
      { version: 1, size: 2, index: 1, id: 7 },
      { version: 1, size: 2, index: 0, id: 7 },
    ]);
  });
});
