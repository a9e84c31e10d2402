import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchServerState, sendServerState, serverBackedStorage } from '../../src/demo/web/server-state.js';
import type { KeyValueStorage } from '../../src/browser/web-storage-store.js';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const answer = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status });

describe('the demo page’s state on its server', () => {
  afterEach(() => void vi.useRealTimers());

  it('sends changes in quick succession together, one request at a time, the last state last', async () => {
    vi.useFakeTimers();
    const local = memoryStorage();
    local.setItem('totp-lab:provider', '{"old":1}');
    const sent: Array<Record<string, string>> = [];
    let release: () => void = () => undefined;
    const storage = serverBackedStorage(
      local,
      async (items) => {
        sent.push(items);
        await new Promise<void>((resolve) => (release = resolve));
      },
      undefined,
      5,
    );
    expect(storage.getItem('totp-lab:provider')).toBe('{"old":1}');
    storage.setItem('totp-lab:demo', '{"a":1}');
    storage.setItem('totp-lab:demo', '{"a":2}');
    expect(local.getItem('totp-lab:demo')).toBe('{"a":2}');
    expect(storage.unsent()).toBe(true);
    await vi.advanceTimersByTimeAsync(4);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ 'totp-lab:demo': '{"a":2}', 'totp-lab:provider': '{"old":1}' }]);
    // A change while the first request is out waits for it, then goes.
    storage.removeItem('totp-lab:provider');
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    release();
    await storage.flush();
    expect(sent).toEqual([
      { 'totp-lab:demo': '{"a":2}', 'totp-lab:provider': '{"old":1}' },
      { 'totp-lab:demo': '{"a":2}' },
    ]);
    expect(storage.unsent()).toBe(false);
  });

  it('reports failed and successful sends, and tries again with the next change', async () => {
    const local = memoryStorage();
    const results: boolean[] = [];
    let fail = true;
    const storage = serverBackedStorage(
      local,
      async () => {
        if (fail) throw new Error('offline');
      },
      (ok) => results.push(ok),
      1,
    );
    storage.setItem('k', '1');
    await storage.flush();
    fail = false;
    storage.setItem('k', '2');
    await storage.flush();
    expect(results).toEqual([false, true]);
  });

  it('reads the server’s answer: none yet, the items, or an error', async () => {
    expect(await fetchServerState(async () => answer(204))).toBeNull();
    expect(await fetchServerState(async () => answer(200, { version: 1, items: { a: 'x', b: 3 } }))).toEqual({
      a: 'x',
    });
    await expect(fetchServerState(async () => answer(200, { version: 2, items: {} }))).rejects.toThrow('cannot read');
    await expect(fetchServerState(async () => answer(500))).rejects.toThrow('the server answered 500');
  });

  it('sends JSON with the header the server requires', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    await sendServerState(
      { a: 'x' },
      (async (url: string, init?: RequestInit) => (calls.push([url, init]), answer(204))) as typeof fetch,
    );
    expect(calls[0]![0]).toBe('api/state');
    expect(calls[0]![1]).toMatchObject({
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-Totp-Lab': '1' },
      body: '{"version":1,"items":{"a":"x"}}',
    });
    await expect(sendServerState({}, async () => answer(403))).rejects.toThrow('the server answered 403');
  });
});
