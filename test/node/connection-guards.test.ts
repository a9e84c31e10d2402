// The listener against clients that hold connections: a cap per client address besides the
// global one, and connections that send no complete request are closed after the header time-out.
// A refusal of an API request by the guards is the API's JSON error.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider } from '../../src/index.js';
import { createProviderHandler } from '../../src/server/index.js';
import { serveHandler } from '../../src/node/index.js';
import { raw } from './raw-http.js';

function api() {
  const store = new MemoryStore();
  return createProviderHandler(createProvider({ store, hashing: LOW_COST_HASHING_FOR_TESTS }), { store });
}

/** Opens a TCP connection from `localAddress` and waits until it is up. */
function open(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** GET /openapi.json on a connection from `localAddress`: the status, or how it failed. */
function get(port: number, localAddress: string): Promise<number | string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('error', (e) => resolve(e.message));
    socket.on('close', () => resolve(data === '' ? 'closed' : Number(data.split(' ')[1])));
    socket.write(`GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  });
}

const closed = (socket: Socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()));

describe('connections held open by one client', () => {
  it('cannot lock out other clients: 64 idle connections from one address leave room for another', async () => {
    const server = await serveHandler(api(), { port: 0 });
    const held: Socket[] = [];
    try {
      for (let i = 0; i < 64; i++) held.push(await open(server.port).catch(() => connect(server.port, '127.0.0.1')));
      // Give the server a moment to accept (and refuse) them all.
      await new Promise((r) => setTimeout(r, 200));
      expect(await get(server.port, '127.0.0.2')).toBe(200);
    } finally {
      for (const s of held) s.destroy();
      await server.close();
    }
  });

  it('caps connections per client address (maxConnectionsPerAddress)', async () => {
    const server = await serveHandler(api(), { port: 0, limits: { maxConnectionsPerAddress: 2 } });
    const held: Socket[] = [];
    try {
      held.push(await open(server.port), await open(server.port));
      await new Promise((r) => setTimeout(r, 100));
      expect(await get(server.port, '127.0.0.1')).toMatch(/closed|ECONNRESET/);
      expect(await get(server.port, '127.0.0.3')).toBe(200);
      held[0]!.destroy();
      await new Promise((r) => setTimeout(r, 100));
      expect(await get(server.port, '127.0.0.1')).toBe(200);
    } finally {
      for (const s of held) s.destroy();
      await server.close();
    }
  });

  it('closes a connection that sends nothing within the header time-out', async () => {
    const server = await serveHandler(api(), { port: 0, limits: { headersTimeoutMs: 300 } });
    try {
      const socket = await open(server.port);
      socket.on('error', () => undefined);
      // Read, so the server's end of the connection is seen.
      socket.resume();
      // Closed by the server, well before the 15 s request time-out (generous for a busy machine).
      const outcome = await Promise.race([
        closed(socket).then(() => 'closed'),
        new Promise((r) => setTimeout(() => r('still open'), 10_000)),
      ]);
      expect(outcome).toBe('closed');
      socket.destroy();
    } finally {
      await server.close();
    }
  });

  it('refuses a bad per-address cap', async () => {
    await expect(serveHandler(api(), { port: 0, limits: { maxConnectionsPerAddress: 0 } })).rejects.toThrow(
      /"limits.maxConnectionsPerAddress" must be a positive integer, got 0/,
    );
  });
});

describe('the guards answer API requests in JSON', () => {
  it('a foreign Origin gets 403 FORBIDDEN_ORIGIN as the API error, not plain text', async () => {
    const server = await serveHandler(api(), { port: 0 });
    try {
      const p = server.port;
      const answer = await raw(
        p,
        `POST /api/login HTTP/1.1\nHost: 127.0.0.1:${p}\nOrigin: http://evil.example\nContent-Type: application/json\nContent-Length: 2\nConnection: close\n`,
        '{}',
      );
      expect(answer.status).toBe(403);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'FORBIDDEN_ORIGIN', message: 'requests from other origins are not allowed' },
      });
    } finally {
      await server.close();
    }
  });
});
