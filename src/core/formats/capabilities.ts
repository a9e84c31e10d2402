/**
 * What each format this library writes can carry. One table serves the writers (which refuse an
 * account they would write wrongly, naming it) and the transfer report (which says, before anything
 * is written, what a move keeps, changes or drops), so the two cannot disagree.
 */
import { DEFAULT_PERIOD } from '../options.js';
import type { KeyUri } from '../key-uri.js';

/** The formats this library writes. */
export type ExportFormat = 'migration' | 'uri-list' | 'aegis' | 'aegis-encrypted' | '2fas' | 'ente' | 'cxf';

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  'migration',
  'uri-list',
  'aegis',
  'aegis-encrypted',
  '2fas',
  'ente',
  'cxf',
];

/** Names for people, as the report and the CLI print them. */
export const EXPORT_FORMAT_NAMES: Record<ExportFormat, string> = {
  migration: 'Google Authenticator transfer (otpauth-migration URIs)',
  'uri-list': 'key-URI list (otpauth:// per line)',
  aegis: 'Aegis vault (plain JSON)',
  'aegis-encrypted': 'Aegis vault (encrypted JSON)',
  '2fas': '2FAS backup (.2fas)',
  ente: 'Ente Auth plain export',
  cxf: 'FIDO Credential Exchange Format (CXF) JSON',
};

/** What a format keeps of an account's details, besides the key URI fields. */
export interface FormatCapabilities {
  /** A free-text note per account. */
  note: boolean;
  /** Group, folder or tag names: several, only one, or none. */
  groups: 'many' | 'one' | 'none';
  /** Icons are never written: this library does not keep their images. */
  icon: false;
}

export const CAPABILITIES: Record<ExportFormat, FormatCapabilities> = {
  migration: { note: false, groups: 'none', icon: false },
  'uri-list': { note: false, groups: 'none', icon: false },
  aegis: { note: true, groups: 'many', icon: false },
  'aegis-encrypted': { note: true, groups: 'many', icon: false },
  '2fas': { note: false, groups: 'one', icon: false },
  ente: { note: true, groups: 'many', icon: false },
  cxf: { note: true, groups: 'many', icon: false },
};

/** The largest period a CXF TOTP credential holds (an unsigned byte). */
export const CXF_MAX_PERIOD = 255;

const refusals: Partial<Record<ExportFormat, (a: KeyUri) => string | null>> = {
  migration: (a) =>
    a.type === 'steam'
      ? 'the migration format has no Steam Guard codes'
      : a.digits !== 6 && a.digits !== 8
        ? `the migration format has no ${a.digits}-digit codes (only 6 or 8), got digits ${a.digits}`
        : a.type === 'totp' && a.period !== DEFAULT_PERIOD
          ? `the migration format has no period field, so only 30-second TOTP accounts can be exported, got period ${a.period}`
          : null,
  cxf: (a) =>
    a.type === 'hotp'
      ? 'CXF has no counter-based (HOTP) credentials'
      : a.type === 'steam'
        ? 'CXF has no Steam Guard codes'
        : a.period! > CXF_MAX_PERIOD
          ? `CXF periods are at most ${CXF_MAX_PERIOD} seconds, got period ${a.period}`
          : null,
};

/**
 * Why `format` cannot carry the account: written, it would give other codes than it does now.
 * @returns the reason (naming what the format lacks), or null when the account can be written
 */
export function refusalOf(format: ExportFormat, account: KeyUri): string | null {
  return refusals[format]?.(account) ?? null;
}
