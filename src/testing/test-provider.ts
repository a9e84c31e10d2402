/**
 * A provider ready for tests: a manual clock, seeded randomness, low-cost hashing and an in-memory
 * store, plus `enrolledUser()`, which does registration and the whole Ügyfélkapu+ setup in one call.
 */
import { manualClock, type ManualClock } from '../core/clock.js';
import { generateCode } from '../core/code.js';
import { InvalidStateError } from '../core/errors.js';
import { checkOptions } from '../core/input.js';
import { LOW_COST_HASHING_FOR_TESTS } from '../core/password-hash.js';
import type { RandomSource } from '../core/random.js';
import { createAuthenticator, type Authenticator } from '../sim/authenticator.js';
import { createProvider, type Provider } from '../sim/provider.js';
import type { ProviderOptions } from '../sim/provider-options.js';
import { MemoryStore } from '../sim/store.js';
import { seededRandom, type Seed } from './seeded-random.js';

/** 2025-01-16 08:00 UTC, the day Ügyfélkapu+ became the only way in. */
export const TEST_START_TIME = Date.UTC(2025, 0, 16, 8, 0, 0);

export interface TestProviderOptions extends Omit<ProviderOptions, 'clock' | 'random' | 'store'> {
  /** Seed of the randomness (default `'totp-lab'`): the same seed gives the same secrets and törlőkód values. */
  seed?: Seed;
  /** Start of the manual clock in ms (default {@link TEST_START_TIME}). */
  startTime?: number;
}

/** A user with the second factor set up and active, and the phone that holds the secret. */
export interface EnrolledUser {
  username: string;
  password: string;
  email: string;
  /** The TOTP secret, base32. */
  secret: string;
  keyUri: string;
  /** The törlőkód shown at setup, grouped as the site shows it. */
  deletionCode: string;
  /** The user's phone, on the provider's clock. */
  phone: Authenticator;
  /** The code for the provider's current time. */
  code(): string;
}

export interface TestProvider extends Provider {
  readonly clock: ManualClock;
  readonly random: RandomSource;
  readonly store: MemoryStore;
  /**
   * Registers a user and sets up the second factor through the real steps (start, confirm with the
   * phone's code, acknowledge the törlőkód, finish). Afterwards the clock stands at the start of the
   * next time step after any activation delay, so the first login code is fresh and not the one
   * spent on the confirmation.
   */
  enrolledUser(input?: {
    username?: string;
    password?: string;
    email?: string;
    /** The phone's clock error, set after the setup. */ driftMs?: number;
  }): Promise<EnrolledUser>;
}

/**
 * Makes a provider for tests: deterministic and fast. Not for production: its randomness is
 * seeded and its password hashing is deliberately cheap.
 * @example
 * const provider = createTestProvider();
 * const user = await provider.enrolledUser();
 * await provider.login({ username: user.username, password: user.password, code: user.code() }); // { ok: true, … }
 */
export function createTestProvider(options: TestProviderOptions = {}): TestProvider {
  const { seed = 'totp-lab', startTime = TEST_START_TIME, ...rest } = checkOptions(options);
  const clock = manualClock(startTime);
  const random = seededRandom(seed);
  const store = new MemoryStore();
  const provider = createProvider({ hashing: LOW_COST_HASHING_FOR_TESTS, ...rest, clock, random, store });
  let users = 0;

  async function enrolledUser(
    input: { username?: string; password?: string; email?: string; driftMs?: number } = {},
  ): Promise<EnrolledUser> {
    users++;
    const username = input.username ?? `user${users}`;
    const password = input.password ?? `password-${users}`;
    const email = input.email ?? `${username}@example.hu`;
    const fail = (step: string, message: string) =>
      new InvalidStateError(`enrolledUser: ${step} was refused: ${message}`);
    const registered = await provider.register({ username, password, email });
    if (!registered.ok) throw fail('register', registered.message);
    const started = await provider.startEnrollment({ username, password });
    if (!started.ok) throw fail('startEnrollment', started.message);
    const phone = createAuthenticator({ clock, random });
    phone.addKeyUri(started.keyUri);
    const confirmed = await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: phone.list()[0]!.code!,
    });
    if (!confirmed.ok) throw fail('confirmEnrollment', confirmed.message);
    const finished = await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    if (!finished.ok) throw fail('finishEnrollment', finished.message);
    // Move past the activation delay and the step whose code confirmed the setup (RFC 6238 §5.2).
    const period = (options.period ?? 30) * 1000;
    const ready = Math.max(finished.activeFrom, clock.now() + 1);
    clock.set(Math.ceil(ready / period) * period);
    // A drifting phone is set wrong after the setup, as happens when a phone loses its time sync.
    if (input.driftMs !== undefined) phone.setDrift(input.driftMs);
    const secret = started.secret;
    return {
      username,
      password,
      email,
      secret,
      keyUri: started.keyUri,
      deletionCode: confirmed.deletionCode,
      phone,
      code: () =>
        generateCode(secret, {
          clock,
          ...(options.algorithm && { algorithm: options.algorithm }),
          ...(options.digits && { digits: options.digits }),
          ...(options.period && { period: options.period }),
        }),
    };
  }

  return Object.assign(Object.create(provider) as Provider, {
    clock,
    random,
    store,
    enrolledUser,
    faults: provider.faults,
    issuer: provider.issuer,
  }) as TestProvider;
}
