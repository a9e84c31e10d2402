/**
 * Putting a checked seed file (seed-file.ts) into a running service: each account as
 * POST /control/accounts puts it (created, or replaced with its tickets, sessions and mail), each
 * client as POST /control/oidc/clients does (created, or replaced).
 */
import { putAccount } from '../server/account-control.js';
import { controlMailboxOf } from '../server/control-mailbox.js';
import { OIDC_CLIENT_FIELDS, readOidcClient, saveOidcClient, type OidcClientRecord } from '../server/oidc-clients.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { checkList } from '../core/input.js';
import type { Provider, SeedAccountInput, SeededAccount } from '../sim/provider.js';
import type { SeedAccount } from '../sim/provider/seed-account.js';
import type { Store } from '../sim/store.js';
import { MAX_SEED_ENTRIES, type Seed } from './seed-file.js';

/** What a seed file put into the service. */
export type SeedApplied = { accounts: SeededAccount[]; clients: string[] };

/**
 * Puts `seed` into the service of `provider` on `store`, one entry after another.
 * @example
 * const seed = await readSeedFile('seed.json'); // checked whole first: nothing is written on a bad file
 * await applySeed(seed, { provider, store });
 */
export async function applySeed(seed: Seed, target: { provider: Provider; store: Store }): Promise<SeedApplied> {
  if (typeof seed !== 'object' || seed === null || !Array.isArray(seed.accounts))
    throw new InvalidArgumentError(`"seed" must be a seed from readSeedFile, got ${describeValue(seed)}`);
  // Checked again, all before anything is written: a seed made by hand need not have come through readSeed.
  const seedClients = checkList(seed.clients ?? [], 'seed.clients', MAX_SEED_ENTRIES).map(clientOf);
  const { provider, store } = (typeof target === 'object' && target) || ({} as never);
  if (typeof provider?.seedAccount !== 'function' || typeof store?.update !== 'function')
    throw new InvalidArgumentError('"target" must hold the provider and the Store it uses');
  const places = { provider, store, mailbox: controlMailboxOf(provider) };
  const accounts: SeededAccount[] = [];
  for (const account of seed.accounts) accounts.push(await putAccount(places, inputOf(account)));
  const clients: string[] = [];
  for (const client of seedClients) {
    await saveOidcClient(store, client);
    clients.push(client.client_id);
  }
  return { accounts, clients };
}

/** A client as the control route takes it, from a checked record (or a hand-made one, checked here). */
function clientOf(client: OidcClientRecord): OidcClientRecord {
  if (typeof client !== 'object' || client === null || Array.isArray(client))
    throw new InvalidArgumentError(`a client must be an object, got ${describeValue(client)}`);
  const given = client as unknown as Record<string, unknown>;
  return readOidcClient(
    Object.fromEntries(OIDC_CLIENT_FIELDS.filter((f) => given[f] !== undefined).map((f) => [f, given[f]])),
  );
}

/** A checked entry back in the form the provider takes (absent fields left out); the provider checks it again. */
function inputOf(account: SeedAccount): SeedAccountInput {
  if (typeof account !== 'object' || account === null)
    throw new InvalidArgumentError(`an account must be an object, got ${describeValue(account)}`);
  // fromEntries defines own properties, so a "__proto__" field stays a field (and is refused as unknown).
  return Object.fromEntries(Object.entries(account).filter(([, value]) => value !== null)) as SeedAccountInput;
}
