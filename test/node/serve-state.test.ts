import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CONTENT_SECURITY_POLICY,
  DEMO_STATE_CONTENT_SECURITY_POLICY,
  serveStatic,
  type StaticServer,
} from '../../src/node/serve.js';
import { MAX_STATE_BYTES } from '../../src/node/serve-state.js';
import { cli } from '../support/cli.js';

let base: string;
let root: string;
const running: StaticServer[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request to `server`, with exactly the headers given (Host defaults to 127.0.0.1:port). */
function call(
  server: StaticServer,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // Node sends DELETE and OPTIONS bodies without a length unless told: give it always.
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method, headers: { ...length, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A PUT as the demo page sends it. */
function put(server: StaticServer, value: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return call(
    server,
    'PUT',
    '/api/state',
    { 'content-type': 'application/json', 'x-totp-lab': '1', origin: `http://127.0.0.1:${server.port}`, ...headers },
    typeof value === 'string' ? value : JSON.stringify(value),
  );
}

async function start(state?: string): Promise<StaticServer> {
  const server = await serveStatic({ root, port: 0, ...(state !== undefined && { state }) });
  running.push(server);
  return server;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'totp-lab-serve-state-'));
  root = join(base, 'web');
  await mkdir(root, { recursive: true });
  await writeFile(
    join(root, 'index.html'),
    `<!doctype html>\n<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'; script-src 'self'">\n<title>demo</title></head><body></body></html>`,
  );
  await writeFile(join(root, 'app.js'), 'console.log(1)');
});

afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('serve with a state file', () => {
  it('keeps the page state: 204 before anything is saved, then the same JSON back, also after a restart', async () => {
    const file = join(base, 'round-trip', 'state.json');
    let server = await start(file);
    const empty = await call(server, 'GET', '/api/state');
    expect([empty.status, empty.body]).toEqual([204, '']);
    const state = {
      version: 1,
      items: { 'totp-lab:demo': '{"lang":"en"}', 'totp-lab:provider': '{}' },
      ü: [1, null, true],
    };
    expect((await put(server, state)).status).toBe(204);
    const back = await call(server, 'GET', '/api/state');
    expect(back.status).toBe(200);
    expect(back.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(back.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(back.body)).toEqual(state);
    // The file is an ordinary FileStore file, the state under one key.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      format: 'totp-lab-store',
      version: 1,
      data: { 'browser-demo': state },
    });
    await server.close();
    server = await start(file);
    expect(JSON.parse((await call(server, 'GET', '/api/state')).body)).toEqual(state);
    // The last write wins.
    expect((await put(server, { version: 1, items: {} })).status).toBe(204);
    expect(JSON.parse((await call(server, 'GET', '/api/state')).body)).toEqual({ version: 1, items: {} });
  });

  it('refuses other methods, other content types, foreign origins, a missing page header, bad JSON and oversized bodies', async () => {
    const file = join(base, 'refusals.json');
    const server = await start(file);
    expect((await put(server, { keep: true })).status).toBe(204);
    for (const method of ['POST', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await call(
        server,
        method,
        '/api/state',
        { 'content-type': 'application/json', 'x-totp-lab': '1' },
        '{}',
      );
      expect([method, res.status, res.headers['allow']]).toEqual([method, 405, 'GET, HEAD, PUT']);
    }
    const refusals: Array<[Record<string, string>, string, number]> = [
      [{ 'content-type': 'text/plain' }, '{}', 415],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1', 415],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, '--x--', 415],
      [{ origin: 'http://attacker.example' }, '{}', 403],
      [{ origin: 'null' }, '{}', 403],
      [{ origin: `http://localhost:${server.port}` }, '{}', 403],
      [{ 'x-totp-lab': '0' }, '{}', 403],
      [{}, '{"a":', 400],
      [{}, '[1,2]', 400],
      [{}, 'null', 400],
      [{}, '"text"', 400],
      [{}, '['.repeat(200_000) + ']'.repeat(200_000), 400],
    ];
    for (const [headers, body, status] of refusals) {
      expect([headers, body.slice(0, 20), (await put(server, body, headers)).status]).toEqual([
        headers,
        body.slice(0, 20),
        status,
      ]);
    }
    const noHeader = await call(
      server,
      'PUT',
      '/api/state',
      { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}` },
      '{}',
    );
    expect(noHeader.status).toBe(403);
    const big = JSON.stringify({ blob: 'x'.repeat(MAX_STATE_BYTES) });
    expect((await put(server, big)).status).toBe(413);
    // A state just under the limit is fine.
    expect((await put(server, JSON.stringify({ blob: 'x'.repeat(MAX_STATE_BYTES - 20) }))).status).toBe(204);
    expect((await put(server, { keep: true })).status).toBe(204);
    // None of the refusals changed what is stored, and the answers keep the opened policy.
    const back = await call(server, 'GET', '/api/state');
    expect(JSON.parse(back.body)).toEqual({ keep: true });
    expect(back.headers['content-security-policy']).toBe(DEMO_STATE_CONTENT_SECURITY_POLICY);
    // A charset parameter and a page without an Origin header (curl) are accepted.
    expect(
      (
        await call(
          server,
          'PUT',
          '/api/state',
          { 'content-type': 'application/json; charset=utf-8', 'x-totp-lab': '1' },
          '{"ok":1}',
        )
      ).status,
    ).toBe(204);
    // A rebinding name is refused before anything else.
    expect(
      (
        await call(
          server,
          'PUT',
          '/api/state',
          { host: 'attacker.example', 'content-type': 'application/json', 'x-totp-lab': '1' },
          '{}',
        )
      ).status,
    ).toBe(421);
    expect(JSON.parse((await call(server, 'GET', '/api/state')).body)).toEqual({ ok: 1 });
  });

  it("opens connect-src to 'self' and marks the page only with a state file", async () => {
    const plain = await start();
    const withState = await start(join(base, 'csp.json'));
    const page = await call(plain, 'GET', '/');
    expect(page.headers['content-security-policy']).toBe(DEMO_CONTENT_SECURITY_POLICY);
    expect(page.body).not.toContain('totp-lab-state');
    expect(page.body).toContain("connect-src 'none'");
    expect((await call(plain, 'GET', '/api/state')).status).toBe(404);
    expect(
      (await call(plain, 'PUT', '/api/state', { 'content-type': 'application/json', 'x-totp-lab': '1' }, '{}')).status,
    ).toBe(405);
    const served = await call(withState, 'GET', '/');
    expect(served.headers['content-security-policy']).toBe(DEMO_STATE_CONTENT_SECURITY_POLICY);
    expect(DEMO_STATE_CONTENT_SECURITY_POLICY.split('; ')).toContain("connect-src 'self'");
    expect(DEMO_STATE_CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('connect-src'))).toEqual(
      DEMO_CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('connect-src')),
    );
    expect(served.body).toContain('<head><meta name="totp-lab-state" content="server">');
    expect(served.body).toContain("connect-src 'self'");
    expect(served.body).not.toContain("connect-src 'none'");
    expect(served.headers['content-length']).toBe(String(Buffer.byteLength(served.body)));
    expect((await call(withState, 'GET', '/app.js')).body).toBe('console.log(1)');
  });

  it('refuses to start on a corrupt or foreign state file, naming it, and leaves the file alone', async () => {
    const corrupt = join(base, 'corrupt.json');
    await writeFile(corrupt, '{"format":"totp-lab-store","version":1,"data":{');
    await expect(serveStatic({ root, port: 0, state: corrupt })).rejects.toThrow(
      `store file ${JSON.stringify(corrupt)} is not valid JSON`,
    );
    const foreign = join(base, 'foreign.json');
    await writeFile(foreign, '{"name":"something else"}');
    await expect(serveStatic({ root, port: 0, state: foreign })).rejects.toThrow(/is not a totp-lab store/);
    expect(await readFile(corrupt, 'utf8')).toBe('{"format":"totp-lab-store","version":1,"data":{');
    await expect(serveStatic({ root, port: 0, state: '' })).rejects.toThrow(
      '"state" must be the path of a state file, got ""',
    );
  });

  it('the serve command exits 2 with one line naming a corrupt state file', async () => {
    const corrupt = join(base, 'corrupt-cli.json');
    await writeFile(corrupt, 'not json at all');
    const res = await cli('serve', '--port', '0', '--root', root, '--state', corrupt);
    expect(res.code).toBe(2);
    expect(res.stderr.split('\n')).toHaveLength(1);
    expect(res.stderr).toBe(
      `totp-lab: store file ${JSON.stringify(corrupt)} is not valid JSON (truncated or hand-edited?); fix it, restore it from a backup or delete it to start afresh`,
    );
    expect(await readFile(corrupt, 'utf8')).toBe('not json at all');
    const help = await cli('serve', '--help');
    expect(help.stdout).toContain('--state <store>');
  });
});
