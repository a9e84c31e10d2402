import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/sim/store.js';

// An update's `fn` is synchronous but may itself update the same MemoryStore; the outer write must
// still land on the live key, as if the inner update had come first.
describe('MemoryStore updates nested in an update', () => {
  it('keeps the outer value when the inner update deleted the key', async () => {
    const store = new MemoryStore();
    await store.update('k', () => 1);
    await store.update('k', () => {
      void store.update('k', () => undefined);
      return 2;
    });
    expect(await store.get('k')).toBe(2);
    expect(await store.keys()).toEqual(['k']);
  });

  it('keeps the outer value when the inner update created the key', async () => {
    const store = new MemoryStore();
    await store.update('k', (current) => {
      expect(current).toBeUndefined();
      void store.update('k', () => 1);
      return 2;
    });
    expect(store.snapshot()).toEqual({ k: 2 });
  });

  it('deletes the key when the outer update deletes it after an inner write', async () => {
    const store = new MemoryStore();
    await store.update('k', () => 1);
    await store.update('k', () => {
      void store.update('k', () => 5);
      return undefined;
    });
    expect(await store.get('k')).toBeUndefined();
    expect(store.snapshot()).toEqual({});
  });

  it('keeps other keys written by the inner update', async () => {
    const store = new MemoryStore();
    await store.update('a', () => {
      void store.update('b', () => 'inner');
      return 'outer';
    });
    expect(store.snapshot()).toEqual({ a: 'outer', b: 'inner' });
  });
});
