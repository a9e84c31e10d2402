// Attempts still being checked are not failures: parallel right passwords never lock an account or
// get refused as locked, while parallel wrong ones still lock it after exactly five decided checks.
import { describe, expect, it } from 'vitest';
import { MemoryStore, type Provider, type Store } from '../../src/index.js';
import { PASSWORD, USER, enrolledLab } from '../support/provider.js';
import { SlowStore } from '../support/slow-store.js';

const STORES: Record<string, () => Store> = {
  MemoryStore: () => new MemoryStore(),
  'a store taking 10 ms per operation': () => new SlowStore(new MemoryStore()),
};

const refusalReasons = (provider: Provider) => provider.auditLog().flatMap((e) => (e.reason ? [e.reason] : []));

describe.each(Object.entries(STORES))('parallel attempts through %s', (_name, makeStore) => {
  it('8 parallel right logins with one code: one succeeds, the others are replays (then throttled), none locked', async () => {
    const { provider, code } = await enrolledLab({ store: makeStore() });
    const typed = code();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => provider.login({ username: USER, password: PASSWORD, code: typed })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The replay guard accepts a code once; a replay counts as a wrong code, so the throttle starts.
    const reasons = refusalReasons(provider);
    expect(reasons).toHaveLength(7);
    expect(reasons[0]).toBe('replayed-code');
    expect(reasons.every((r) => r === 'replayed-code' || r === 'throttled')).toBe(true);
    expect(await provider.accountStatus(USER)).toMatchObject({ locked: false, passwordFailures: 0 });
  });

  it('8 parallel right passwords on enrolled accounts pass the password step every time', async () => {
    const { provider } = await enrolledLab({ store: makeStore() });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => provider.startEnrollment({ username: USER, password: PASSWORD })),
    );
    // Refused because the account is bound, each one after a right password: never as locked.
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(refusalReasons(provider)).toEqual(Array(8).fill('already-enrolled'));
  });

  it('20 parallel törlőkód tries with the right password: none locked, one checked, the rest throttled', async () => {
    const { provider } = await enrolledLab({ store: makeStore() });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode: `${i % 10}`.repeat(20) }),
      ),
    );
    expect(refusalReasons(provider)).not.toContain('locked');
    expect(results.filter((r) => !r.ok && r.messageKey === 'deletionCode.wrong')).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.messageKey === 'code.throttled')).toHaveLength(19);
    expect(await provider.accountStatus(USER)).toMatchObject({
      locked: false,
      passwordFailures: 0,
      secondFactor: 'active',
    });
  });

  it('15 parallel wrong passwords still lock after exactly five decided checks', async () => {
    const { provider, code } = await enrolledLab({ store: makeStore() });
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => provider.login({ username: USER, password: `rossz-${i}`, code: code() })),
    );
    expect(refusalReasons(provider)).toEqual([...Array(5).fill('wrong-password'), ...Array(10).fill('locked')]);
    expect(await provider.accountStatus(USER)).toMatchObject({ locked: true, passwordFailures: 5 });
  });
});
