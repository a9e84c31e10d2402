/**
 * The FIDO Alliance's Credential Exchange Format (CXF 1.0), the JSON that password managers and
 * phone platforms move credentials in:
 *
 *   { version: { major: 1, minor: 0 }, exporterRpId, exporterDisplayName, timestamp,
 *     accounts: [{ id, username, email, collections: [{ id, title, items: [{ item }] }],
 *                  items: [{ id, title, credentials: [
 *                    { type: "totp", secret (base32), period, digits, username, algorithm, issuer },
 *                    { type: "note", content: { fieldType: "string", value } }, … ], tags }] }] }
 *
 * Each TOTP credential is one account; its item's note, collections and tags are its details.
 * CXF has no HOTP and no Steam Guard credential, and a period is one byte: capabilities.ts says
 * so, and {@link toCxf} refuses such accounts by name. A TOTP credential whose algorithm is not
 * SHA-1/256/512 is skipped, as the specification tells importers to.
 */
import { toAccount } from '../account.js';
import { systemClock, type Clock } from '../clock.js';
import { InvalidArgumentError, InvalidMigrationError } from '../errors.js';
import { checkClock, checkList, checkOptions, checkRandomSource } from '../input.js';
import { describeAccount } from '../account.js';
import { cryptoRandom, type RandomSource } from '../random.js';
import { refusalOf } from './capabilities.js';
import { checkDetails, toDetails, type DetailedAccount } from './details.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson } from './json.js';
import { toBase64 } from './migration/base64.js';

/** True for a parsed value shaped like a CXF document. */
export const isCxf = (value: unknown): value is Record<string, unknown> =>
  isObject(value) &&
  isObject(value.version) &&
  typeof value.version.major === 'number' &&
  Array.isArray(value.accounts) &&
  ('exporterRpId' in value || 'exporterDisplayName' in value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Item id → the titles of the collections (and sub-collections) that list it. */
function collectionTitles(collections: unknown, into = new Map<string, string[]>()): Map<string, string[]> {
  if (!Array.isArray(collections)) return into;
  for (const c of entryList(collections, 'CXF "collections"')) {
    if (!isObject(c)) continue;
    for (const link of Array.isArray(c.items) ? entryList(c.items, 'CXF collection "items"') : []) {
      if (!isObject(link) || typeof link.item !== 'string') continue;
      into.set(link.item, [...(into.get(link.item) ?? []), text(c.title)]);
    }
    collectionTitles(c.subCollections, into);
  }
  return into;
}

/**
 * Reads the TOTP credentials of a CXF document (text or parsed object).
 * @throws {InvalidMigrationError} for an unsupported major version or a malformed credential
 */
export function parseCxf(input: string | unknown): FormatImport {
  const doc = typeof input === 'string' ? parseJson(input, 'CXF document') : input;
  if (!isCxf(doc)) throw new InvalidMigrationError('CXF document must be an object with "version" and "accounts"');
  const { major } = doc.version as { major: number };
  if (major !== 1) throw new InvalidMigrationError(`CXF version ${major} cannot be read (version 1 can)`);
  const result = emptyImport();
  let index = 0;
  for (const account of entryList(doc.accounts, 'CXF "accounts"')) {
    if (!isObject(account)) throw new InvalidMigrationError('CXF account must be an object');
    const groups = collectionTitles(account.collections);
    for (const item of entryList(account.items ?? [], 'CXF "items"')) {
      if (!isObject(item)) throw new InvalidMigrationError('CXF item must be an object');
      const credentials = entryList(item.credentials ?? [], 'CXF "credentials"').filter(isObject);
      const note = credentials.find((c) => c.type === 'note' && isObject(c.content));
      const details = {
        note: note ? (note.content as Record<string, unknown>).value : undefined,
        groups: [...(groups.get(text(item.id)) ?? []), ...(Array.isArray(item.tags) ? item.tags : [])],
      };
      for (const c of credentials.filter((c) => c.type === 'totp')) {
        const where = `CXF TOTP credential ${index}`;
        const algorithm = text(c.algorithm).toLowerCase();
        const account = text(c.username) || text(item.subtitle) || text(item.title);
        // Without an issuer the item's title names the service, unless it only repeats the account.
        const issuer = text(c.issuer) || (text(item.title) === account ? '' : text(item.title));
        const name = issuer === '' ? account : `${issuer}: ${account}`;
        if (!['sha1', 'sha256', 'sha512'].includes(algorithm))
          result.skipped.push({
            index,
            name,
            reason: `algorithm ${JSON.stringify(c.algorithm)} is not SHA1, SHA256 or SHA512`,
          });
        else
          addEntry(result, index, where, {
            type: 'totp',
            issuer,
            account,
            secret: c.secret,
            algorithm,
            digits: c.digits,
            period: c.period,
            ...toDetails(details),
          });
        index++;
      }
    }
  }
  return result;
}

/** A CXF document as {@link toCxf} writes it. */
export type CxfDocument = {
  version: { major: 1; minor: 0 };
  exporterRpId: string;
  exporterDisplayName: string;
  timestamp: number;
  accounts: Array<Record<string, unknown>>;
};

const base64url = (bytes: Uint8Array) => toBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/**
 * Writes TOTP accounts as a CXF document: one item per account, its note as a note credential and
 * its groups as collections.
 * @param options.clock the export's time (default: the system clock); `random` for the ids
 * @throws {InvalidArgumentError} naming an account CXF cannot carry (HOTP, Steam, a period over
 *   255 s) or an invalid one
 * @example
 * JSON.stringify(toCxf(accounts));
 */
export function toCxf(
  accounts: readonly DetailedAccount[],
  options: { clock?: Clock; random?: RandomSource } = {},
): CxfDocument {
  const opts = checkOptions(options);
  const seconds = Math.floor((opts.clock === undefined ? systemClock : checkClock(opts.clock)).now() / 1000);
  const random = checkRandomSource(opts.random ?? cryptoRandom);
  const id = () => base64url(random.getRandomValues(new Uint8Array(16)));
  const collections = new Map<string, string[]>();
  const items = checkList(accounts, 'accounts').map((input, i) => {
    const a = toAccount(input, `accounts[${i}]`);
    const refusal = refusalOf('cxf', a);
    if (refusal !== null) throw new InvalidArgumentError(`accounts[${i}] ${describeAccount(a)}: ${refusal}`);
    const { note, groups = [] } = checkDetails(input, `accounts[${i}]`);
    const itemId = id();
    for (const g of groups) collections.set(g, [...(collections.get(g) ?? []), itemId]);
    const totp = {
      type: 'totp',
      secret: a.secret,
      period: a.period,
      digits: a.digits,
      username: a.account,
      algorithm: a.algorithm.toLowerCase(),
      ...(a.issuer === null ? {} : { issuer: a.issuer }),
    };
    const noteCredential = note === undefined ? [] : [{ type: 'note', content: { fieldType: 'string', value: note } }];
    return {
      id: itemId,
      creationAt: seconds,
      modifiedAt: seconds,
      title: a.issuer ?? a.account,
      credentials: [totp, ...noteCredential],
    };
  });
  const collectionList = [...collections].map(([title, ids]) => ({
    id: id(),
    title,
    items: ids.map((item) => ({ item })),
  }));
  return {
    version: { major: 1, minor: 0 },
    exporterRpId: 'totp-lab',
    exporterDisplayName: 'totp-lab',
    timestamp: seconds,
    accounts: [{ id: id(), username: '', email: '', collections: collectionList, items }],
  };
}
