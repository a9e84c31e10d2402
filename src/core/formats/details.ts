/**
 * What an entry of an export holds besides its key URI fields: a note, group (folder, tag,
 * collection) names, and whether it had an icon. Readers collect them where the format has them,
 * writers write them where the format has a place for them, and the transfer report compares the
 * two, so a move says which of them it keeps.
 */
import type { AccountInput } from '../account.js';
import { checkList, checkOptions } from '../input.js';
import { InvalidArgumentError, describeValue } from '../errors.js';
import type { KeyUri } from '../key-uri.js';

/** An entry's details. Absent fields mean "none": no note, no group, no icon. */
export interface AccountDetails {
  /** A free-text note. */
  note?: string;
  /** Group, folder, tag or collection names, without duplicates (their order carries no meaning). */
  groups?: string[];
  /** True when the entry had an icon of its own; this library keeps no images, so none is written. */
  icon?: boolean;
}

/** An account with its details, as writers take it and {@link withDetails} gives it. */
export type DetailedAccount = AccountInput & AccountDetails;

const MAX_NOTE = 10_000;
const MAX_GROUPS = 100;

/**
 * The details in canonical form: a note only when not empty, group names trimmed, without empty
 * ones and duplicates, `icon` only when true. Values of the wrong type are left out (readers take
 * what the file has; {@link checkDetails} is the strict form for what callers hand to writers).
 */
export function toDetails(raw: { note?: unknown; groups?: unknown; icon?: unknown }): AccountDetails {
  const details: AccountDetails = {};
  if (typeof raw.note === 'string' && raw.note.trim() !== '') details.note = raw.note.slice(0, MAX_NOTE);
  if (Array.isArray(raw.groups)) {
    const groups = [
      ...new Set(
        raw.groups
          .slice(0, MAX_GROUPS)
          .filter((g): g is string => typeof g === 'string')
          .map((g) => g.trim())
          .filter((g) => g !== ''),
      ),
    ];
    if (groups.length > 0) details.groups = groups;
  }
  if (raw.icon === true) details.icon = true;
  return details;
}

/**
 * Checks the details a caller gives a writer.
 * @throws {InvalidArgumentError} naming `where` and the field
 */
export function checkDetails(input: DetailedAccount, where: string): AccountDetails {
  const { note, groups, icon } = input;
  if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE))
    throw new InvalidArgumentError(`${where}: "note" must be a string of at most ${MAX_NOTE} characters`);
  if (
    groups !== undefined &&
    (!Array.isArray(groups) || groups.length > MAX_GROUPS || !groups.every((g) => typeof g === 'string'))
  )
    throw new InvalidArgumentError(
      `${where}: "groups" must be an array of at most ${MAX_GROUPS} strings, got ${describeValue(groups)}`,
    );
  if (icon !== undefined && typeof icon !== 'boolean')
    throw new InvalidArgumentError(`${where}: "icon" must be a boolean, got ${describeValue(icon)}`);
  return toDetails({ note, groups, icon });
}

/**
 * Each account of a read with its details, ready for a writer or `planTransfer`.
 * @throws {InvalidArgumentError} when `read` is not a reader's result
 * @example
 * await writeExport(withDetails(await readExport(file)), 'aegis');
 */
export function withDetails(read: {
  accounts: readonly KeyUri[];
  details: readonly AccountDetails[];
}): Array<KeyUri & AccountDetails> {
  const { accounts, details } = checkOptions(read, 'read');
  checkList(accounts, 'read.accounts');
  checkList(details, 'read.details');
  return accounts.map((account, i) => {
    if (typeof account !== 'object' || account === null)
      throw new InvalidArgumentError(`"read.accounts[${i}]" must be an account, got ${describeValue(account)}`);
    return { ...account, ...toDetails(checkOptions(details[i] ?? {}, `read.details[${i}]`)) };
  });
}
