/**
 * A virtual phone running an authenticator app: it scans setup QR codes (through a camera it is
 * handed), shows codes by its own clock (which may drift), edits and removes accounts, and moves
 * accounts to another phone. Its whole state is plain data ({@link PhoneState}).
 *
 * This is the facade: each method hands the phone's state to a function in src/sim/phone/
 * (accounts.ts: add, rename, remove; transfers.ts: scan, import, export).
 *
 * Results keep their `status` field (`added`, `duplicate`, `no-code`, …) and do not add the
 * provider's `ok` + `messageKey`: AddResult and ScanResult are public types that callers also
 * build themselves (the web demo makes ScanResult values for files it reads), so a new required
 * field would stop their code compiling, and callers compare the results whole. A phone's
 * outcomes are also more than yes or no (an import adds some accounts and skips others).
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { cryptoRandom } from '../core/random.js';
import { DEFAULT_PHONE_LANGUAGE, checkLanguage, type Language } from './language.js';
import { addKeyUri, addManually, confirmDelete, nextCode, renameAccount, requestDelete } from './phone/accounts.js';
import { checkAppId } from './phone/apps.js';
import { appOf, findAccount, phoneNow, viewAccount, type PhoneDevice } from './phone/device.js';
import {
  exportAegis,
  exportMigration,
  exportQrImages,
  exportUriList,
  importFile,
  importMigration,
  importText,
  scanImage,
} from './phone/transfers.js';
import { checkDrift, emptyPhoneState, phoneStateFromJSON, type PhoneState } from './phone-state.js';
import type { Authenticator, AuthenticatorOptions } from './phone-types.js';
import { pendingTransfers } from './transfer-progress.js';

export type { Authenticator } from './phone-types.js';

/**
 * Makes a virtual phone.
 * @throws {InvalidArgumentError} for a bad option or saved state
 * @example
 * const clock = manualClock(Date.UTC(2025, 0, 16, 8));
 * const phone = createAuthenticator({ clock, driftMs: -45_000 });
 * phone.addKeyUri(provider.enrollmentUri);
 * phone.list()[0].code; // what the phone shows, 45 s behind
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  if (typeof options !== 'object' || options === null || typeof options.clock?.now !== 'function') {
    throw new InvalidArgumentError(
      `"clock" must be a Clock (an object with now()), got ${describeValue(options?.clock)}`,
    );
  }
  const state: PhoneState = options.state === undefined ? emptyPhoneState() : phoneStateFromJSON(options.state);
  if (options.driftMs !== undefined) state.driftMs = checkDrift(options.driftMs);
  if (options.app !== undefined) state.app = checkAppId(options.app);
  const phone: PhoneDevice = {
    state,
    clock: options.clock,
    camera: options.camera,
    random: options.random ?? cryptoRandom,
    language: checkLanguage(options.language ?? DEFAULT_PHONE_LANGUAGE),
  };

  return {
    now: () => phoneNow(phone),
    get language(): Language {
      return phone.language;
    },
    set language(value: Language) {
      phone.language = checkLanguage(value);
    },
    get driftMs(): number {
      return state.driftMs;
    },
    setDrift(ms) {
      state.driftMs = checkDrift(ms);
    },
    get app() {
      return appOf(phone);
    },
    addKeyUri: (uri) => addKeyUri(phone, uri),
    addManually: (entry) => addManually(phone, entry),
    scan: (image) => scanImage(phone, image),
    list() {
      const time = phoneNow(phone);
      return state.accounts.map((a) => viewAccount(phone, a, time));
    },
    get: (id) => viewAccount(phone, findAccount(phone, id)),
    nextCode: (id) => nextCode(phone, id),
    rename: (id, names) => renameAccount(phone, id, names),
    requestDelete: (id) => requestDelete(phone, id),
    confirmDelete: (id) => confirmDelete(phone, id),
    cancelDelete() {
      state.pendingDelete = null;
    },
    exportMigration: (opts) => exportMigration(phone, opts),
    exportQrImages: (opts) => exportQrImages(phone, opts),
    importMigration: (uri) => importMigration(phone, uri),
    importText: (text) => importText(phone, text),
    importFile: (input, opts) => importFile(phone, input, opts),
    pendingTransfers: () => pendingTransfers(state.transfers),
    exportUriList: (ids) => exportUriList(phone, ids),
    exportAegis: (ids) => exportAegis(phone, ids),
    toJSON: () => structuredClone(state),
  };
}
