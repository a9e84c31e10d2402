// (3) The provider's second-factor check over 100 000 enrolled accounts: verifySecondFactor runs
// the code check, the replay guard and the throttle update in one atomic MemoryStore update.
// Also the heap each enrolled account takes. Needs createProvider in dist/index.js; without it the
// section reports itself as skipped, and if the API has changed it reports the failure instead
// of stopping the other sections.
import { median } from './measure.mjs';

export const ACCOUNTS = 100_000;
const PASSES = 3;

const heapUsed = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

/** { skipped } or { accounts, setupSeconds, ops, bytesPerAccount, accepted }. */
export async function benchProvider(lib, { accounts = ACCOUNTS } = {}) {
  if (typeof lib.createProvider !== 'function') return { skipped: 'createProvider is not in dist/index.js yet' };
  try {
    return await run(lib, accounts);
  } catch (error) {
    return { skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

async function run(lib, accounts) {
  const clock = lib.manualClock(Date.UTC(2026, 0, 5, 8, 0, 0));
  const before = heapUsed();
  const setupStart = performance.now();
  const provider = lib.createProvider({ clock, hashing: lib.LOW_COST_HASHING_FOR_TESTS, auditLimit: 0 });
  const users = [];
  for (let i = 0; i < accounts; i++) {
    const username = `user${i}`;
    const password = `jelszo-${i}`;
    expectOk(await provider.register({ username, password, email: `${username}@example.hu` }), 'register');
    const started = expectOk(await provider.startEnrollment({ username, password }), 'startEnrollment');
    const code = lib.generateCode(started.secret, { clock });
    expectOk(await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code }), 'confirmEnrollment');
    expectOk(
      await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true }),
      'finishEnrollment',
    );
    users.push({ username, secret: started.secret });
  }
  const setupSeconds = (performance.now() - setupStart) / 1000;
  const bytesPerAccount = (heapUsed() - before) / accounts;

  // Each pass moves to a new time step and logs every account in once with its current code, so
  // every check is a real acceptance: all window candidates, the replay guard and a Store write.
  const rates = [];
  let accepted = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    clock.advance(Math.max(lib.UGYFELKAPU_ACTIVATION_DELAY_MS ?? 0, 30_000) + 30_000);
    const codes = users.map((user) => lib.generateCode(user.secret, { clock }));
    const start = performance.now();
    for (let i = 0; i < users.length; i++) {
      const result = await provider.verifySecondFactor({ username: users[i].username, code: codes[i] });
      if (result.ok) accepted++;
    }
    rates.push(users.length / ((performance.now() - start) / 1000));
  }
  return { accounts, setupSeconds, ops: median(rates), bytesPerAccount, accepted, checks: PASSES * accounts };
}

function expectOk(result, step) {
  if (!result?.ok) throw new Error(`${step} refused: ${result?.messageKey ?? JSON.stringify(result)}`);
  return result;
}
