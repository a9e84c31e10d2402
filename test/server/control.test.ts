import { describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider, manualClock } from '../../src/index.js';
import { createProviderHandler, createSharedClock } from '../../src/server/index.js';
import { BASE, PASSWORD, T0, TOKEN, apiLab, checkAnswer, enrolled } from './api-client.js';

describe('the control API', () => {
  it('needs the bearer token, and is absent when no token is given', async () => {
    const lab = apiLab();
    for (const headers of [
      {},
      { authorization: 'Bearer wrong-token-wrong-token-123' },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Basic ${TOKEN}` },
    ]) {
      const answer = await lab.call('GET', '/control/clock', undefined, headers);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('UNAUTHORIZED');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    }
    const off = apiLab({ controlToken: undefined as never });
    const answer = await off.call('GET', '/control/clock', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(404);
    expect(() => apiLab({ controlToken: 'short' })).toThrow(
      '"controlToken" must be 16 to 256 characters without spaces',
    );
  });

  it('sets, advances and freezes the clock, and every instance on the store sees it', async () => {
    const store = new MemoryStore();
    const a = apiLab({}, store);
    const b = apiLab({}, store);
    expect((await a.control('GET', '/control/clock')).body).toEqual({ now: T0 + 5_000, frozen: false, offsetMs: 0 });
    await a.control('PUT', '/control/clock', { time: T0 + 3_600_000 });
    expect((await b.control('GET', '/control/clock')).body.now).toBe(T0 + 3_600_000);
    await b.control('POST', '/control/clock/advance', { ms: -600_000 });
    expect((await a.control('GET', '/control/clock')).body.now).toBe(T0 + 3_000_000);
    await a.control('POST', '/control/clock/freeze', { frozen: true });
    b.clock.advance(10_000);
    expect((await b.control('GET', '/control/clock')).body).toMatchObject({ now: T0 + 3_000_000, frozen: true });
    await b.control('POST', '/control/clock/freeze', { frozen: false });
    b.clock.advance(1_000);
    expect((await b.control('GET', '/control/clock')).body).toMatchObject({ now: T0 + 3_001_000, frozen: false });
    const bad = await a.control('PUT', '/control/clock', { time: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_ARGUMENT');
  });

  it('starts, schedules and stops faults for every instance on the store', async () => {
    const store = new MemoryStore();
    const a = apiLab({}, store);
    const b = apiLab({}, store);
    await a.call('POST', '/api/register', { username: 'anna', password: PASSWORD, email: 'anna@example.hu' });
    expect((await a.control('POST', '/control/faults/start', { kind: 'outage' })).body.active).toEqual({
      kind: 'outage',
      until: null,
    });
    const refused = await b.call('POST', '/api/login', { username: 'anna', password: PASSWORD });
    expect(refused.status).toBe(503);
    expect(refused.body.fault).toBe('outage');
    await b.control('POST', '/control/faults/stop', { kind: 'outage' });
    expect((await a.call('POST', '/api/login', { username: 'anna', password: PASSWORD })).status).toBe(200);
    const now = (await a.control('GET', '/control/clock')).body.now;
    await a.control('POST', '/control/faults/schedule', { kind: 'timeout', from: now + 60_000, until: now + 120_000 });
    await b.control('POST', '/control/clock/advance', { ms: 60_000 });
    expect((await b.call('POST', '/api/login', { username: 'anna', password: PASSWORD })).status).toBe(504);
    expect((await b.control('DELETE', '/control/faults')).body).toEqual({ active: null, windows: [] });
    expect((await a.call('POST', '/api/login', { username: 'anna', password: PASSWORD })).status).toBe(200);
    expect((await a.control('POST', '/control/faults/start', { kind: 'flood' })).body.error.code).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('unlocks an account locked on another instance, shows its status, and resets everything', async () => {
    const store = new MemoryStore();
    const a = apiLab({}, store);
    const b = apiLab({}, store);
    await enrolled(a, 'anna');
    for (let i = 0; i < 5; i++)
      await (i % 2 ? a : b).call('POST', '/api/login', { username: 'anna', password: 'wrong' });
    expect((await a.control('GET', '/control/accounts/anna')).body).toMatchObject({
      exists: true,
      locked: true,
      passwordFailures: 5,
    });
    expect((await a.call('POST', '/api/login', { username: 'anna', password: PASSWORD })).status).toBe(401);
    expect((await b.control('POST', '/control/unlock', { username: 'anna' })).body).toEqual({
      ok: true,
      username: 'anna',
    });
    expect((await a.call('POST', '/api/login', { username: 'anna', password: PASSWORD })).status).toBe(200);
    expect((await a.control('POST', '/control/unlock', { username: 'nobody' })).status).toBe(409);
    const audit = await b.control('GET', '/control/audit?since=0');
    expect(audit.body.events.some((e: { type: string }) => e.type === 'unlocked')).toBe(true);
    expect((await b.control('GET', '/control/audit?since=-1')).status).toBe(400);
    await a.control('PUT', '/control/clock', { time: T0 + 86_400_000 });
    expect((await b.control('POST', '/control/reset')).body.ok).toBe(true);
    expect(await store.keys()).toEqual([]);
    expect((await a.control('GET', '/control/accounts/anna')).body.exists).toBe(false);
    expect((await a.control('GET', '/control/clock')).body.offsetMs).toBe(0);
  });

  it('says so when the clock is not shared', async () => {
    const store = new MemoryStore();
    const provider = createProvider({ store, clock: manualClock(T0), hashing: LOW_COST_HASHING_FOR_TESTS });
    const handler = createProviderHandler(provider, { store, controlToken: TOKEN });
    const answer = await checkAnswer(
      'GET',
      `${BASE}/control/clock`,
      await handler(new Request(`${BASE}/control/clock`, { headers: { authorization: `Bearer ${TOKEN}` } })),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toMatch(/createSharedClock/);
    expect(createSharedClock(store).now()).toBeGreaterThan(0);
  });
});
