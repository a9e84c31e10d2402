import { afterEach, describe, expect, it, vi } from 'vitest';
import { cryptoRandom, randomBytes } from '../../src/core/random.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('cryptoRandom', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never hands out the same bytes twice, across many pool refills', () => {
    const seen = new Set<string>();
    // 2 000 draws of 32 bytes are about 16 refills of the 4 KiB pool.
    for (let i = 0; i < 2_000; i++) seen.add(hex(randomBytes(32)));
    expect(seen.size).toBe(2_000);
  });

  it('gives every byte value with about the expected frequency', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 1_000; i++) for (const b of randomBytes(64)) counts[b]!++;
    // 64 000 bytes: 250 expected per value; a CSPRNG stays far inside 150..350.
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(350);
  });

  it('draws small requests from the platform CSPRNG in 4 KiB batches and large ones directly', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    for (let i = 0; i < 256; i++) cryptoRandom.getRandomValues(new Uint8Array(32));
    // 256 × 32 bytes = 8 KiB: at most three pool fills, whatever was left in the pool before.
    expect(spy.mock.calls.length).toBeLessThanOrEqual(3);
    expect(spy.mock.calls.every(([a]) => (a as Uint8Array).length === 4096)).toBe(true);
    spy.mockClear();
    const big = cryptoRandom.getRandomValues(new Uint8Array(100_000));
    expect(spy.mock.calls.map(([a]) => (a as Uint8Array).length)).toEqual([65_536, 34_464]);
    expect(big.some((b) => b !== 0)).toBe(true);
  });

  it('fills a request that crosses the end of the pool from fresh bytes', () => {
    for (let i = 0; i < 300; i++) {
      const a = cryptoRandom.getRandomValues(new Uint8Array(200));
      // 200 zero bytes from a working CSPRNG would mean stale, wiped pool bytes were handed out.
      expect(a.some((b) => b !== 0)).toBe(true);
    }
  });

  it('says plainly when the runtime has no CSPRNG', () => {
    vi.spyOn(globalThis, 'crypto', 'get').mockReturnValue(undefined as never);
    expect(() => cryptoRandom.getRandomValues(new Uint8Array(8))).toThrow(/no CSPRNG/);
  });
});
