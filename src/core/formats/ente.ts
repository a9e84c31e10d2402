/**
 * Ente Auth's plain export: one key URI per line, each with Ente's display data in a `codeDisplay`
 * query parameter, JSON `{ pinned, trashed, lastUsedAt, tapCount, tags, note, position, iconSrc,
 * iconID }` (auth/lib/models/code_display.dart in Ente's repository). Steam Guard accounts are
 * `otpauth://steam/…` lines. The encrypted export is read by ente-encrypted.ts.
 */
import { checkList } from '../input.js';
import { toAccount } from '../account.js';
import { buildKeyUri } from '../key-uri.js';
import { checkDetails, toDetails, type AccountDetails, type DetailedAccount } from './details.js';
import { isObject } from './json.js';

const MAX_DISPLAY_CHARS = 20_000;

/** The note, tags (as groups) and custom icon in a URI's `codeDisplay` parameter; {} when it has none. */
export function enteDetailsOf(uri: string): AccountDetails {
  const raw = /[?&]codeDisplay=([^&#]*)/.exec(uri)?.[1];
  if (raw === undefined || raw.length > MAX_DISPLAY_CHARS) return {};
  let display: unknown;
  try {
    // Ente writes the query with Dart's form encoding, spaces as '+'.
    display = JSON.parse(decodeURIComponent(raw.replace(/\+/g, ' ')));
  } catch {
    return {}; // Ente itself shows a code whose display data it cannot read, without the data
  }
  if (!isObject(display)) return {};
  const { note, tags, iconSrc, iconID } = display;
  const icon = typeof iconID === 'string' && iconID !== '' && typeof iconSrc === 'string' && iconSrc !== '';
  return toDetails({ note, groups: tags, icon });
}

/**
 * Writes accounts as Ente Auth's plain export (Settings → Data → Import codes → Ente Auth, plain
 * text): key URIs with notes and groups (as tags) in `codeDisplay`, one per line.
 * @throws {InvalidArgumentError} naming the account and field when one is invalid
 * @example
 * await writeFile('ente-auth-codes.txt', toEnteExport(accounts));
 */
export function toEnteExport(accounts: readonly DetailedAccount[]): string {
  return checkList(accounts, 'accounts')
    .map((input, i) => {
      const where = `accounts[${i}]`;
      const { note = '', groups = [] } = checkDetails(input, where);
      const display = {
        pinned: false,
        trashed: false,
        lastUsedAt: 0,
        tapCount: 0,
        tags: groups,
        note,
        position: i,
        iconSrc: '',
        iconID: '',
      };
      return `${buildKeyUri(toAccount(input, where))}&codeDisplay=${encodeURIComponent(JSON.stringify(display))}\n`;
    })
    .join('');
}
