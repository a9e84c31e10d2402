// totp-lab/node: Node adapters (files, durable state).

export { FileStore, DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_STALE_LOCK_MS } from './file-store.js';
export { StoreError } from './store-error.js';
export { STORE_FORMAT, STORE_VERSION } from './store-format.js';
export type { FileStoreOptions } from './file-store.js';
