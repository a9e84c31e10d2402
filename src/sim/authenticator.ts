/**
 * A virtual phone running an authenticator app: it scans setup QR codes (through a camera it is
 * handed), shows codes by its own clock (which may drift), edits and removes accounts, and moves
 * accounts to another phone. Its whole state is plain data ({@link PhoneState}).
 */
import { toAccount, describeAccount } from '../core/account.js';
import { toAegisVault } from '../core/formats/aegis.js';
import { checkTime } from '../core/clock.js';
import { generateCode, secondsLeft } from '../core/code.js';
import { constantTimeEqual } from '../core/constant-time.js';
import { InvalidArgumentError, InvalidStateError, TotpLabError, describeValue } from '../core/errors.js';
import { checkList, checkOptions } from '../core/input.js';
import type { QrCamera, RgbaImage } from '../core/image.js';
import { parseKeyUri, type KeyUri } from '../core/key-uri.js';
import { decodeMigration, encodeMigration } from '../core/formats/migration/migration.js';
import { cryptoRandom } from '../core/random.js';
import { readAccounts, readExport, type AccountsFormat, type ReadExportOptions } from '../core/formats/read-accounts.js';
import { formatUriList } from '../core/formats/uri-list.js';
import { checkDrift, emptyPhoneState, phoneStateFromJSON, type PhoneAccount, type PhoneState } from './phone-state.js';
import type { AccountView, AddResult, AuthenticatorOptions, DeleteRequest, ExportOptions, ImportResult, ManualEntry, ScanResult } from './phone-types.js';
import { DEFAULT_PHONE_LANGUAGE, checkLanguage, type Language } from './language.js';
import { PHONE_MESSAGES } from './phone-messages.js';
import { pendingTransfers, recordBatch, type TransferProgress } from './transfer-progress.js';

/** A virtual phone, as {@link createAuthenticator} makes it. */
export type Authenticator = ReturnType<typeof createAuthenticator>;

/**
 * Makes a virtual phone.
 * @throws {InvalidArgumentError} for a bad option or saved state
 * @example
 * const clock = manualClock(Date.UTC(2025, 0, 16, 8));
 * const phone = createAuthenticator({ clock, driftMs: -45_000 });
 * phone.addKeyUri(provider.enrollmentUri);
 * phone.list()[0].code; // what the phone shows, 45 s behind
 */
