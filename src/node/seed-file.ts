/**
 * Seed files: what `totp-lab serve --seed FILE` puts into the service at start-up, for CI jobs that
 * start it in the background. A seed file is a JSON object of named lists:
 *
 *   { "accounts": [ { "username": "kovacs.janos", "password": "…", "secret": "…" }, … ],
 *     "clients": [ { "client_id": "my-app", "redirect_uris": ["http://127.0.0.1:3000/callback"] }, … ] }
 *
 * Each list has one reader in {@link SEED_LISTS}, which checks one entry and names it; the file is
 * checked whole before anything is written, and the first problem stops start-up with one line
 * naming the file, the entry and the field. A new kind of entry is one more reader in the table
 * (and one more step in applySeed, seed-apply.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { InvalidArgumentError, TotpLabError, describeValue } from '../core/errors.js';
import { readOidcClient, type OidcClientRecord } from '../server/oidc-clients.js';
import { readSeedAccount, type SeedAccount } from '../sim/provider/seed-account.js';

/** The reader of one list of a seed file. */
export interface SeedList<T> {
  /** Checks one entry and returns it in its checked form; throws a TotpLabError naming the field. */
  read(entry: unknown): T;
  /** The entry's name, for refusing duplicates (a username, a client id). */
  nameOf(entry: T): string;
  /** The field that names an entry in messages, read before the entry is checked. */
  nameField: string;
}

/** The lists a seed file may hold, by name. */
export const SEED_LISTS = {
  accounts: {
    read: (entry) => readSeedAccount(entry),
    nameOf: (account) => account.username,
    nameField: 'username',
  } as SeedList<SeedAccount>,
  /** Relying parties of the OpenID Connect front, as POST /control/oidc/clients takes them. */
  clients: {
    read: (entry) => readOidcClient(entry),
    nameOf: (client) => client.client_id,
    nameField: 'client_id',
  } as SeedList<OidcClientRecord>,
};

/** A seed file after checking: every list present (empty when the file left it out). */
export type Seed = { [K in keyof typeof SEED_LISTS]: ReturnType<(typeof SEED_LISTS)[K]['read']>[] };

/** The largest seed file read, in bytes. */
export const MAX_SEED_FILE_BYTES = 4 * 1024 * 1024;
/** The most entries one list may hold. */
export const MAX_SEED_ENTRIES = 10_000;

/**
 * Checks a parsed seed file.
 * @throws {InvalidArgumentError} one line naming the list, the entry (index and name) and the field
 */
export function readSeed(value: unknown): Seed {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value))
    throw new InvalidArgumentError(
      `a seed file must be a JSON object of lists (${Object.keys(SEED_LISTS).join(', ')}), got ${describeValue(value)}`,
    );
  const lists = Object.keys(SEED_LISTS);
  for (const key of Object.keys(value)) {
    if (!lists.includes(key))
      throw new InvalidArgumentError(`unknown list ${describeValue(key)}; a seed file holds ${lists.join(', ')}`);
  }
  const seed: Record<string, unknown[]> = {};
  for (const [list, reader] of Object.entries(SEED_LISTS) as [string, SeedList<unknown>][]) {
    seed[list] = readList(list, reader, (value as Record<string, unknown>)[list]);
  }
  return seed as Seed;
}

function readList<T>(list: string, reader: SeedList<T>, entries: unknown): T[] {
  if (entries === undefined) return [];
  if (!Array.isArray(entries) || entries.length > MAX_SEED_ENTRIES)
    throw new InvalidArgumentError(
      `${list} must be a list of at most ${MAX_SEED_ENTRIES} entries, got ${describeValue(entries)}`,
    );
  const seen = new Map<string, number>();
  return entries.map((entry, index) => {
    let checked: T;
    try {
      checked = reader.read(entry);
    } catch (error) {
      if (!(error instanceof TotpLabError)) throw error;
      throw new InvalidArgumentError(`${list}[${index}]${nameHint(entry, reader)}: ${error.message}`);
    }
    const name = reader.nameOf(checked);
    const earlier = seen.get(name);
    if (earlier !== undefined)
      throw new InvalidArgumentError(
        `${list}[${index}]${nameHint(entry, reader)}: the same ${reader.nameField} as ${list}[${earlier}]`,
      );
    seen.set(name, index);
    return checked;
  });
}

/** ` ("anna")` for an entry with a readable name, else nothing. */
function nameHint(entry: unknown, reader: SeedList<unknown>): string {
  const name = (entry as Record<string, unknown> | null)?.[reader.nameField];
  return typeof name === 'string' ? ` (${describeValue(name)})` : '';
}

/**
 * Reads and checks a seed file.
 * @throws {InvalidArgumentError} one line naming the file, and the entry and field when one is wrong
 */
export async function readSeedFile(path: string): Promise<Seed> {
  if (typeof path !== 'string' || path === '' || path.length > 4096)
    throw new InvalidArgumentError(`"path" must be the path of a seed file, got ${describeValue(path)}`);
  const where = `seed file ${describeValue(path)}`;
  let text: string;
  try {
    if ((await stat(path)).size > MAX_SEED_FILE_BYTES)
      throw new InvalidArgumentError(`${where} is larger than ${MAX_SEED_FILE_BYTES} bytes`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
    throw new InvalidArgumentError(`${where} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The parser's own message may quote the text, which holds passwords: only the place is told.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new InvalidArgumentError(
      `${where} is not valid JSON${at === undefined ? '' : ` (${placeOf(text, Number(at))})`}`,
    );
  }
  try {
    return readSeed(value);
  } catch (error) {
    if (error instanceof InvalidArgumentError || error instanceof TotpLabError)
      throw new InvalidArgumentError(`${where}: ${error.message}`);
    throw error;
  }
}

/** "line 3, column 7" of a character offset. */
function placeOf(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
