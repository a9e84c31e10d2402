// Fuzzing the parsers with fast-check: whatever the input, each returns a result or throws its own
// TotpLabError, and a code is never accepted unless it is the right one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TotpLabError,
  buildKeyUri,
  decodeMigration,
  encodeMigration,
  fromBase32,
  generateCode,
  normalizeTypedCode,
  parseAegisVault,
  parseKeyUri,
  parseUriList,
  readAccounts,
  toAegisVault,
  toBase32,
  toSecretBase32,
  verifyCode,
} from '../../src/index.js';
import { seededRandom } from '../../src/testing/index.js';
import { fuzzRuns } from '../support/hostile.js';

const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Example:alice?secret=${SECRET}&issuer=Example`;
const RUNS = fuzzRuns(300);

/** Runs `fn`; a TotpLabError is a fine answer, anything else thrown fails the property. */
function typedOrResult<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TotpLabError);
    expect((error as Error).message.length).toBeLessThan(500);
    return undefined;
  }
}

/** Text built from pieces a parser cares about, so random input gets past the first checks. */
const uriish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'otpauth://',
        'totp/',
        'hotp/',
        '?',
        '&',
        '=',
        '#',
        ':',
        '%',
        '%2',
        '%E0%A4%A',
        '%3A',
        'secret=',
        SECRET,
        'issuer=',
        'digits=',
        'period=',
        'counter=',
        'algorithm=',
        'SHA1',
        'SHA512',
        '8',
        '-1',
        '1e3',
        '0x10',
        'NaN',
        ' ',
        '+',
        '\u0000',
        '\uD800',
        'é',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('parseKeyUri on random input', () => {
  it('returns a key URI that builds back to an equal one, or throws a TotpLabError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          uriish,
          uriish.map((t) => `otpauth://totp/${t}`),
          fc.string(),
        ),
        (text) => {
          const parsed = typedOrResult(() => parseKeyUri(text));
          if (parsed) {
            const { issuerMismatch: _ignored, ...account } = parsed;
            const { issuerMismatch: _again, ...again } = parseKeyUri(buildKeyUri(account));
            expect(again).toEqual(account);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('errors never quote the secret', () => {
  const secret = fc.stringMatching(/^[A-Z2-7]{16,40}$/);
  const param = fc.tuple(
    fc.constantFrom('digits', 'period', 'algorithm', 'counter', 'issuer', 'secret', 'type', 'foo'),
    fc.constantFrom('12', '0', '-1', 'MD5', 'x', '', '%', '1e9', '9'.repeat(20)),
  );
  it('parseKeyUri names the bad field, not the secret beside it', () => {
    fc.assert(
      fc.property(
        secret,
        fc.array(param, { maxLength: 4 }),
        fc.constantFrom('totp', 'hotp', 'motp'),
        (key, params, type) => {
          const query = [`secret=${key}`, ...params.map(([k, v]) => `${k}=${v}`)].join('&');
          try {
            parseKeyUri(`otpauth://${type}/Example:alice?${query}`);
          } catch (error) {
            expect(error).toBeInstanceOf(TotpLabError);
            expect((error as Error).message).not.toContain(key.slice(0, 12));
          }
        },
      ),
      RUNS,
    );
  });

  it('parseAegisVault names the entry and field, not the secret', () => {
    fc.assert(
      fc.property(
        secret,
        fc.constantFrom('digits', 'period', 'algo', 'counter', 'type', 'name'),
        fc.jsonValue(),
        (key, field, value) => {
          const entry: Record<string, unknown> = {
            type: 'totp',
            name: 'alice',
            issuer: 'X',
            info: { secret: key, algo: 'SHA1', digits: 6, period: 30 },
          };
          if (field === 'type' || field === 'name') entry[field] = value;
          else (entry.info as Record<string, unknown>)[field] = value;
          const text = JSON.stringify({
            version: 1,
            header: { slots: null, params: null },
            db: { version: 3, entries: [entry] },
          });
          const read = typedOrResult(() => parseAegisVault(text));
          for (const skipped of read?.skipped ?? []) expect(skipped.reason).not.toContain(key.slice(0, 12));
          try {
            parseAegisVault(text);
          } catch (error) {
            expect((error as Error).message).not.toContain(key.slice(0, 12));
          }
        },
      ),
      RUNS,
    );
  });
});

describe('decodeMigration on random text', () => {
  it('decodes or throws a TotpLabError, for random data, percent-encoding and base64 noise', () => {
    const data = fc
      .array(fc.constantFrom('A', 'Q', 'g', '+', '/', '=', '%2B', '%2F', '%3D', '%', '\n', ' ', '-', '_', 'CjEK'), {
        maxLength: 60,
      })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(
        fc.oneof(data, fc.string()),
        fc.constantFrom(
          'otpauth-migration://offline?data=',
          'otpauth-migration://offline/?data=',
          'OTPAUTH-MIGRATION://offline?x=1&data=',
          '',
        ),
        (d, prefix) => {
          typedOrResult(() => decodeMigration(`${prefix}${d}`));
        },
      ),
      RUNS,
    );
  });
});

describe('the Aegis and URI-list importers on random input', () => {
  const vault = toAegisVault(
    [
      { account: 'alice', issuer: 'Example', secret: SECRET },
      { account: 'bob', secret: SECRET, counter: 3 },
    ],
    { random: seededRandom(1) },
  );

  it('parseAegisVault takes any JSON value, and any mutation of a real vault, without a foreign error', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'version',
              'db',
              'header',
              'entries',
              'info',
              'secret',
              'digits',
              'period',
              'algo',
              'type',
              'name',
              'issuer',
              'counter',
              '__proto__',
            ),
            fc.jsonValue(),
          ),
          { maxLength: 4 },
        ),
        (value, edits) => {
          typedOrResult(() => parseAegisVault(value));
          typedOrResult(() => parseAegisVault(JSON.stringify(value)));
          const copy = JSON.parse(JSON.stringify(vault)) as Record<string, unknown>;
          for (const [key, replacement] of edits) {
            // Replace the first object property of that name anywhere in the vault.
            const stack: unknown[] = [copy];
            while (stack.length > 0) {
              const node = stack.pop();
              if (typeof node !== 'object' || node === null) continue;
              if (Object.hasOwn(node, key)) {
                (node as Record<string, unknown>)[key] = replacement;
                break;
              }
              stack.push(...Object.values(node));
            }
          }
          const read = typedOrResult(() => parseAegisVault(JSON.stringify(copy)));
          if (read) for (const account of read.accounts) expect(() => buildKeyUri(account)).not.toThrow();
        },
      ),
      RUNS,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parseUriList and readAccounts take random lines mixing good URIs and garbage', () => {
    const line = fc.oneof(
      fc.constant(URI),
      fc.constant('# comment'),
      fc.constant(''),
      fc.constant('\uFEFF'),
      uriish,
      fc.string({ maxLength: 20 }),
      fc.constant('otpauth-migration://offline?data=CjEK'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        const list = typedOrResult(() => parseUriList(text));
        const read = typedOrResult(() => readAccounts(text));
        if (list && list.length > 0)
          expect(list.every((a) => a.secret === SECRET || typeof a.secret === 'string')).toBe(true);
        if (read) expect(Array.isArray(read.accounts)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('base32 input', () => {
  const base32ish = fc
    .array(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcxyz='.split(''), ' ', '-', '0', '1', '8', '9', 'é', '\t'),
      { maxLength: 64 },
    )
    .map((c) => c.join(''));
  it('fromBase32 decodes to bytes that encode back to the cleaned input, or throws InvalidSecretError', () => {
    fc.assert(
      fc.property(fc.oneof(base32ish, fc.string()), (text) => {
        const bytes = typedOrResult(() => fromBase32(text));
        if (bytes) {
          const cleaned = text.replace(/[\s-]/g, '').toUpperCase().replace(/=*$/, '');
          // Encoding drops bits that do not fill a byte, so compare the bytes, not the text.
          expect(fromBase32(toBase32(bytes))).toEqual(bytes);
          expect(toBase32(bytes).length).toBeLessThanOrEqual(cleaned.length);
        }
        const canonical = typedOrResult(() => toSecretBase32(text));
        if (canonical) expect(canonical).toMatch(/^[A-Z2-7]+$/);
      }),
      RUNS,
    );
  });
});

describe('typed codes', () => {
  const T = Date.UTC(2025, 0, 16, 8, 0, 10);
  const right = generateCode(SECRET, { time: T });
  const typed = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc
      .array(fc.constantFrom(...right.split(''), ' ', '\u00a0', '\u200b', '٣', '１', '0', '-', '.'), { maxLength: 10 })
      .map((c) => c.join('')),
    fc.constantFrom(
      ` ${right} `,
      `${right.slice(0, 3)} ${right.slice(3)}`,
      `${right}0`,
      right.slice(1),
      `+${right}`,
      `${Number(right)}`,
    ),
  );
  it('verifyCode says valid only when the typed text, without white space, is a code of a step in the window', () => {
    const window = [-1, 0, 1].map((d) => generateCode(SECRET, { counter: Math.floor(T / 30_000) + d }));
    fc.assert(
      fc.property(typed, (text) => {
        const result = verifyCode(SECRET, text, { time: T });
        const normalized = normalizeTypedCode(text, 6);
        expect(normalized === undefined || /^[0-9]{6}$/.test(normalized)).toBe(true);
        expect(result.valid).toBe(normalized !== undefined && window.includes(normalized));
      }),
      RUNS,
    );
  });
});

describe('encode → decode of migration URIs under random batch sizes', () => {
  it('never loses or invents an account', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), (count, batchSize) => {
        const accounts = Array.from({ length: count }, (_, i) => ({ account: `user${i}`, secret: SECRET }));
        const uris = encodeMigration(accounts, { batchSize });
        expect(uris.flatMap((u) => decodeMigration(u).accounts.map((a) => a.account))).toEqual(
          accounts.map((a) => a.account),
        );
      }),
      fuzzRuns(50),
    );
  });
});
