import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONTENT_SECURITY_POLICY, serveStatic, type StaticServer } from '../../src/node/serve.js';
import { cli } from '../support/cli.js';

let base: string;
let root: string;
let server: StaticServer;

/** A raw GET that sends the path exactly as given (fetch would normalise "..") and an optional Host. */
function get(
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.host ? { host: options.host } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'totp-lab-serve-'));
  root = join(base, 'web');
  await mkdir(join(root, 'sub'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>demo</title>');
  await writeFile(join(root, 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'style.css'), 'body{}');
  await writeFile(join(root, 'data.bin'), 'x');
  await writeFile(join(base, 'secret.txt'), 'outside the root');
  await symlink(join(base, 'secret.txt'), join(root, 'link.txt'));
  server = await serveStatic({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('totp-lab serve (the static server)', () => {
  it('listens on 127.0.0.1 on the port the system picked for port 0', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves index.html at / with the strict CSP, nosniff and the right content type', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>demo</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toBe(DEMO_CONTENT_SECURITY_POLICY);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob: mediastream:",
      "connect-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp.split('; ')).toContain(directive);
    }
  });

  it('names JavaScript, CSS and unknown files correctly', async () => {
    expect((await get('/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/data.bin')).headers['content-type']).toBe('application/octet-stream');
    const head = await get('/app.js', { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '14']);
  });

  it('never serves a file outside the root, however the path is spelled', async () => {
    for (const path of [
      '/../secret.txt',
      '/sub/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/sub/%2e%2e/%2e%2e/secret.txt',
      '/link.txt',
      '/%00',
      '/C:/secret.txt',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the root');
    }
  });

  it('lists no directories, answers 404 for missing files, 400 for bad escapes and 405 for other methods', async () => {
    expect((await get('/sub/')).status).toBe(404);
    expect((await get('/sub')).status).toBe(404);
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    const post = await get('/', { method: 'POST' });
    expect([post.status, post.headers['allow']]).toEqual([405, 'GET, HEAD']);
    expect(post.headers['content-security-policy']).toBe(DEMO_CONTENT_SECURITY_POLICY);
  });

  it('answers only requests addressed to the loopback name (no DNS rebinding)', async () => {
    expect((await get('/', { host: `localhost:${server.port}` })).status).toBe(200);
    expect((await get('/', { host: 'attacker.example:80' })).status).toBe(421);
  });

  it('says clearly when the port is taken, and when the root is missing', async () => {
    await expect(serveStatic({ root, port: server.port })).rejects.toThrow(
      `port ${server.port} on 127.0.0.1 is already in use: choose another with --port, or --port 0 for any free port`,
    );
    await expect(serveStatic({ root: join(base, 'nope'), port: 0 })).rejects.toThrow(
      /"root" must be a directory with the built page \(run npm run build\)/,
    );
    await expect(serveStatic({ root, port: 70_000 })).rejects.toThrow(
      '"port" must be an integer from 0 to 65535, got 70000',
    );
  });
});

describe('the serve command', () => {
  it('has --help', async () => {
    const res = await cli('serve', '--help');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Usage: totp-lab serve \[--port <n>\] \[--host <address>\]/);
  });

  it('exits 2 with one line for a bad port, a taken port or a missing page', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      for (const [args, message] of [
        [['--port', 'abc'], 'totp-lab: --port must be a whole number, got "abc"'],
        [['--port', '70000'], 'totp-lab: --port must be from 0 to 65535, got 70000'],
        [
          ['--port', String(port), '--root', root],
          `totp-lab: port ${port} on 127.0.0.1 is already in use: choose another with --port, or --port 0 for any free port`,
        ],
        [['--port', '0', '--root', join(base, 'nope')], /^totp-lab: "root" must be a directory with the built page/],
      ] as const) {
        const res = await cli('serve', ...args);
        expect(res.code).toBe(2);
        expect(res.stderr.split('\n')).toHaveLength(1);
        if (typeof message === 'string') expect(res.stderr).toBe(message);
        else expect(res.stderr).toMatch(message);
      }
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
