// The transfer report's claims against what reading the written file back gives: for every format
// this library writes, whatever it says is kept is read back equal, whatever it says is changed is
// read back as it says, and whatever it says is dropped is not there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMATS,
  fromBase32,
  planTransfer,
  readExport,
  toEncryptedAegisVault,
  writeExport,
  type AccountDetails,
  type DetailedAccount,
  type ExportFormat,
  type KeyUri,
} from '../../src/index.js';
import { keyUriAccount } from '../support/arbitraries.js';

const steamOrNot = fc.oneof(
  keyUriAccount({ maxNameLength: 12, minSecretBytes: 10 }),
  keyUriAccount({ maxNameLength: 12, minSecretBytes: 10 }).map((a): KeyUri => ({
    ...a,
    type: 'steam',
    digits: 5,
    algorithm: 'SHA1',
    period: 30,
    counter: null,
  })),
);
const details: fc.Arbitrary<AccountDetails> = fc.record(
  {
    note: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    groups: fc.uniqueArray(fc.constantFrom('Work', 'Home', 'Bank', 'Ügyek'), { minLength: 1, maxLength: 3 }),
    icon: fc.constant(true),
  },
  { requiredKeys: [] },
);
const account: fc.Arbitrary<DetailedAccount> = fc.tuple(steamOrNot, details).map(([a, d]) => ({ ...a, ...d }));

async function writeAndRead(accounts: DetailedAccount[], format: ExportFormat) {
  const text =
    format === 'aegis-encrypted'
      ? JSON.stringify(await toEncryptedAegisVault(accounts, 'pw', { scrypt: { n: 16, r: 8, p: 1 } }))
      : await writeExport(accounts, format);
  return readExport(text, { password: 'pw' });
}

const hex = (secret: string) => Buffer.from(fromBase32(secret)).toString('hex');
const sorted = (groups: unknown) => [...((groups as string[] | undefined) ?? [])].sort();

/** What reading back gives for one field the report speaks of. */
function readBack(field: string, a: KeyUri, d: AccountDetails): unknown {
  switch (field) {
    case 'steam':
      return a.type === 'steam';
    case 'note':
      return d.note ?? null;
    case 'group':
      return d.groups === undefined ? null : sorted(d.groups);
    case 'icon':
      return d.icon ?? null;
    default:
      return a[field as keyof KeyUri];
  }
}
const expected = (field: string, value: unknown) => (field === 'group' && value !== null ? sorted(value) : value);

describe('transfer report', () => {
  for (const format of EXPORT_FORMATS) {
    it(`says of ${format} only what reading the file back confirms`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(account, { minLength: 1, maxLength: 6 }), async (accounts) => {
          const report = planTransfer(accounts, format);
          const written = accounts.filter((_, i) => report.accounts[i]!.outcome !== 'dropped');
          expect(report.accounts.length).toBe(accounts.length);
          expect(report.kept + report.changed + report.dropped).toBe(accounts.length);
          if (written.length === 0) return;
          const read = await writeAndRead(written, format);
          expect(read.accounts).toHaveLength(written.length);
          const kept = report.accounts.filter((r) => r.outcome !== 'dropped');
          kept.forEach((r, j) => {
            const source = accounts[r.index]!;
            const [back, backDetails] = [read.accounts[j]!, read.details[j]!];
            // Identity is never changed by a move.
            expect([back.issuer, back.account, hex(back.secret)]).toEqual([
              source.issuer ?? null,
              source.account,
              hex(source.secret as string),
            ]);
            for (const f of r.fields) {
              const now = readBack(f.field, back, backDetails);
              if (f.outcome === 'kept') expect(now, `${f.field} kept`).toEqual(expected(f.field, f.from));
              else if (f.outcome === 'changed') expect(now, `${f.field} changed`).toEqual(expected(f.field, f.to));
              else expect(now, `${f.field} dropped`).toBeNull();
            }
            // Nothing the report leaves unmentioned appears from nowhere.
            if (!r.fields.some((f) => f.field === 'note')) expect(backDetails.note).toBeUndefined();
            if (!r.fields.some((f) => f.field === 'group')) expect(backDetails.groups).toBeUndefined();
          });
          expect(report.lossless).toBe(report.accounts.every((r) => r.outcome === 'kept'));
        }),
        { numRuns: format === 'aegis-encrypted' ? 15 : 60 },
      );
    });
  }

  it('names what each format lacks', () => {
    const steam: DetailedAccount = { type: 'steam', issuer: 'Steam', account: 'anna', secret: 'JBSWY3DPEHPK3PXP' };
    const hotp: DetailedAccount = {
      account: 'h',
      secret: 'JBSWY3DPEHPK3PXP',
      counter: 3,
      note: 'n',
      groups: ['A', 'B'],
      icon: true,
    };
    expect(planTransfer([steam, hotp], 'migration').accounts.map((a) => [a.outcome, a.why ?? ''])).toEqual([
      ['dropped', 'the migration format has no Steam Guard codes'],
      ['changed', ''],
    ]);
    const twoFas = planTransfer([hotp], '2fas').accounts[0]!.fields.filter((f) => f.outcome !== 'kept');
    expect(twoFas.map((f) => [f.field, f.outcome, f.why])).toEqual([
      ['note', 'dropped', 'the format has no notes'],
      ['group', 'changed', 'the format keeps one group per account'],
      ['icon', 'dropped', 'icons are not carried over (their images are not kept)'],
    ]);
    expect(planTransfer([hotp, steam], 'cxf').accounts.map((a) => a.why)).toEqual([
      'CXF has no counter-based (HOTP) credentials',
      'CXF has no Steam Guard codes',
    ]);
    expect(planTransfer([steam], 'aegis')).toMatchObject({ lossless: true, kept: 1 });
    expect(() => planTransfer([steam], 'keepass' as never)).toThrow(/"format" must be one of migration, uri-list/);
  });
});
