/**
 * The relying parties (OAuth clients) of the OpenID Connect front, kept in the provider's Store so
 * every instance on it knows them: `POST /control/oidc/clients` registers or replaces one, `GET`
 * lists them (never a secret). The record is the client metadata of RFC 7591 §2 that the front's
 * storage adapter hands to oidc-provider as it is; the front itself lives in totp-lab/node.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { Store, StoreValue } from '../sim/store.js';
import { readJsonObject } from './body.js';
import { json } from './http-error.js';
import type { Route } from './route.js';

/** The Store key prefix of the registered clients. */
export const OIDC_CLIENT_PREFIX = 'oidc:client:';

/** How a client authenticates at the token endpoint (RFC 7591 §2): `none` for a public client. */
export type TokenEndpointAuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post';

/** A registered client as stored: RFC 7591 metadata, only what the code flow needs. */
export type OidcClientRecord = {
  client_id: string;
  /** Kept readable (the token endpoint compares it); absent for a public client. */
  client_secret?: string;
  client_name?: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  token_endpoint_auth_method: TokenEndpointAuthMethod;
  grant_types: ['authorization_code'];
  response_types: ['code'];
};

/** What a registration may give; the fields of the route's body and of a seed file's `clients`. */
export const OIDC_CLIENT_FIELDS = [
  'client_id',
  'client_secret',
  'client_name',
  'redirect_uris',
  'post_logout_redirect_uris',
  'token_endpoint_auth_method',
] as const;

const MAX_URIS = 20;
const AUTH_METHODS: readonly TokenEndpointAuthMethod[] = ['none', 'client_secret_basic', 'client_secret_post'];

/**
 * Reads a client registration: `client_id`, optional `client_secret` (a confidential client;
 * without one the client is public and must use PKCE), `redirect_uris` (absolute http(s) URLs,
 * compared exactly at the authorization endpoint), optional `post_logout_redirect_uris`,
 * `client_name` and `token_endpoint_auth_method` (default `client_secret_basic` with a secret,
 * `none` without).
 * @throws {InvalidArgumentError} naming the field; the message never quotes the secret
 */
export function readOidcClient(input: unknown): OidcClientRecord {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new InvalidArgumentError(`a client must be an object, got ${describeValue(input)}`);
  const value = input as Record<string, unknown>;
  for (const key of Object.keys(value))
    if (!(OIDC_CLIENT_FIELDS as readonly string[]).includes(key))
      throw new InvalidArgumentError(
        `unknown client field ${describeValue(key)}; expected ${OIDC_CLIENT_FIELDS.join(', ')}`,
      );
  const clientId = value['client_id'];
  if (typeof clientId !== 'string' || !/^[A-Za-z0-9._:~-]{1,128}$/.test(clientId))
    throw new InvalidArgumentError(
      `"client_id" must be 1 to 128 letters, digits or . _ : ~ -, got ${describeValue(clientId)}`,
    );
  const secret = value['client_secret'];
  // The value is never described: it is a secret.
  if (secret !== undefined && (typeof secret !== 'string' || !/^[\x21-\x7e]{16,256}$/.test(secret)))
    throw new InvalidArgumentError('"client_secret" must be 16 to 256 printable ASCII characters without spaces');
  const method = value['token_endpoint_auth_method'] ?? (secret === undefined ? 'none' : 'client_secret_basic');
  if (!AUTH_METHODS.includes(method as TokenEndpointAuthMethod))
    throw new InvalidArgumentError(
      `"token_endpoint_auth_method" must be ${AUTH_METHODS.join(', ')}, got ${describeValue(method)}`,
    );
  if ((method === 'none') !== (secret === undefined))
    throw new InvalidArgumentError(
      secret === undefined
        ? `"token_endpoint_auth_method" ${method} needs a "client_secret"`
        : '"token_endpoint_auth_method" none is for a public client: leave out "client_secret"',
    );
  const name = value['client_name'];
  if (name !== undefined && (typeof name !== 'string' || name.length < 1 || name.length > 200))
    throw new InvalidArgumentError(`"client_name" must be 1 to 200 characters, got ${describeValue(name)}`);
  const record: OidcClientRecord = {
    client_id: clientId,
    redirect_uris: readUris(value['redirect_uris'], 'redirect_uris', 1),
    post_logout_redirect_uris: readUris(value['post_logout_redirect_uris'] ?? [], 'post_logout_redirect_uris', 0),
    token_endpoint_auth_method: method as TokenEndpointAuthMethod,
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
  if (secret !== undefined) record.client_secret = secret as string;
  if (name !== undefined) record.client_name = name as string;
  return record;
}

function readUris(value: unknown, field: string, min: number): string[] {
  if (!Array.isArray(value) || value.length < min || value.length > MAX_URIS)
    throw new InvalidArgumentError(
      `"${field}" must be a list of ${min} to ${MAX_URIS} absolute http(s) URLs, got ${describeValue(value)}`,
    );
  return value.map((uri, i) => {
    if (typeof uri !== 'string' || uri.length > 2000 || !URL.canParse(uri))
      throw new InvalidArgumentError(`"${field}[${i}]" must be an absolute URL, got ${describeValue(uri)}`);
    const url = new URL(uri);
    // RFC 6749 §3.1.2: no fragment; credentials in a redirect address would end up in logs.
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || uri.includes('#') || url.username || url.password)
      throw new InvalidArgumentError(
        `"${field}[${i}]" must be an http(s) URL without a fragment or credentials, got ${describeValue(uri)}`,
      );
    return uri;
  });
}

/** Stores `record`, replacing a client of the same id; true when one was replaced. */
export async function saveOidcClient(store: Store, record: OidcClientRecord): Promise<boolean> {
  let replaced = false;
  await store.update<StoreValue>(OIDC_CLIENT_PREFIX + record.client_id, (current) => {
    replaced = current !== undefined;
    return record as unknown as StoreValue;
  });
  return replaced;
}

/** A client as the control API shows it: never its secret. */
export function publicClient(record: OidcClientRecord): Record<string, unknown> {
  const { client_secret: secret, ...shown } = record;
  return { ...shown, confidential: secret !== undefined };
}

export const OIDC_CLIENT_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/control/oidc/clients',
    async run(c) {
      const record = readOidcClient(await readJsonObject(c.request, OIDC_CLIENT_FIELDS));
      const replaced = await saveOidcClient(c.store, record);
      return json(replaced ? 200 : 201, publicClient(record));
    },
  },
  {
    method: 'GET',
    path: '/control/oidc/clients',
    async run(c) {
      const clients: Record<string, unknown>[] = [];
      for (const key of await c.store.keys(OIDC_CLIENT_PREFIX)) {
        const record = await c.store.get<StoreValue>(key);
        if (record !== undefined) clients.push(publicClient(record as unknown as OidcClientRecord));
      }
      return json(200, { clients });
    },
  },
];
