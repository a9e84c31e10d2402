/**
 * The accounts on a virtual phone: adding one (from a key URI or typed by hand), HOTP's "next
 * code", renaming ("swipe right") and removing with confirmation ("swipe left").
 */
import { describeAccount, toAccount } from '../../core/account.js';
import { constantTimeEqual } from '../../core/constant-time.js';
import { InvalidArgumentError, InvalidStateError, describeValue } from '../../core/errors.js';
import { checkOptions } from '../../core/input.js';
import { parseKeyUri, type KeyUri } from '../../core/key-uri.js';
import type { PhoneAccount } from '../phone-state.js';
import type { AccountView, AddResult, DeleteRequest, ManualEntry } from '../phone-types.js';
import { asAppReads, needManualEntry } from './apps.js';
import { appOf, findAccount, say, viewAccount, type PhoneDevice } from './device.js';

/**
 * Adds an account as the phone's app understands it (an app that ignores a parameter keeps its
 * default), or answers `duplicate` when the same name and key are already there.
 */
export function addAccount(phone: PhoneDevice, given: KeyUri): AddResult {
  const state = phone.state;
  const account = asAppReads(appOf(phone), given);
  const same = state.accounts.filter((a) => a.issuer === account.issuer && a.account === account.account);
  const duplicate = same.find((a) => constantTimeEqual(a.secret, account.secret));
  if (duplicate) {
    return {
      status: 'duplicate',
      account: viewAccount(phone, duplicate),
      message: say(phone).duplicate(describeAccount(account)),
    };
  }
  const stored: PhoneAccount = { id: `acc-${state.nextId++}`, ...account, shownCounter: null };
  state.accounts.push(stored);
  const result: AddResult = { status: 'added', account: viewAccount(phone, stored) };
  if (same.length > 0) result.warning = say(phone).sameNameOtherKey(describeAccount(account));
  return result;
}

/** Adds the account in an otpauth:// key URI. @throws {InvalidKeyUriError} for a malformed URI */
export function addKeyUri(phone: PhoneDevice, uri: string): AddResult {
  const { issuerMismatch: _m, ...account } = parseKeyUri(uri);
  return addAccount(phone, account);
}

/** Adds an account typed by hand ("Nem tudom beolvasni a kódot"). */
export function addManually(phone: PhoneDevice, entry: ManualEntry): AddResult {
  // A counter-based key typed by hand starts at 0, as the apps' manual entry does.
  entry = checkOptions(entry, 'entry');
  needManualEntry(appOf(phone), phone.language);
  const counter = entry.type === 'hotp' ? (entry.counter ?? 0) : null;
  return addAccount(phone, toAccount({ ...entry, counter }));
}

/** HOTP's "next code" button: shows the code for the counter and moves the counter on. */
export function nextCode(phone: PhoneDevice, id: string): string {
  const account = findAccount(phone, id);
  if (account.type !== 'hotp')
    throw new InvalidArgumentError(
      `"id" must name an HOTP account for nextCode, got the ${account.type === 'steam' ? 'Steam' : 'TOTP'} account ${describeValue(id)}`,
    );
  if (account.counter! >= Number.MAX_SAFE_INTEGER)
    throw new InvalidStateError(`the counter of ${describeAccount(account)} is at its maximum`);
  account.shownCounter = account.counter;
  account.counter! += 1;
  return viewAccount(phone, account).code!;
}

/** "Swipe right to edit": changes the shown issuer and/or account name. */
export function renameAccount(
  phone: PhoneDevice,
  id: string,
  names: { issuer?: string | null; account?: string },
): AccountView {
  const account = findAccount(phone, id);
  const next = toAccount({ ...account, ...checkOptions(names, 'names') }, 'rename');
  account.issuer = next.issuer;
  account.account = next.account;
  return viewAccount(phone, account);
}

/** "Swipe left": asks to remove an account; nothing is removed until {@link confirmDelete}. */
export function requestDelete(phone: PhoneDevice, id: string): DeleteRequest {
  const account = findAccount(phone, id);
  phone.state.pendingDelete = id;
  return { account: viewAccount(phone, account), warning: say(phone).deleteWarning(account.issuer) };
}

/** Removes the account asked for with {@link requestDelete}; without that request nothing is removed. */
export function confirmDelete(phone: PhoneDevice, id: string): { deleted: boolean } {
  const state = phone.state;
  if (state.pendingDelete !== id) return { deleted: false };
  state.pendingDelete = null;
  state.accounts = state.accounts.filter((a) => a.id !== id);
  return { deleted: true };
}
