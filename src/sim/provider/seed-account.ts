/**
 * An account put straight into a stated state, for test suites and seed files: a known password,
 * TOTP secret and törlőkód, the app, e-mail or no second factor, active or still in its
 * activation delay, a password of a given age, locked or not. It creates the account or replaces
 * one of the same name (its pending setup, e-mailed code, counters and last accepted step go with
 * the old record). The same input twice gives the same account: a secret and a törlőkód left out
 * are kept from an app account that has them (the secret is the one the phone holds), else made
 * from the CSPRNG.
 *
 * {@link readSeedAccount} checks an input without touching the store, so a seed file can be
 * checked whole before anything is written.
 */
import { constantTimeEqual } from '../../core/constant-time.js';
import { checkDeletionCodeLength, formatDeletionCode, generateDeletionCode } from '../../core/deletion-code.js';
import { hashDeletionCode, normalizeDeletionCode } from '../../core/deletion-code.js';
import { InvalidArgumentError, describeValue } from '../../core/errors.js';
import { buildKeyUri } from '../../core/key-uri.js';
import { encodePasswordHash, hashPassword } from '../../core/password-hash.js';
import { generateSecret, toSecretBase32 } from '../../core/secret.js';
import type { ProviderContext } from '../context.js';
import { UGYFELKAPU_ACTIVATION_DELAY_MS } from '../provider-options.js';
import { accountKey, enrollmentKey, factorOf, type AccountRecord } from './accounts.js';
import { readSecret, readUsername } from './credentials.js';
import { emailSetupKey } from './email-factor.js';

/** The fields an account in a stated state is described by (a seed file entry, POST /control/accounts). */
export const SEED_ACCOUNT_FIELDS = [
  'username',
  'password',
  'email',
  'factor',
  'secret',
  'deletionCode',
  'active',
  'passwordAgeDays',
  'locked',
] as const;

/** An account as a test states it; every field but `username` and `password` has a default. */
export type SeedAccountInput = {
  username: string;
  password: string;
  /** The account's address; needed for the e-mail factor (without one, nothing can be mailed to it). */
  email?: string;
  /** The second factor (default `app`). */
  factor?: 'app' | 'email' | 'none';
  /** The app's TOTP secret, base32 (default: kept from the account it replaces, else new). */
  secret?: string;
  /** The törlőkód, its digits with any grouping (default: kept with the secret, else new). */
  deletionCode?: string;
  /** The app binding works now (default true), or only after the activation delay. */
  active?: boolean;
  /** Days since the password was set, on the service's clock (default 0). */
  passwordAgeDays?: number;
  /** Locked by wrong passwords, until the administrator's unlock (default false). */
  locked?: boolean;
};

/** An input after {@link readSeedAccount}: every field present and in its stored form. */
export type SeedAccount = {
  username: string;
  password: string;
  email: string | null;
  factor: 'app' | 'email' | 'none';
  secret: string | null;
  /** The bare digits, or null for "keep or make one". */
  deletionCode: string | null;
  active: boolean;
  passwordAgeDays: number;
  locked: boolean;
};

/** The account as put: what a test needs to act as its phone and its owner. */
export type SeededAccount = {
  ok: true;
  username: string;
  /** Its address, or null for none. */
  email: string | null;
  factor: 'app' | 'email' | 'none';
  /** True when an account of that name was replaced. */
  replaced: boolean;
  /** For the app: the secret, its key URI, and the törlőkód (null when an earlier one was kept: only its hash is stored). */
  secret?: string;
  keyUri?: string;
  deletionCode?: string | null;
};

const DAY = 86_400_000;
/** The oldest password a seed may state: ten years, as far as password policies reach. */
export const MAX_PASSWORD_AGE_DAYS = 3660;

/**
 * Checks an account description without touching any store.
 * @param deletionCodeLength the provider's törlőkód length (default 20)
 * @throws {InvalidArgumentError} naming the first field that is wrong (an unknown one too)
 * @throws {InvalidSecretError} when `secret` is not base32
 */
export function readSeedAccount(input: unknown, deletionCodeLength = 20): SeedAccount {
  // A typed array would list every byte as a key: refused before its keys are read.
  if (typeof input !== 'object' || input === null || Array.isArray(input) || ArrayBuffer.isView(input))
    throw new InvalidArgumentError(`an account must be an object, got ${describeValue(input)}`);
  const args = input as Record<string, unknown>;
  for (const key of Object.keys(args)) {
    if (!(SEED_ACCOUNT_FIELDS as readonly string[]).includes(key))
      throw new InvalidArgumentError(`unknown field ${describeValue(key)}; expected ${SEED_ACCOUNT_FIELDS.join(', ')}`);
  }
  const username = readUsername(args['username']);
  const password = readSecret(args['password'], 'password');
  const factor = args['factor'] ?? 'app';
  if (factor !== 'app' && factor !== 'email' && factor !== 'none')
    throw new InvalidArgumentError(`"factor" must be app, email or none, got ${describeValue(factor)}`);
  const email = args['email'] === undefined ? null : readEmail(args['email']);
  if (factor === 'email' && email === null)
    throw new InvalidArgumentError('"email" is needed for the e-mail factor: the codes are mailed to it');
  for (const field of ['secret', 'deletionCode'] as const) {
    if (args[field] !== undefined && factor !== 'app')
      throw new InvalidArgumentError(`"${field}" belongs to the app factor; it cannot go with factor ${factor}`);
  }
  return {
    username,
    password,
    email,
    factor,
    // toSecretBase32 never shows the secret, only the position of a bad character.
    secret: args['secret'] === undefined ? null : toSecretBase32(args['secret'] as string, 'secret'),
    deletionCode:
      args['deletionCode'] === undefined ? null : readDeletionCode(args['deletionCode'], deletionCodeLength),
    active: readFlag(args['active'], 'active', true),
    passwordAgeDays: readAge(args['passwordAgeDays']),
    locked: readFlag(args['locked'], 'locked', false),
  };
}

