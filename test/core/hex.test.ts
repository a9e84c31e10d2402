import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/core/hex.js';

describe('hex', () => {
  it('writes bytes as Node does, and reads them back in either case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = toHex(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('hex'));
        expect(fromHex(text)).toEqual(bytes);
        expect(fromHex(text.toUpperCase())).toEqual(bytes);
        expect(fromHex(text, true)).toEqual(bytes);
      }),
    );
  });

  it('refuses odd lengths and anything but hex digits, and upper case when asked to', () => {
    for (const bad of ['a', 'abc', 'zz', '0g', ' 00', '00 ', '0x', 'éé', '\u0130a'])
      expect(fromHex(bad), JSON.stringify(bad)).toBeNull();
    expect(fromHex('AB', true)).toBeNull();
    expect(fromHex('aB', true)).toBeNull();
    expect(fromHex('')).toEqual(new Uint8Array(0));
  });
});