export function createAuthenticator(options: AuthenticatorOptions) {
  if (typeof options !== 'object' || options === null || typeof options.clock?.now !== 'function') {
    throw new InvalidArgumentError(`"clock" must be a Clock (an object with now()), got ${describeValue(options?.clock)}`);
  }
  const { clock, camera, random = cryptoRandom } = options;
  const state: PhoneState = options.state === undefined ? emptyPhoneState() : phoneStateFromJSON(options.state);
  if (options.driftMs !== undefined) state.driftMs = checkDrift(options.driftMs);
  let language = checkLanguage(options.language ?? DEFAULT_PHONE_LANGUAGE);
  const say = () => PHONE_MESSAGES[language];

  const now = () => Math.max(0, checkTime(clock.now(), 'clock.now()') + state.driftMs);
  const find = (id: string): PhoneAccount => {
    const account = state.accounts.find((a) => a.id === id);
    if (!account) throw new InvalidArgumentError(`"id" must name an account on this phone, got ${describeValue(id)}`);
    return account;
  };
  const view = (a: PhoneAccount, time = now()): AccountView => {
    const params = { algorithm: a.algorithm, digits: a.digits };
    const code = a.type === 'totp'
      ? generateCode(a.secret, { ...params, period: a.period!, time })
      : a.shownCounter === null ? null : generateCode(a.secret, { ...params, counter: a.shownCounter });
    return {
      id: a.id, type: a.type, issuer: a.issuer, account: a.account, algorithm: a.algorithm, digits: a.digits,
      period: a.period, counter: a.counter, code, secondsLeft: a.type === 'totp' ? secondsLeft(time, a.period!) : null,
    };
  };
  const add = (account: KeyUri): AddResult => {
    const same = state.accounts.filter((a) => a.issuer === account.issuer && a.account === account.account);
    const duplicate = same.find((a) => constantTimeEqual(a.secret, account.secret));
    if (duplicate) {
      return { status: 'duplicate', account: view(duplicate), message: say().duplicate(describeAccount(account)) };
    }
    const stored: PhoneAccount = { id: `acc-${state.nextId++}`, ...account, shownCounter: null };
    state.accounts.push(stored);
    const result: AddResult = { status: 'added', account: view(stored) };
    if (same.length > 0) result.warning = say().sameNameOtherKey(describeAccount(account));
    return result;
  };
  const importAccounts = (format: AccountsFormat, accounts: KeyUri[], skipped: ImportResult['skipped'], transfers: TransferProgress[]): ImportResult => {
    const result: ImportResult = { format, added: [], duplicates: [], skipped, transfers };
    for (const account of accounts) {
      const outcome = add(account);
      (outcome.status === 'added' ? result.added : result.duplicates).push(outcome.account);
    }
    return result;
  };
  const importMigration = (uri: string): ImportResult => {
    const { accounts, batch } = decodeMigration(uri);
    const progress = recordBatch(state.transfers, batch);
    return importAccounts('migration', accounts.map(({ rawName: _raw, ...a }) => a), [], [progress]);
  };
  const addKeyUri = (uri: string): AddResult => {
    const { issuerMismatch: _m, ...account } = parseKeyUri(uri);
    return add(account);
  };
  const selected = (ids: readonly string[] | undefined): PhoneAccount[] => {
    if (ids === undefined) return [...state.accounts];
    return checkList(ids, 'ids').map(find);
  };
  const needCamera = (): QrCamera => {
    if (!camera) throw new InvalidStateError('this phone has no camera: pass { camera } to createAuthenticator (totp-lab/qr makes one)');
    return camera;
  };
  const exportMigration = (opts: ExportOptions = {}): string[] => {
    opts = checkOptions(opts);
    const accounts = selected(opts.ids);
    return encodeMigration(accounts, { random, ...(opts.batchSize === undefined ? {} : { batchSize: opts.batchSize }) });
  };

  return {
    /** The phone's own time in ms: the clock plus the drift. */
    now,
    /** The language of the phone's messages (`en` or `hu`); a trainer may switch it. */
    get language(): Language {
      return language;
    },
    set language(value: Language) {
      language = checkLanguage(value);
    },
    /** How far the phone's clock is off, in ms. */
    get driftMs(): number {
      return state.driftMs;
    },
    /** Sets how far the phone's clock is off (a trainer turning the phone's clock). */
    setDrift(ms: number): void {
      state.driftMs = checkDrift(ms);
    },

    /** Adds the account in an otpauth:// key URI. @throws {InvalidKeyUriError} for a malformed URI */
    addKeyUri,
    /** Adds an account typed by hand ("Nem tudom beolvasni a kódot"). @throws {InvalidArgumentError} or {@link InvalidSecretError} */
    addManually(entry: ManualEntry): AddResult {
      // A counter-based key typed by hand starts at 0, as the apps' manual entry does.
      entry = checkOptions(entry, 'entry');
      const counter = entry.type === 'hotp' ? (entry.counter ?? 0) : null;
      return add(toAccount({ ...entry, counter }));
    },
    /**
     * Points the camera at a picture: a setup QR code (key URI) adds one account, a transfer QR code
     * (migration URI) imports its batch. What a real app would show as a message is a result here.
     * @throws {InvalidStateError} when the phone has no camera
     */
    async scan(image: RgbaImage): Promise<ScanResult> {
      const text = await needCamera().scan(image);
      if (text === null) return { status: 'no-code', message: say().noCode };
      const trimmed = text.trim();
      try {
        if (/^otpauth:\/\//i.test(trimmed)) return { ...addKeyUri(trimmed), kind: 'key-uri' };
        if (/^otpauth-migration:/i.test(trimmed)) return { ...importMigration(trimmed), status: 'imported', kind: 'migration' };
      } catch (error) {
        if (error instanceof TotpLabError) return { status: 'invalid', message: error.message };
        throw error;
      }
      return { status: 'unrecognized', message: say().unrecognized };
    },

    /** Every account with its current code, in the order added. */
    list(): AccountView[] {
      const time = now();
      return state.accounts.map((a) => view(a, time));
    },
    /** One account with its current code. @throws {InvalidArgumentError} for an unknown id */
    get(id: string): AccountView {
      return view(find(id));
    },
    /**
     * HOTP's "next code" button: shows the code for the account's counter and moves the counter on.
     * @returns the code now on screen
     * @throws {InvalidArgumentError} for an unknown id or a TOTP account
     */
    nextCode(id: string): string {
      const account = find(id);
      if (account.type !== 'hotp') throw new InvalidArgumentError(`"id" must name an HOTP account for nextCode, got the TOTP account ${describeValue(id)}`);
      if (account.counter! >= Number.MAX_SAFE_INTEGER) throw new InvalidStateError(`the counter of ${describeAccount(account)} is at its maximum`);
      account.shownCounter = account.counter;
      account.counter! += 1;
      return view(account).code!;
    },
    /** "Swipe right to edit": changes the shown issuer and/or account name. @throws {InvalidArgumentError} */
    rename(id: string, names: { issuer?: string | null; account?: string }): AccountView {
      const account = find(id);
      const next = toAccount({ ...account, ...checkOptions(names, 'names') }, 'rename');
      account.issuer = next.issuer;
      account.account = next.account;
      return view(account);
    },
    /** "Swipe left": asks to remove an account. Nothing is removed until {@link confirmDelete}. */
    requestDelete(id: string): DeleteRequest {
      const account = find(id);
      state.pendingDelete = id;
      return { account: view(account), warning: say().deleteWarning(account.issuer) };
    },
    /** Confirms the removal asked for with {@link requestDelete}; without that request nothing is removed. */
    confirmDelete(id: string): { deleted: boolean } {
      if (state.pendingDelete !== id) return { deleted: false };
      state.pendingDelete = null;
      state.accounts = state.accounts.filter((a) => a.id !== id);
      return { deleted: true };
    },
    /** Cancels a pending removal. */
    cancelDelete(): void {
      state.pendingDelete = null;
    },

    /** Exports accounts as migration URIs (one per batch). @throws {InvalidArgumentError} for an account the format cannot carry */
    exportMigration,
    /** Exports accounts as migration QR images via the camera, one per batch. @throws {InvalidStateError} without a camera */
    exportQrImages(opts: ExportOptions = {}): RgbaImage[] {
      opts = checkOptions(opts);
      const cam = needCamera();
      return exportMigration(opts).map((uri) => cam.render(uri));
    },
    /** Imports one migration URI (one batch); `transfers` says which batches of its export are still missing. */
    importMigration,
    /** Imports exported text of any unencrypted format: migration URIs (one per line), a key-URI list, an Aegis, 2FAS, Bitwarden, … export. */
    importText(text: string): ImportResult {
      const read = readAccounts(text);
      if (read.format !== 'migration') return importAccounts(read.format, read.accounts, read.skipped, []);
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => /^otpauth-migration:/i.test(l));
      const results = lines.map(importMigration);
      return {
        format: 'migration', skipped: [],
        added: results.flatMap((r) => r.added), duplicates: results.flatMap((r) => r.duplicates), transfers: results.flatMap((r) => r.transfers),
      };
    },
    /**
     * Imports an export file of any readable format (docs/formats.md), encrypted ones with
     * `options.password`. @throws {WrongPasswordError} for a wrong password (nothing is added)
     */
    async importFile(input: string | Uint8Array, options: ReadExportOptions = {}): Promise<ImportResult> {
      const read = await readExport(input, options);
      return read.format === 'migration' ? this.importText(typeof input === 'string' ? input : new TextDecoder().decode(input)) : importAccounts(read.format, read.accounts, read.skipped, []);
    },
    /** Multi-QR imports still missing batches. */
    pendingTransfers(): TransferProgress[] {
      return pendingTransfers(state.transfers);
    },
    /** Exports accounts as otpauth:// key URIs, one per line. */
    exportUriList(ids?: readonly string[]): string {
      return formatUriList(selected(ids));
    },
    /** Exports accounts as a plain (unencrypted) Aegis vault, as JSON text. */
    exportAegis(ids?: readonly string[]): string {
      return `${JSON.stringify(toAegisVault(selected(ids), { random }), null, 4)}\n`;
    },
    /** The phone's state as plain data, secrets included; restore with `createAuthenticator({ clock, state })`. */
    toJSON(): PhoneState {
      return structuredClone(state);
    },
  };
}

