/**
 * The front's keys, kept in the Store so every instance on it signs with the same key and reads
 * the others' cookies: an RSA key (RS256, the algorithm every OpenID Connect client supports) for
 * ID tokens, and the secret that signs oidc-provider's cookies. They are made once: an instance
 * that finds none makes a candidate and offers it in one atomic update, which keeps whatever
 * another instance stored first. Like the TOTP secrets, they are kept readable in the Store.
 */
import { createHash, generateKeyPair, randomBytes, type JsonWebKey } from 'node:crypto';
import { promisify } from 'node:util';
import type { Store, StoreValue } from '../../sim/store.js';
import { OIDC_PREFIX } from './store-adapter.js';

/** The Store key of the front's keys. */
export const OIDC_KEYS_KEY = `${OIDC_PREFIX}keys`;

/** The keys as stored. */
export type OidcKeys = {
  /** The private signing key as a JWK, with `kid` (its RFC 7638 thumbprint), `alg` and `use`. */
  signing: Record<string, string>;
  /** Secrets for oidc-provider's signed cookies (Keygrip). */
  cookies: string[];
};

const generateRsa = promisify(generateKeyPair);

/** The keys in `store`, made and stored first when there are none. */
export async function loadOidcKeys(store: Store): Promise<OidcKeys> {
  const stored = readKeys(await store.get<StoreValue>(OIDC_KEYS_KEY));
  if (stored !== null) return stored;
  return offerKeys(store, await makeKeys());
}

/**
 * Stores `candidate` unless keys are there already; returns the keys that are stored afterwards.
 * Also how an instance puts its keys back after a reset emptied the Store.
 */
export async function offerKeys(store: Store, candidate: OidcKeys): Promise<OidcKeys> {
  const kept = await store.update<StoreValue>(OIDC_KEYS_KEY, (current) =>
    readKeys(current) !== null ? current : (candidate as unknown as StoreValue),
  );
  return readKeys(kept) ?? candidate;
}

/** The stored value as keys, or null when there are none (or not in this shape). */
export function readKeys(value: StoreValue | undefined): OidcKeys | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { signing, cookies } = value as Record<string, StoreValue>;
  if (typeof signing !== 'object' || signing === null || Array.isArray(signing)) return null;
  if (typeof signing['kid'] !== 'string' || typeof signing['d'] !== 'string') return null;
  if (!Array.isArray(cookies) || cookies.length === 0 || !cookies.every((c) => typeof c === 'string')) return null;
  return value as unknown as OidcKeys;
}

async function makeKeys(): Promise<OidcKeys> {
  const { privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JsonWebKey & { n: string; e: string };
  const signing: Record<string, string> = {
    ...(jwk as Record<string, string>),
    kid: thumbprint(jwk),
    alg: 'RS256',
    use: 'sig',
  };
  return { signing, cookies: [randomBytes(32).toString('base64url')] };
}

/** RFC 7638 §3: the SHA-256 of the required members, in lexicographic order, without spaces. */
function thumbprint(jwk: { n: string; e: string }): string {
  return createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))
    .digest('base64url');
}
