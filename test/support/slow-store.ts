// A Store that takes `ms` of real time before each operation, as a database over a network does,
// so parallel provider calls interleave between their store operations.
import type { Store, StoreValue } from '../../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SlowStore implements Store {
  constructor(
    readonly inner: Store,
    readonly ms = 10,
  ) {}

  async get<T extends StoreValue>(key: string): Promise<T | undefined> {
    await sleep(this.ms);
    return this.inner.get<T>(key);
  }

  async update<T extends StoreValue>(
    key: string,
    fn: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    await sleep(this.ms);
    return this.inner.update<T>(key, fn);
  }

  async keys(prefix?: string): Promise<string[]> {
    await sleep(this.ms);
    return this.inner.keys(prefix);
  }
}
