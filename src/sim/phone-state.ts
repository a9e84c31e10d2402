/**
 * A virtual phone's state as plain JSON data, so it can be kept anywhere (a browser's
 * localStorage, a file, a Store) and read back with {@link phoneStateFromJSON}.
 * It holds the secret keys, as a real authenticator's storage does: keep it like a password.
 */
import { checkList } from '../core/input.js';
import { toAccount } from '../core/account.js';
import { InvalidArgumentError, TotpLabError, describeValue } from '../core/errors.js';
import type { KeyUri } from '../core/key-uri.js';
import { checkCounter } from '../core/options.js';
import { checkAppId, type AuthenticatorAppId } from './phone/apps.js';

/** An account on the phone: a key URI's fields plus an id and, for HOTP, the code on screen. */
export interface PhoneAccount extends KeyUri {
  /** Stable within this phone (`acc-1`, `acc-2`, …). */
  id: string;
  /** HOTP: the counter of the code shown on screen, or null before "next code" was first pressed. */
  shownCounter: number | null;
}

/** Where a multi-QR import stands: which batches of export `id` have been scanned. */
export interface TransferState {
  id: number;
  size: number;
  received: number[];
}

/** Everything a virtual phone knows, as JSON-ready data (what a phone's `toJSON()` returns). */
export interface PhoneState {
  format: 'totp-lab/phone';
  version: 1;
  /** How far the phone's clock is ahead (positive) or behind (negative) the true time, in ms. */
  driftMs: number;
  nextId: number;
  accounts: PhoneAccount[];
  /** The account whose removal waits for confirmation, if any. */
  pendingDelete: string | null;
  /** Multi-QR imports still missing batches. */
  transfers: TransferState[];
  /** The app the phone runs (absent in older states: the faithful one). */
  app?: AuthenticatorAppId;
}

/** The largest clock offset a phone accepts: ten years, either way. */
export const MAX_DRIFT_MS = 10 * 365 * 86_400_000;

/** A phone with nothing on it. */
export function emptyPhoneState(driftMs = 0): PhoneState {
  return {
    format: 'totp-lab/phone',
    version: 1,
    driftMs: checkDrift(driftMs),
    nextId: 1,
    accounts: [],
    pendingDelete: null,
    transfers: [],
  };
}

/** Checks a clock offset: a finite number of ms, at most ten years either way. */
export function checkDrift(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DRIFT_MS) return value;
  throw new InvalidArgumentError(
    `"driftMs" must be a finite number of ms within ±${MAX_DRIFT_MS}, got ${describeValue(value)}`,
  );
}

/**
 * Reads phone state saved with `toJSON()` (the parsed object or the JSON text), checking every field.
 * @throws {InvalidArgumentError} naming the field that is wrong (never a secret)
 */
export function phoneStateFromJSON(value: unknown): PhoneState {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      throw new InvalidArgumentError('phone state is not valid JSON');
    }
  }
  if (!isObject(data) || data.format !== 'totp-lab/phone' || data.version !== 1) {
    throw new InvalidArgumentError(
      `phone state must be an object with format "totp-lab/phone" and version 1, got ${describeValue(isObject(data) ? data.format : data)}`,
    );
  }
  const state = emptyPhoneState(data.driftMs as number);
  if (data.app !== undefined) state.app = checkAppId(data.app, 'phone state app');
  if (!Number.isSafeInteger(data.nextId) || (data.nextId as number) < 1)
    throw new InvalidArgumentError(
      `phone state "nextId" must be a positive integer, got ${describeValue(data.nextId)}`,
    );
  state.nextId = data.nextId as number;
  const accounts = checkList(data.accounts as unknown[], 'phone state accounts');
  const ids = new Set<string>();
  accounts.forEach((item: unknown, i) => {
    const where = `phone state accounts[${i}]`;
    if (!isObject(item) || typeof item.id !== 'string' || item.id === '' || ids.has(item.id)) {
      throw new InvalidArgumentError(`${where} must have a unique string "id"`);
    }
    ids.add(item.id);
    const account = toAccount(item as never, where);
    let shownCounter: number | null = null;
    if (account.type === 'hotp' && item.shownCounter !== null && item.shownCounter !== undefined) {
      try {
        shownCounter = checkCounter(item.shownCounter, 'shownCounter');
      } catch (error) {
        throw error instanceof TotpLabError ? new InvalidArgumentError(`${where}: ${error.message}`) : error;
      }
    }
    state.accounts.push({ id: item.id, ...account, shownCounter });
  });
  if (typeof data.pendingDelete === 'string' && ids.has(data.pendingDelete)) state.pendingDelete = data.pendingDelete;
  // Unreadable transfer progress is dropped rather than refused: it only means rescanning.
  if (Array.isArray(data.transfers) && data.transfers.length <= 1000) {
    for (const t of data.transfers) {
      const size = isObject(t) ? t.size : undefined;
      const inRange = (i: unknown) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < (size as number);
      if (
        isObject(t) &&
        Number.isInteger(t.id) &&
        Number.isInteger(size) &&
        (size as number) >= 1 &&
        (size as number) <= 1000 &&
        Array.isArray(t.received) &&
        t.received.length <= (size as number) &&
        t.received.every(inRange)
      ) {
        state.transfers.push({ id: t.id as number, size: t.size as number, received: [...(t.received as number[])] });
      }
    }
  }
  return state;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
