import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/index.js';
import { T0, apiLab } from './api-client.js';

describe('GET /api/clock', () => {
  it('tells anyone the shared time, whether it is frozen and the fault on, and changes nothing', async () => {
    const store = new MemoryStore();
    const trainer = apiLab({}, store);
    const room = apiLab({}, store);
    expect((await room.call('GET', '/api/clock')).body).toEqual({ now: T0 + 5_000, frozen: false, fault: null });
    await trainer.control('POST', '/control/clock/advance', { ms: 120_000 });
    await trainer.control('POST', '/control/clock/freeze', { frozen: true });
    await trainer.control('POST', '/control/faults/start', { kind: 'maintenance' });
    const seen = await room.call('GET', '/api/clock');
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ now: T0 + 125_000, frozen: true, fault: 'maintenance' });
    expect(seen.headers.get('cache-control')).toBe('no-store');
    // Read only: no other method, and no token needed or taken.
    expect((await room.call('POST', '/api/clock', { now: 0 })).status).toBe(405);
    expect((await room.call('PUT', '/api/clock', { now: 0 })).status).toBe(405);
    expect((await room.call('GET', '/api/clock')).body.now).toBe(T0 + 125_000);
  });

  it('is answered when the control API is off too', async () => {
    const lab = apiLab({ controlToken: undefined as never });
    expect((await lab.call('GET', '/api/clock')).body).toMatchObject({ frozen: false, fault: null });
  });
});