/**
 * Creates or replaces an account in the state `input` describes. Not subject to faults: it is the
 * test's hand, not a user's request.
 * @throws {InvalidArgumentError} as {@link readSeedAccount}
 */
export async function seedAccount(ctx: ProviderContext, input: unknown): Promise<SeededAccount> {
  const o = ctx.o;
  const seed = readSeedAccount(input, o.deletionCode.length);
  const key = accountKey(seed.username);
  const before = await o.store.get<AccountRecord>(key);
  const oldSecret = before !== undefined && factorOf(before) === 'app' ? before.secret : null;
  const secret = seed.factor !== 'app' ? null : (seed.secret ?? oldSecret ?? generateSecret({ random: o.random }));
  // The törlőkód goes with the binding: kept only while the secret stays the same.
  const keepDeletionCode =
    secret !== null && oldSecret !== null && constantTimeEqual(secret, oldSecret) && seed.deletionCode === null;
  const deletionCode =
    secret === null || keepDeletionCode
      ? null
      : (seed.deletionCode ?? generateDeletionCode({ length: o.deletionCode.length, groupSize: 0, random: o.random }));
  // Built before any state changes, so a username the URI cannot carry changes nothing.
  const keyUri =
    secret === null
      ? null
      : buildKeyUri({
          issuer: o.issuer,
          account: seed.username,
          secret,
          algorithm: o.algorithm,
          digits: o.digits,
          period: o.period,
        });
  const password = encodePasswordHash(await hashPassword(seed.password, o.hashing, o.random));
  const deletionHash =
    deletionCode === null ? null : encodePasswordHash(await hashDeletionCode(deletionCode, o.hashing, o.random));
  const now = ctx.now();
  const passwordChangedAt = Math.max(0, now - Math.round(seed.passwordAgeDays * DAY));
  let replaced: AccountRecord | undefined;
  await o.store.update<AccountRecord>(key, (current) => {
    replaced = current;
    return {
      username: seed.username,
      email: seed.email ?? '',
      createdAt: passwordChangedAt,
      password,
      passwordFailures: seed.locked ? o.maxPasswordFailures : 0,
      passwordChecks: 0,
      secret,
      lastStep: -1,
      // Active: from the start of time, so a clock set back later does not undo it.
      activeFrom: secret === null || seed.active ? 0 : now + (o.activationDelayMs || UGYFELKAPU_ACTIVATION_DELAY_MS),
      deletionCode: keepDeletionCode ? (current?.deletionCode ?? null) : deletionHash,
      codeFailures: 0,
      codeBlockedUntil: 0,
      deletionFailures: 0,
      deletionBlockedUntil: 0,
      pending: null,
      factor: seed.factor === 'none' ? null : seed.factor,
      passwordChangedAt,
      expiryLockLifted: false,
      emailCode: null,
      emailCodeHistory: [],
      emailSends: [],
    };
  });
  const old = replaced as AccountRecord | undefined;
  if (old?.pending) await o.store.update(enrollmentKey(old.pending.id), () => undefined);
  const setupId = old?.emailCode?.setupId ?? null;
  if (setupId !== null) await o.store.update(emailSetupKey(setupId), () => undefined);
  ctx.audit.record(now, 'account-seeded', seed.username);
  return {
    ok: true,
    username: seed.username,
    email: seed.email,
    factor: seed.factor,
    replaced: old !== undefined,
    ...(secret !== null && {
      secret,
      keyUri: keyUri!,
      deletionCode: deletionCode === null ? null : formatDeletionCode(deletionCode, o.deletionCode.groupSize),
    }),
  };
}

function readEmail(value: unknown): string {
  const email = typeof value === 'string' ? value.trim() : value;
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254)
    throw new InvalidArgumentError(
      `"email" must be an e-mail address like name@example.hu, got ${describeValue(email)}`,
    );
  return email;
}

function readDeletionCode(value: unknown, length: number): string {
  checkDeletionCodeLength(length, 'deletionCode length');
  const digits = normalizeDeletionCode(value, length);
  // The value itself is never shown: it is a törlőkód.
  if (digits === undefined)
    throw new InvalidArgumentError(`"deletionCode" must be ${length} digits (spaces and dashes allowed)`);
  return digits;
}

function readFlag(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new InvalidArgumentError(`"${field}" must be true or false, got ${describeValue(value)}`);
  return value;
}

function readAge(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_PASSWORD_AGE_DAYS)
    throw new InvalidArgumentError(
      `"passwordAgeDays" must be a number of days from 0 to ${MAX_PASSWORD_AGE_DAYS}, got ${describeValue(value)}`,
    );
  return value;
}
