// The FIDO Credential Exchange Format: a document laid out as CXF 1.0 describes it (and as
// Bitwarden's credential-exchange crate serialises it: camelCase members, "type"-tagged
// credentials, base32 TOTP secrets, editable fields with fieldType), read and written.
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  InvalidArgumentError,
  InvalidMigrationError,
  manualClock,
  parseCxf,
  readAccounts,
  toCxf,
} from '../../src/index.js';

const doc = {
  version: { major: 1, minor: 0 },
  exporterRpId: 'exporter.example.com',
  exporterDisplayName: 'Exporter',
  timestamp: 1_735_000_000,
  accounts: [
    {
      id: 'YWNjb3VudA',
      username: 'anna',
      email: 'anna@example.com',
      collections: [
        {
          id: 'Y29sMQ',
          title: 'Work',
          items: [{ item: 'aXRlbTE' }],
          subCollections: [{ id: 'c3Vi', title: 'Servers', items: [{ item: 'aXRlbTE' }] }],
        },
      ],
      items: [
        {
          id: 'aXRlbTE',
          creationAt: 1_735_000_000,
          title: 'GitHub',
          scope: { urls: ['https://github.com'], androidApps: [] },
          credentials: [
            { type: 'basic-auth', username: { fieldType: 'string', value: 'anna' } },
            {
              type: 'totp',
              secret: 'JBSWY3DPEHPK3PXP',
              period: 30,
              digits: 6,
              username: 'anna',
              algorithm: 'sha1',
              issuer: 'GitHub',
            },
            { type: 'note', content: { fieldType: 'string', value: 'recovery codes in the safe' } },
          ],
          tags: ['dev'],
        },
        {
          id: 'aXRlbTI',
          title: 'Bank',
          credentials: [
            { type: 'totp', secret: 'jbswy3dp ehpk3pxp', period: 60, digits: 8, username: 'a.n', algorithm: 'sha256' },
            { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', period: 30, digits: 6, username: 'x', algorithm: 'md5' },
          ],
        },
        {
          id: 'aXRlbTM',
          title: 'Wi-Fi',
          credentials: [{ type: 'wifi', ssid: { fieldType: 'string', value: 'home' } }],
        },
      ],
    },
  ],
};

describe('CXF', () => {
  it("reads every TOTP credential, with its item's note, collections and tags", () => {
    expect(detectFormat(JSON.stringify(doc))).toMatchObject({ readable: true, format: 'cxf' });
    const read = readAccounts(JSON.stringify(doc));
    expect(read.accounts).toEqual([
      {
        type: 'totp',
        issuer: 'GitHub',
        account: 'anna',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: null,
      },
      {
        type: 'totp',
        issuer: 'Bank',
        account: 'a.n',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
        counter: null,
      },
    ]);
    expect(read.details).toEqual([{ note: 'recovery codes in the safe', groups: ['Work', 'Servers', 'dev'] }, {}]);
    // "importers MUST ignore TotpCredential entries with unknown algorithm values"
    expect(read.skipped).toEqual([
      { index: 2, name: 'Bank: x', reason: 'algorithm "md5" is not SHA1, SHA256 or SHA512' },
    ]);
  });

  it('writes what it reads back, ids as base64url and the time from the clock', () => {
    const accounts = [
      { issuer: 'GitHub', account: 'anna', secret: 'JBSWY3DPEHPK3PXP', note: 'n', groups: ['Work', 'Dev'] },
      {
        account: 'no issuer',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA512' as const,
        digits: 7 as const,
        period: 255,
      },
    ];
    const written = toCxf(accounts, { clock: manualClock(1_700_000_000_000) });
    expect(written).toMatchObject({ version: { major: 1, minor: 0 }, timestamp: 1_700_000_000 });
    const [account] = written.accounts as Array<{ id: string; items: Array<{ id: string }>; collections: unknown[] }>;
    for (const id of [account!.id, ...account!.items.map((i) => i.id)]) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(account!.collections).toHaveLength(2);
    const read = parseCxf(JSON.parse(JSON.stringify(written)));
    expect(read.accounts.map((a) => [a.issuer, a.account, a.algorithm, a.digits, a.period])).toEqual([
      ['GitHub', 'anna', 'SHA1', 6, 30],
      [null, 'no issuer', 'SHA512', 7, 255],
    ]);
    expect(read.details).toEqual([{ note: 'n', groups: ['Work', 'Dev'] }, {}]);
  });

  it('refuses by name what CXF cannot carry, and a version it does not know', () => {
    const base = { account: 'a', secret: 'JBSWY3DPEHPK3PXP' };
    expect(() => toCxf([base, { ...base, counter: 1 }])).toThrow(
      /accounts\[1\] "a": CXF has no counter-based \(HOTP\)/,
    );
    expect(() => toCxf([{ ...base, type: 'steam' }])).toThrow(/CXF has no Steam Guard codes/);
    expect(() => toCxf([{ ...base, period: 256 }])).toThrow(InvalidArgumentError);
    expect(() => parseCxf({ ...doc, version: { major: 2, minor: 0 } })).toThrow(InvalidMigrationError);
    expect(() => parseCxf({ ...doc, version: { major: 2, minor: 0 } })).toThrow(/CXF version 2 cannot be read/);
  });
});
