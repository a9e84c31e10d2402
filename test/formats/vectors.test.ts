import { describe, expect, it } from 'vitest';
import { decodeMigration, encodeMigration, generateCode } from '../../src/index.js';
import { describeShared, readInterop } from '../support/shared.js';

interface Vector {
  id: string;
  source: string;
  uri: string;
  expected: { accounts: Array<Record<string, unknown>>; batch: Record<string, number> };
}

describeShared('Google Authenticator transfer vectors', ['interop/google-migration-vectors.json'], () => {
  const data = readInterop<{ vectors: Vector[] }>('google-migration-vectors.json');

  describe('google-migration-vectors.json', () => {
    it('has vectors to check', () => {
      expect(data.vectors.length).toBeGreaterThanOrEqual(10);
    });

    it.each(data.vectors.map((v) => [v.id, v] as const))('decodes %s', (_id, v) => {
      expect(decodeMigration(v.uri)).toEqual(v.expected);
    });

    it.each(data.vectors.map((v) => [v.id, v] as const))('re-encodes %s to the same accounts', (_id, v) => {
      const { accounts, batch } = decodeMigration(v.uri);
      const [uri, ...rest] = encodeMigration(accounts, { batchId: batch.id, batchSize: accounts.length });
      expect(rest).toEqual([]);
      const again = decodeMigration(uri!);
      const strip = (list: typeof accounts) => list.map(({ rawName: _raw, ...fields }) => fields);
      expect(strip(again.accounts)).toEqual(strip(accounts));
      expect(again.batch).toEqual({ version: 1, size: 1, index: 0, id: batch.id });
    });

    it('gives the code the source documents for dim13-minimal (528064 at 2009-11-10T23:00:00Z)', () => {
      const v = data.vectors.find((x) => x.id === 'dim13-minimal')!;
      const [account] = decodeMigration(v.uri).accounts;
      expect(generateCode(account!.secret, { time: Date.parse('2009-11-10T23:00:00Z') })).toBe('528064');
    });
  });

  describe('the forms real exporters and the tools between them write', () => {
    const v = data.vectors.find((x) => x.id === 'scito-plus')!;
    const raw = decodeURIComponent(v.uri.slice(v.uri.indexOf('data=') + 5));
    const expected = v.expected;
    const prefix = 'otpauth-migration://offline?data=';

    it('accepts raw base64, percent-encoded base64 and + turned into spaces', () => {
      expect(raw).toContain('+');
      expect(decodeMigration(prefix + raw)).toEqual(expected);
      expect(decodeMigration(prefix + encodeURIComponent(raw))).toEqual(expected);
      expect(decodeMigration(prefix + raw.replaceAll('+', ' '))).toEqual(expected);
    });

    it('accepts missing padding, the URL-safe alphabet, line breaks and other parameters', () => {
      expect(raw.endsWith('=')).toBe(true);
      expect(decodeMigration(prefix + raw.replace(/=+$/, ''))).toEqual(expected);
      expect(decodeMigration(prefix + raw.replaceAll('+', '-').replaceAll('/', '_'))).toEqual(expected);
      expect(decodeMigration(`${prefix}${raw.slice(0, 40)}\n${raw.slice(40)}`)).toEqual(expected);
      expect(decodeMigration(`OTPAUTH-MIGRATION://offline?x=1&data=${encodeURIComponent(raw)}&y=2`)).toEqual(expected);
    });
  });
});
