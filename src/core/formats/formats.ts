/**
 * The formats this library reads, their names for people, and the shape of "what is this file":
 * readable (with whether it needs a password), or known but not readable here, with advice.
 */

/** The formats this library reads. */
export type AccountsFormat =
  | 'migration'
  | 'uri-list'
  | 'aegis'
  | 'aegis-encrypted'
  | '2fas'
  | '2fas-encrypted'
  | 'bitwarden-json'
  | 'bitwarden-csv'
  | 'andotp'
  | 'andotp-encrypted'
  | 'freeotp-plus'
  | 'authenticator-pro'
  | 'proton'
  | 'lastpass'
  | 'ente-encrypted'
  | 'proton-pass'
  | 'steam'
  | 'totp-authenticator'
  | 'cxf';

/** What {@link detectFormat} found. */
export type DetectedFormat =
  | { readable: true; format: AccountsFormat; name: string; encrypted: boolean }
  | { readable: false; format: string; name: string; encrypted: boolean; advice: string };

/** Human names, for messages and the docs' table. */
export const FORMAT_NAMES: Record<AccountsFormat, string> = {
  migration: 'Google Authenticator transfer (otpauth-migration URIs)',
  'uri-list': 'key-URI list (otpauth:// per line; Aegis/Ente Auth text export)',
  aegis: 'Aegis vault (plain JSON)',
  'aegis-encrypted': 'Aegis vault (encrypted JSON)',
  '2fas': '2FAS backup (.2fas)',
  '2fas-encrypted': '2FAS backup (.2fas, encrypted)',
  'bitwarden-json': 'Bitwarden JSON export',
  'bitwarden-csv': 'Bitwarden CSV export',
  andotp: 'andOTP backup (plain JSON)',
  'andotp-encrypted': 'andOTP backup (encrypted)',
  'freeotp-plus': 'FreeOTP+ JSON export',
  'authenticator-pro': 'Authenticator Pro / Stratum backup (plain JSON)',
  proton: 'Proton Authenticator export (JSON)',
  lastpass: 'LastPass Authenticator export (JSON)',
  'ente-encrypted': 'Ente Auth encrypted export',
  'proton-pass': 'Proton Pass export (zip)',
  steam: 'Steam Guard maFile',
  'totp-authenticator': 'TOTP Authenticator backup (encrypted)',
  cxf: 'FIDO Credential Exchange Format (CXF) JSON',
};

export const readable = (format: AccountsFormat, encrypted = false): DetectedFormat => ({
  readable: true,
  format,
  name: FORMAT_NAMES[format],
  encrypted,
});

export const known = (format: string, name: string, advice: string, encrypted = false): DetectedFormat => ({
  readable: false,
  format,
  name,
  encrypted,
  advice,
});

export const UNKNOWN = known(
  'unknown',
  'an unknown format',
  'export from your app as an Aegis vault, a 2FAS backup or a plain otpauth:// key-URI list',
);
