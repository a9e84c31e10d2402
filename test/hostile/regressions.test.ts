// One named test per problem the hostile-input run found, so each fix stays fixed.
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  InvalidImageError,
  InvalidSecretError,
  MemoryStore,
  constantTimeEqual,
  createAuthenticator,
  encodeMigration,
  formatDeletionCode,
  formatMessage,
  formatUriList,
  hashPassword,
  manualClock,
  phoneStateFromJSON,
  throttleDelayMs,
  toAegisVault,
  toBase32,
  fromBase32,
  LOW_COST_HASHING_FOR_TESTS,
} from '../../src/index.js';
import { decodeImage, readImageSize, sniffImageType } from '../../src/node/index.js';
import { renderQr } from '../../src/qr/index.js';
import { createTestProvider, nextCode } from '../../src/testing/index.js';

const SECRET = 'JBSWY3DPEHPK3PXP';
const SPARSE = () => new Array(2 ** 31) as never;

describe('fixed: a 2^31-element sparse array was looped over for half a minute or ran out of memory', () => {
  it.each([
    ['toBase32', () => toBase32(SPARSE())],
    ['constantTimeEqual', () => constantTimeEqual(SPARSE(), 'x')],
    ['formatUriList', () => formatUriList(SPARSE())],
    ['toAegisVault', () => toAegisVault(SPARSE())],
    ['encodeMigration', () => encodeMigration(SPARSE())],
    [
      'phoneStateFromJSON',
      () =>
        phoneStateFromJSON({
          format: 'totp-lab/phone',
          version: 1,
          driftMs: 0,
          nextId: 1,
          accounts: SPARSE(),
          pendingDelete: null,
          transfers: [],
        }),
    ],
    ['phone.exportUriList', () => createAuthenticator({ clock: manualClock(0) }).exportUriList(SPARSE())],
  ])('%s refuses it at once with InvalidArgumentError', (_name, call) => {
    expect(call).toThrow(InvalidArgumentError);
  });

  it('phone state with a huge transfer list drops the progress, as it does any unreadable progress', () => {
    const state = phoneStateFromJSON({
      format: 'totp-lab/phone',
      version: 1,
      driftMs: 0,
      nextId: 1,
      accounts: [],
      pendingDelete: null,
      transfers: SPARSE(),
    });
    expect(state.transfers).toEqual([]);
  });
});

describe('fixed: a TypeError instead of a TotpLabError', () => {
  it.each([
    ['constantTimeEqual(undefined)', () => constantTimeEqual(undefined as never, '1')],
    ['fromBase32(null)', () => fromBase32(null as never)],
    ['formatDeletionCode(undefined)', () => formatDeletionCode(undefined as never)],
    ['formatMessage with an unknown language', () => formatMessage('de' as never, 'login.refused')],
    ['formatMessage with an unknown key', () => formatMessage('hu', 'toString' as never)],
    ['throttleDelayMs with a BigInt', () => throttleDelayMs(3n as never)],
    ['throttleDelayMs with a null policy', () => throttleDelayMs(3, null as never)],
    ['sniffImageType(undefined)', () => sniffImageType(undefined as never)],
    ['readImageSize with an unknown type', () => readImageSize(new Uint8Array(30), 'gif' as never)],
    ['nextCode with a clock that is not a Clock', () => nextCode(SECRET, { clock: true as never })],
    ['createTestProvider(null)', () => createTestProvider(null as never)],
    ['addManually(undefined)', () => createAuthenticator({ clock: manualClock(0) }).addManually(undefined as never)],
  ])('%s throws a TotpLabError', (_name, call) => {
    expect(call).toThrow(/./);
    try {
      call();
    } catch (error) {
      expect((error as InvalidArgumentError).code).toMatch(/^INVALID_/);
    }
  });

  it('fromBase32 of a non-string is an InvalidSecretError', () => {
    expect(() => fromBase32(42 as never)).toThrow(InvalidSecretError);
  });

  it('hashPassword with null options, and a random source that is not one, reject with InvalidArgumentError', async () => {
    await expect(hashPassword('jelszo', null as never)).rejects.toThrow(InvalidArgumentError);
    await expect(hashPassword('jelszo', LOW_COST_HASHING_FOR_TESTS, true as never)).rejects.toThrow(
      /"random" must be a RandomSource/,
    );
  });

  it('MemoryStore refuses a non-string key, a non-function update and a value JSON cannot hold', async () => {
    const store = new MemoryStore();
    await expect(store.get(Symbol('k') as never)).rejects.toThrow(InvalidArgumentError);
    await expect(store.update('k', 'not a function' as never)).rejects.toThrow(/"fn" must be a function/);
    await expect(store.update('k', () => Symbol('v') as never)).rejects.toThrow(/must be JSON data/);
    await expect(store.update('k', () => ({ f: () => 1 }) as never)).rejects.toThrow(/must be JSON data/);
    await expect(store.keys(Symbol('p') as never)).rejects.toThrow(InvalidArgumentError);
    expect(await store.keys()).toEqual([]);
  });
});

describe('fixed: a string or typed array as an options object was copied key by key (seconds for 16 MB)', () => {
  const huge = () => new Uint8Array(16 * 1024 * 1024) as never;
  it.each([
    ['createTestProvider', () => createTestProvider(huge())],
    ['renderQr', () => renderQr('x', huge())],
    ['phone.addManually', () => createAuthenticator({ clock: manualClock(0) }).addManually(huge())],
    [
      'phone.rename',
      () => {
        const p = createAuthenticator({ clock: manualClock(0) });
        p.addManually({ account: 'a', secret: SECRET });
        return p.rename('acc-1', 'A'.repeat(1 << 20) as never);
      },
    ],
  ])('%s refuses it with InvalidArgumentError', (_name, call) => {
    expect(call).toThrow(InvalidArgumentError);
  });
});

describe('fixed: a PNG cut off inside its signature was called "not a PNG or JPEG image"', () => {
  it('says the PNG is cut short', async () => {
    await expect(decodeImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).rejects.toThrow(
      /not a readable PNG image: the file is cut short/,
    );
    await expect(decodeImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).rejects.toBeInstanceOf(
      InvalidImageError,
    );
    await expect(decodeImage(Uint8Array.from([1, 2, 3]))).rejects.toThrow(/unrecognised first bytes/);
  });
});

describe('the pollution check can fail', () => {
  it('notices a key added to Object.prototype', async () => {
    const { prototypeIsClean } = await import('../support/hostile.js');
    expect(prototypeIsClean()).toBe(true);
    Object.defineProperty(Object.prototype, 'polluted', { value: 'yes', configurable: true });
    try {
      expect(prototypeIsClean()).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(prototypeIsClean()).toBe(true);
  });
});
