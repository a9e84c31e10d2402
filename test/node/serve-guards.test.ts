// The listener's guards: Host allowlist and Origin (against DNS rebinding, on every bound address),
// body size refused on Content-Length and cut at the limit, time-outs and the connection cap.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/node/serve.js';
import { MAX_STATE_BYTES } from '../../src/node/serve-state.js';
import { raw } from './raw-http.js';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'totp-lab-guards-'));
  root = join(base, 'web');
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>demo</title>');
  await writeFile(join(root, 'reader.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const put = (port: number, host: string, origin: string, body = '{"a":1}') =>
  raw(
    port,
    `PUT /api/state HTTP/1.1\nHost: ${host}\nOrigin: ${origin}\nX-Totp-Lab: 1\nContent-Type: application/json\nContent-Length: ${Buffer.byteLength(body)}\nConnection: close\n`,
    body,
  );

describe('DNS rebinding: Host and Origin are checked on every bound address', () => {
  for (const host of ['0.0.0.0', '127.0.0.1']) {
    it(`refuses a foreign Host and Origin when bound to ${host}, and accepts the local names`, async () => {
      const server = await serveStatic({ root, port: 0, host, state: join(base, `state-${host}.json`) });
      try {
        const p = server.port;
        const evil = await put(p, `evil.example:${p}`, `http://evil.example:${p}`);
        expect(evil.status).toBe(421);
        const read = await raw(p, `GET /api/state HTTP/1.1\nHost: evil.example:${p}\nConnection: close\n`);
        expect(read.status).toBe(421);
        expect((await put(p, `127.0.0.1:${p}`, `http://evil.example:${p}`)).status).toBe(403);
        expect((await put(p, `127.0.0.1:${p}`, 'null')).status).toBe(403);
        expect((await put(p, `localhost:${p}`, `http://localhost:${p}`)).status).toBe(204);
        expect((await raw(p, `GET /api/state HTTP/1.1\nHost: 127.0.0.1:${p}\nConnection: close\n`)).body).toBe(
          '{"a":1}',
        );
      } finally {
        await server.close();
      }
    });
  }

  it('accepts a host name the caller adds', async () => {
    const server = await serveStatic({ root, port: 0, host: '0.0.0.0', allowedHosts: ['lab.example'] });
    try {
      expect(
        (await raw(server.port, `GET / HTTP/1.1\nHost: lab.example:${server.port}\nConnection: close\n`)).status,
      ).toBe(200);
      expect(
        (await raw(server.port, `GET / HTTP/1.1\nHost: lab.example.evil:${server.port}\nConnection: close\n`)).status,
      ).toBe(421);
    } finally {
      await server.close();
    }
  });
});

describe('bodies, time-outs and connections', () => {
  it('refuses an oversized body on Content-Length at once, without waiting for it', async () => {
    const server = await serveStatic({ root, port: 0, state: join(base, 'big.json') });
    try {
      const p = server.port;
      // Only the head is sent: an answer can only come from the declared length.
      const answer = await raw(
        p,
        `PUT /api/state HTTP/1.1\nHost: 127.0.0.1:${p}\nX-Totp-Lab: 1\nContent-Type: application/json\nContent-Length: ${MAX_STATE_BYTES + 1}\n`,
      );
      expect(answer.status).toBe(413);
      answer.socket.destroy();
    } finally {
      await server.close();
    }
  });

  it('stops reading a chunked body at the limit and answers 413 before the client has sent it all', async () => {
    const server = await serveStatic({
      root,
      port: 0,
      state: join(base, 'chunked.json'),
      limits: { maxBodyBytes: 1024 },
    });
    try {
      const p = server.port;
      const chunk = 'x'.repeat(600);
      const part = `${(600).toString(16)}\r\n${chunk}\r\n`;
      // Two chunks pass the limit; the terminating chunk is never sent.
      const answer = await raw(
        p,
        `PUT /api/state HTTP/1.1\nHost: 127.0.0.1:${p}\nX-Totp-Lab: 1\nContent-Type: application/json\nTransfer-Encoding: chunked\n`,
        part + part,
      );
      expect(answer.status).toBe(413);
      answer.socket.destroy();
    } finally {
      await server.close();
    }
  });

  it('sets tight time-outs and closes a connection that never finishes its headers', async () => {
    const server = await serveStatic({ root, port: 0, limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
    try {
      const socket = connect(server.port, '127.0.0.1');
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const closed = await new Promise<string>((resolve) => {
        let data = '';
        socket.on('data', (d) => (data += d.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', () => undefined);
      });
      expect(closed).toMatch(/^HTTP\/1\.1 408|^$/);
    } finally {
      await server.close();
    }
  });

  it('caps the connections open at once', async () => {
    const server = await serveStatic({ root, port: 0, limits: { maxConnections: 2 } });
    try {
      const open = [connect(server.port, '127.0.0.1'), connect(server.port, '127.0.0.1')];
      await Promise.all(open.map((s) => new Promise((r) => s.on('connect', r))));
      await new Promise((r) => setTimeout(r, 50));
      const third = await raw(server.port, `GET / HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n`).then(
        (a) => a.status,
        (e: Error) => e.message,
      );
      expect(third).toMatch(/closed without an answer|ECONNRESET/);
      for (const s of open) s.destroy();
    } finally {
      await server.close();
    }
  });

  it('serves .wasm as application/wasm, and the policy allows WebAssembly and nothing more', async () => {
    const server = await serveStatic({ root, port: 0 });
    try {
      const answer = await raw(server.port, `GET /reader.wasm HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n`);
      expect(answer.headers['content-type']).toBe('application/wasm');
      expect(answer.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(answer.headers['content-security-policy']).not.toContain("unsafe-eval'" + ' ');
      expect(answer.headers['content-security-policy']).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    } finally {
      await server.close();
    }
  });
});

describe('a server without a built page says what to run', () => {
  it('refuses to start without index.html, naming npm run build', async () => {
    const empty = join(base, 'empty');
    await mkdir(empty, { recursive: true });
    await expect(serveStatic({ root: empty, port: 0 })).rejects.toThrow(
      /the demo page is not built: .* is missing \(run npm run build\)/,
    );
  });

  it('with the API on, serves the API and says at the page address what to run', async () => {
    const api = async () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
    const server = await serveStatic({ root: join(base, 'missing'), port: 0, api });
    try {
      const page = await raw(server.port, `GET / HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n`);
      expect(page.status).toBe(404);
      expect(page.body).toContain('run npm run build');
      expect(
        (await raw(server.port, `GET /openapi.json HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n`)).body,
      ).toContain('{"ok":true}');
    } finally {
      await server.close();
    }
  });
});
