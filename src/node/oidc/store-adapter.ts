/**
 * oidc-provider's storage adapter on the project's Store, so sessions, interactions, grants,
 * authorization codes and tokens are shared by every instance on one SQLite or PostgreSQL store.
 *
 * Each entry is kept under `oidc:<Model>:<id>` with the simulated time it expires at: an entry whose
 * time has passed on the simulated clock is gone, so moving the clock forward expires codes, tokens
 * and sessions (oidc-provider also checks its own real-time `exp`; whichever ends first wins).
 * Clients are read from `oidc:client:<id>`, where the control API and the seed file write them.
 *
 * `consume` is one atomic Store update: of two requests redeeming one authorization code, on one
 * instance or two, exactly one marks it consumed; the other is refused with invalid_grant and the
 * code's grant is revoked (RFC 6749 §4.1.2), as oidc-provider does for a replay it sees itself.
 */
import type { Clock } from '../../core/clock.js';
import type { Store, StoreValue } from '../../sim/store.js';
import { grantIndexKey, OIDC_PREFIX } from '../../server/oidc-account-entries.js';
import { OIDC_CLIENT_PREFIX } from '../../server/oidc-clients.js';

export { OIDC_PREFIX };

/** An adapter entry as stored: the payload and when it expires (simulated ms; null: never). */
type Entry = { payload: Record<string, StoreValue>; expiresAt: number | null };

/** The error a replayed code gets: oidc-provider's own InvalidGrant, so it answers as the RFC says. */
export type ReplayError = new (description: string) => Error;

/** The adapter class oidc-provider instantiates once per model name. */
export type AdapterClass = new (model: string) => {
  upsert(id: string, payload: Record<string, StoreValue>, expiresIn?: number): Promise<void>;
  find(id: string): Promise<Record<string, StoreValue> | undefined>;
  findByUid(uid: string): Promise<Record<string, StoreValue> | undefined>;
  findByUserCode(userCode: string): Promise<Record<string, StoreValue> | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
};

const uidKey = (uid: string) => `${OIDC_PREFIX}session-uid:${uid}`;
const userCodeKey = (code: string) => `${OIDC_PREFIX}user-code:${code}`;

/** The adapter class for `store`, expiring entries on `clock`. */
export function storeAdapter(store: Store, clock: Clock, ReplayRefused: ReplayError): AdapterClass {
  const live = (entry: Entry | undefined): entry is Entry =>
    entry !== undefined && (entry.expiresAt === null || clock.now() < entry.expiresAt);

  /** Deletes every entry issued under a grant, and the grant. */
  async function revokeGrant(grantId: string): Promise<void> {
    let members: string[] = [];
    await store.update<string[]>(grantIndexKey(grantId), (current) => {
      members = current ?? [];
      return undefined;
    });
    for (const key of [...members, `${OIDC_PREFIX}Grant:${grantId}`]) await store.update(key, () => undefined);
  }

  return class StoreAdapter {
    readonly #model: string;
    constructor(model: string) {
      this.#model = model;
    }

    #key(id: string): string {
      return this.#model === 'Client' ? OIDC_CLIENT_PREFIX + id : `${OIDC_PREFIX}${this.#model}:${id}`;
    }

    async upsert(id: string, payload: Record<string, StoreValue>, expiresIn?: number): Promise<void> {
      const key = this.#key(id);
      if (this.#model === 'Client') return void (await store.update(key, () => payload));
      const expiresAt = typeof expiresIn === 'number' ? clock.now() + expiresIn * 1000 : null;
      await store.update<Entry>(key, () => ({ payload, expiresAt }));
      const { grantId, uid, userCode } = payload;
      if (typeof grantId === 'string' && this.#model !== 'Grant')
        await store.update<string[]>(grantIndexKey(grantId), (current = []) =>
          current.includes(key) ? current : [...current, key],
        );
      if (this.#model === 'Session' && typeof uid === 'string') await store.update(uidKey(uid), () => id);
      if (typeof userCode === 'string') await store.update(userCodeKey(userCode), () => id);
    }

    async find(id: string): Promise<Record<string, StoreValue> | undefined> {
      if (typeof id !== 'string' || id === '') return undefined;
      if (this.#model === 'Client') {
        const client = await store.get<Record<string, StoreValue>>(this.#key(id));
        return client ?? undefined;
      }
      const entry = await store.get<Entry>(this.#key(id));
      return live(entry) ? entry.payload : undefined;
    }

    async findByUid(uid: string): Promise<Record<string, StoreValue> | undefined> {
      const id = await store.get<string>(uidKey(uid));
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async findByUserCode(userCode: string): Promise<Record<string, StoreValue> | undefined> {
      const id = await store.get<string>(userCodeKey(userCode));
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async consume(id: string): Promise<void> {
      // null: consumed now; '': gone (revoked by another request's replay, or expired); else the grant of a replay.
      let replayOf: string | null = '';
      // Never 0: oidc-provider tests `consumed` for truth.
      const at = Math.max(1, Math.floor(clock.now() / 1000));
      await store.update<Entry>(this.#key(id), (entry) => {
        if (!live(entry)) return entry;
        if (entry.payload['consumed'] === undefined) {
          replayOf = null;
          return { ...entry, payload: { ...entry.payload, consumed: at } };
        }
        replayOf = typeof entry.payload['grantId'] === 'string' ? entry.payload['grantId'] : '';
        return entry;
      });
      if (replayOf === null) return;
      // Another request (here or on another instance) consumed it between oidc-provider's find and now.
      if (replayOf !== '') await revokeGrant(replayOf);
      const what = this.#model === 'AuthorizationCode' ? 'authorization code' : 'grant';
      throw new ReplayRefused(`${what} already consumed`);
    }

    async destroy(id: string): Promise<void> {
      let grantId: StoreValue | undefined;
      const key = this.#key(id);
      await store.update<Entry>(key, (entry) => {
        grantId = entry?.payload?.['grantId'];
        return undefined;
      });
      if (typeof grantId === 'string' && this.#model !== 'Grant')
        await store.update<string[]>(grantIndexKey(grantId), (current) => {
          const rest = (current ?? []).filter((k) => k !== key);
          return rest.length === 0 ? undefined : rest;
        });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await revokeGrant(grantId);
    }
  };
}

/**
 * Removes the front's entries whose simulated time has passed (the Store keeps what it is given
 * until it is deleted). Indexes pointing at removed entries are harmless and go with their grant.
 */
export async function sweepExpired(store: Store, clock: Clock): Promise<number> {
  let removed = 0;
  const expired = (value: StoreValue | undefined): boolean => {
    const expiresAt = isRecord(value) ? value['expiresAt'] : undefined;
    return typeof expiresAt === 'number' && clock.now() >= expiresAt;
  };
  for (const key of await store.keys(OIDC_PREFIX)) {
    if (key.startsWith(OIDC_CLIENT_PREFIX) || !expired(await store.get<StoreValue>(key))) continue;
    // Checked again inside the update: another instance may have renewed it since.
    await store.update<StoreValue>(key, (value) => {
      if (!expired(value)) return value;
      removed++;
      return undefined;
    });
  }
  return removed;
}

function isRecord(value: StoreValue | undefined): value is Record<string, StoreValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
