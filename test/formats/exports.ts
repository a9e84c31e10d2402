// The real apps' export files in ../shared/interop/exports/ and the accounts each must give
// (manifest.json), read in place, never copied into the repository. Tests that read them run inside
// `describeShared(…, [MANIFEST], …)`: a lone clone has no such folder.
import { readFileSync } from 'node:fs';
import { fromBase32, type KeyUri } from '../../src/index.js';
import { readInterop, sharedPath } from '../support/shared.js';

/** The manifest's name in the shared folder, for `describeShared`. */
export const MANIFEST = 'interop/exports/manifest.json';
export const EXPORTS_DIR = sharedPath('interop/exports/');

export interface ExpectedAccount {
  type: string;
  issuer: string | null;
  account: string;
  secret: string;
  algorithm: string;
  digits: number;
  period: number | null;
  counter: number | null;
  optional?: boolean;
  alternatives?: Array<Record<string, unknown>>;
}
export interface ManifestFile {
  file: string;
  format: string;
  password?: string;
  note?: string;
  expected: ExpectedAccount[];
}

/** The files and the accounts each must give. */
export const readManifest = () => readInterop<{ files: ManifestFile[] }>('exports/manifest.json');
export const exportBytes = (file: string): Uint8Array => new Uint8Array(readFileSync(`${EXPORTS_DIR}${file}`));

/** Secrets compared as key bytes: padding and case do not matter. */
const keyHex = (secret: string) => Buffer.from(fromBase32(secret.replace(/=+$/, ''))).toString('hex');

/** An account matches an expected one when every field is equal, or equal to one of its alternatives. */
export function matches(actual: KeyUri, expected: ExpectedAccount): boolean {
  const fields = ['type', 'issuer', 'account', 'algorithm', 'digits', 'period', 'counter'] as const;
  const base = fields.every((f) => actual[f] === expected[f]);
  const alt = (expected.alternatives ?? []).some((a) =>
    fields.every((f) => actual[f] === (f in a ? a[f] : expected[f])),
  );
  return (base || alt) && keyHex(actual.secret) === keyHex(expected.secret);
}

/**
 * Checks that `accounts` are exactly the expected ones (in any order): each required one present
 * once, optional ones (Steam) present or skipped, nothing else. Returns what is wrong, or [].
 */
export function compareAccounts(accounts: KeyUri[], expected: ExpectedAccount[]): string[] {
  const problems: string[] = [];
  const left = [...accounts];
  for (const e of expected) {
    const i = left.findIndex((a) => matches(a, e));
    if (i >= 0) left.splice(i, 1);
    else if (!e.optional) problems.push(`missing ${e.issuer}: ${e.account}`);
  }
  for (const a of left) problems.push(`unexpected ${a.issuer}: ${a.account}`);
  return problems;
}
