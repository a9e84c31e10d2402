// totp-lab/node: Node adapters (durable stores, image files, the HTTP listener). The demo page's
// static server (serve.ts) is the CLI's, not part of this entry point.

export { FileStore, DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_STALE_LOCK_MS } from './file-store.js';
export { StoreError } from './store-error.js';
export { STORE_FORMAT, STORE_VERSION } from './store-format.js';
export type { FileStoreOptions } from './file-store.js';
export { decodeImage, readImageFile, scanQrFile, writeQrFile, MAX_IMAGE_FILE_BYTES } from './image-file.js';
export { sniffImageType, readImageSize } from './image-header.js';
export type { WriteQrFileOptions } from './image-file.js';
export type { ImageType } from './image-header.js';
export { SqliteStore, openSqliteStore, SQLITE_SCHEMA_VERSION } from './sqlite-store.js';
export type { SqliteStoreOptions } from './sqlite-store.js';
export { PostgresStore, openPostgresStore, POSTGRES_SCHEMA_VERSION } from './postgres-store.js';
export type { PostgresStoreOptions } from './postgres-store.js';
export { openStore, storeKind } from './open-store.js';
export { serveHandler } from './serve-api.js';
export { DEFAULT_LISTENER_LIMITS } from './listener.js';
export type { ListenerLimits, RunningServer } from './listener.js';
export type { ServeHandlerOptions } from './serve-api.js';
export { createSmtpMailer } from './smtp-mailer.js';
export type { SmtpMailer } from './smtp-mailer.js';
export type { SmtpMailerOptions } from './smtp-options.js';
export { MailError } from './mail-error.js';
export { createOidcProvider, DEFAULT_ACR, OIDC_PROVIDER_VERSION, SIGN_IN_AMR } from './oidc/index.js';
export type { OidcFront, OidcProviderOptions } from './oidc/index.js';
export { readSeedFile, readSeed, SEED_LISTS, MAX_SEED_FILE_BYTES, MAX_SEED_ENTRIES } from './seed-file.js';
export type { Seed, SeedList } from './seed-file.js';
export { applySeed } from './seed-apply.js';
export type { SeedApplied } from './seed-apply.js';
