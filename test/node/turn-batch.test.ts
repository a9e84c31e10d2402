// Requests read in one event-loop turn are handled together after it, and the answers made in one
// turn written together after it: in the order they were made, each to its own connection, and one
// that cannot be written does not hold up the rest.
import type { ServerResponse } from 'node:http';
import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider } from '../../src/index.js';
import { serveHandler } from '../../src/node/index.js';
import { afterTurn, writeSoon } from '../../src/node/turn-batch.js';
import { createProviderHandler } from '../../src/server/index.js';

const fakeResponse = () => {
  const res = { destroyed: 0, destroy: () => void res.destroyed++ };
  return res;
};

describe('afterTurn', () => {
  it('releases every request held in a turn together, in order, only once the turn has ended', async () => {
    const released: string[] = [];
    const first = afterTurn().then(() => released.push('a'));
    const second = afterTurn().then(() => released.push('b'));
    await Promise.resolve();
    await Promise.resolve();
    expect(released).toEqual([]);
    await Promise.all([first, second]);
    expect(released).toEqual(['a', 'b']);
    // The next turn gets a batch of its own.
    await afterTurn();
    released.push('c');
    expect(released).toEqual(['a', 'b', 'c']);
  });

  it('holds a request until the ticks and microtasks queued in its turn have run', async () => {
    const order: string[] = [];
    const held = afterTurn().then(() => order.push('held'));
    queueMicrotask(() => order.push('microtask'));
    process.nextTick(() => order.push('tick'));
    await held;
    expect(order).toHaveLength(3);
    expect(order[2]).toBe('held');
  });
});

describe('writeSoon', () => {
  it('writes the answers of a released batch in the turn that released it', async () => {
    const order: string[] = [];
    const res = fakeResponse() as unknown as ServerResponse;
    await new Promise<void>((resolve) => {
      void afterTurn().then(async () => {
        // Queued before the answer is made: it runs in the next turn.
        setImmediate(() => {
          order.push('next turn');
          resolve();
        });
        await Promise.resolve();
        writeSoon(res, () => order.push('written'));
      });
    });
    expect(order).toEqual(['written', 'next turn']);
  });

  it('writes after the current turn, in order, and a failing write only loses its own answer', async () => {
    const written: string[] = [];
    const [a, b, c] = [fakeResponse(), fakeResponse(), fakeResponse()];
    writeSoon(a as unknown as ServerResponse, () => written.push('a'));
    writeSoon(b as unknown as ServerResponse, () => {
      throw new Error('the client has gone');
    });
    writeSoon(c as unknown as ServerResponse, () => written.push('c'));
    await Promise.resolve();
    expect(written).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual(['a', 'c']);
    expect([a.destroyed, b.destroyed, c.destroyed]).toEqual([0, 1, 0]);
  });

  it('gives each of many concurrent requests on kept-alive connections its own answer', async () => {
    const store = new MemoryStore();
    const provider = createProvider({ store, hashing: LOW_COST_HASHING_FOR_TESTS, language: 'en' });
    const server = await serveHandler(createProviderHandler(provider, { store }), { port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    try {
      const names = Array.from({ length: 64 }, (_, i) => `user.${i}`);
      // Every other name is registered twice at once: exactly one of the two gets 201.
      const sent = [...names, ...names.filter((_, i) => i % 2 === 0)];
      const answers = await Promise.all(
        sent.map(
          (username) =>
            new Promise<{ username: string; status: number; body: string }>((resolve, reject) => {
              const body = JSON.stringify({ username, password: 'Hosszú-Jelszó-2025', email: `${username}@x.hu` });
              const req = request(
                `${server.url}api/register`,
                { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
                (res) => {
                  let text = '';
                  res.setEncoding('utf8');
                  res.on('data', (d: string) => (text += d));
                  res.on('end', () => resolve({ username, status: res.statusCode ?? 0, body: text }));
                },
              );
              req.on('error', reject);
              req.end(body);
            }),
        ),
      );
      for (const name of names) {
        const mine = answers
          .filter((a) => a.username === name)
          .map((a) => a.status)
          .sort();
        expect(mine, name).toEqual(names.indexOf(name) % 2 === 0 ? [201, 409] : [201]);
      }
      for (const { body } of answers) expect(JSON.parse(body)).toHaveProperty('ok');
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});
