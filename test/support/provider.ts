// Shared set-up for the provider tests: a manual clock and low-cost hashing, so the suite stays fast.
import {
  LOW_COST_HASHING_FOR_TESTS,
  MemoryStore,
  createProvider,
  generateCode,
  manualClock,
  type ManualClock,
  type Provider,
  type ProviderOptions,
} from '../../src/index.js';

/** 2025-01-16 08:00:00 UTC, the day the one-factor login stopped; on a 30 s step boundary. */
export const T0 = Date.UTC(2025, 0, 16, 8, 0, 0);
export const PASSWORD = 'Tölgyfa-Kilenc-42';
export const USER = 'kovacs.janos';

export interface Lab {
  clock: ManualClock;
  store: MemoryStore;
  provider: Provider;
}

export function lab(options: ProviderOptions = {}): Lab {
  const clock = manualClock(T0 + 5_000);
  const store = new MemoryStore();
  const provider = createProvider({ clock, store, hashing: LOW_COST_HASHING_FOR_TESTS, ...options });
  return { clock, store, provider };
}

export interface Enrolled extends Lab {
  secret: string;
  deletionCode: string;
  /** The phone's code now. */
  code(): string;
}

/** A registered user with an active second factor; the clock is moved to the next step, so a fresh code works. */
export async function enrolledLab(options: ProviderOptions = {}, username = USER): Promise<Enrolled> {
  const l = lab(options);
  await l.provider.register({ username, password: PASSWORD, email: 'janos@example.hu' });
  const started = await l.provider.startEnrollment({ username, password: PASSWORD });
  if (!started.ok) throw new Error(`start failed: ${started.messageKey}`);
  const confirmed = await l.provider.confirmEnrollment({
    enrollmentId: started.enrollmentId,
    code: generateCode(started.secret, { clock: l.clock }),
  });
  if (!confirmed.ok) throw new Error(`confirm failed: ${confirmed.messageKey}`);
  const finished = await l.provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
  if (!finished.ok) throw new Error(`finish failed: ${finished.messageKey}`);
  l.clock.set(Math.max(finished.activeFrom, l.clock.now()) + 30_000);
  return {
    ...l,
    secret: started.secret,
    deletionCode: confirmed.deletionCode,
    code: () => generateCode(started.secret, { clock: l.clock }),
  };
}

/** The one generic refusal, in Hungarian. */
export const GENERIC_HU = {
  ok: false,
  messageKey: 'login.refused',
  message:
    'A felhasználónév vagy a jelszó helytelen, vagy Ön nem jogosult a kiválasztott azonosítási szolgáltatás igénybevételére.',
};

/** The reasons recorded for refusals, in order. */
export function reasons(provider: Provider): string[] {
  return provider.auditLog().flatMap((e) => (e.reason ? [e.reason] : []));
}
