/**
 * What the OpenID Connect front (totp-lab/node) keeps of one account in the Store, named here so
 * the control API can end it with the account, on whichever instance the removal is asked:
 *
 * - `oidc:subject:<username>` and its reverse `oidc:account:<sub>`: the account's `sub`;
 * - oidc-provider's entries `oidc:<Model>:<id>` whose payload names that `sub`: browser sessions,
 *   grants, authorization codes, access tokens, and sign-ins started from a signed-in session;
 * - `oidc:grant-index:<grantId>`: the keys issued under one of those grants;
 * - `oidc:login:<uid>`: a sign-in on the front's pages, once its password named the account.
 *
 * A removed or replaced account takes all of it along: a new account of the same name gets a new
 * `sub`, and nothing issued to the old one signs the new one in (OIDC Core §2: a `sub` is never
 * reassigned).
 */
import type { Store, StoreValue } from '../sim/store.js';
import { OIDC_CLIENT_PREFIX } from './oidc-clients.js';

/** The prefix of every Store key the OpenID Connect front writes. */
export const OIDC_PREFIX = 'oidc:';

/** Store key of the `sub` of an account. */
export const subjectKey = (username: string): string => `${OIDC_PREFIX}subject:${username}`;

/** Store key of the username behind a `sub`. */
export const accountOfSubjectKey = (sub: string): string => `${OIDC_PREFIX}account:${sub}`;

/** Store key of the list of keys issued under a grant. */
export const grantIndexKey = (grantId: string): string => `${OIDC_PREFIX}grant-index:${grantId}`;

const GRANT_PREFIX = `${OIDC_PREFIX}Grant:`;

/** The prefix of the sign-ins in progress on the front's pages. */
export const LOGIN_STATE_PREFIX = `${OIDC_PREFIX}login:`;

/**
 * Ends everything the front keeps of `username`: its `sub` first (from then on no token, code or
 * session of it finds an account, on any instance), then every entry above. Every entry under
 * `oidc:` is read: a control call, not a hot path.
 */
export async function endOidcAccount(store: Store, username: string): Promise<void> {
  let sub: string | null = null;
  await store.update<string>(subjectKey(username), (current) => {
    if (typeof current === 'string') sub = current;
    return undefined;
  });
  if (sub !== null) await store.update(accountOfSubjectKey(sub), () => undefined);
  const ofAccount = (key: string, value: StoreValue | undefined): boolean =>
    key.startsWith(LOGIN_STATE_PREFIX)
      ? fieldOf(value, 'username') === username
      : sub !== null && namesSubject(value, sub);
  for (const key of await store.keys(OIDC_PREFIX)) {
    if (key.startsWith(OIDC_CLIENT_PREFIX) || !ofAccount(key, await store.get<StoreValue>(key))) continue;
    let grantId: StoreValue | undefined;
    await store.update<StoreValue>(key, (value) => {
      if (!ofAccount(key, value)) return value;
      grantId = key.startsWith(GRANT_PREFIX)
        ? key.slice(GRANT_PREFIX.length)
        : fieldOf(fieldOf(value, 'payload'), 'grantId');
      return undefined;
    });
    if (typeof grantId === 'string') await store.update(grantIndexKey(grantId), () => undefined);
  }
}

/** True for an oidc-provider entry (`{ payload, expiresAt }`) issued to `sub`, or to a session of it. */
function namesSubject(value: StoreValue | undefined, sub: string): boolean {
  const payload = fieldOf(value, 'payload');
  return fieldOf(payload, 'accountId') === sub || fieldOf(fieldOf(payload, 'session'), 'accountId') === sub;
}

function fieldOf(value: StoreValue | undefined, name: string): StoreValue | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value[name] : undefined;
}
