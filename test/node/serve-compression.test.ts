// The static server sends compressed bodies by Accept-Encoding, with ETags and 304s, over real
// HTTP; the bodies are decoded with node:zlib, which implements the formats independently of how
// the server chose and labelled them.
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/node/serve.js';
import { chooseCoding } from '../../src/node/static-cache.js';

let base: string;
let root: string;
let server: StaticServer;
const script = `// demo\n${'export const line = "Kérem adja meg a hitelesítő kódot";\n'.repeat(400)}`;
const png = Buffer.from([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...Array.from({ length: 600 }, (_, i) => i % 251),
]);

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'totp-lab-serve-zip-'));
  root = join(base, 'web');
  await import('node:fs/promises').then((fs) => fs.mkdir(root));
  await writeFile(
    join(root, 'index.html'),
    `<!doctype html><html><head><title>demo</title></head><body>${'<p>Bejelentkezés</p>'.repeat(100)}</body></html>`,
  );
  await writeFile(join(root, 'app.js'), script);
  await writeFile(join(root, 'tiny.css'), 'body{}');
  await writeFile(join(root, 'logo.png'), png);
  server = await serveStatic({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('totp-lab serve: compression and caching', () => {
  it('sends brotli when accepted, and the body decodes to the file', async () => {
    const res = await get('/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(brotliDecompressSync(res.body).toString('utf8')).toBe(script);
  });

  it('sends gzip when only gzip is accepted or brotli is refused with q=0', async () => {
    for (const header of ['gzip', 'br;q=0, gzip', 'x-gzip', 'gzip;q=1, br;q=0.5']) {
      const res = await get('/app.js', { 'accept-encoding': header });
      expect(res.headers['content-encoding'], header).toBe('gzip');
      expect(gunzipSync(res.body).toString('utf8')).toBe(script);
    }
  });

  it('sends the file as it is without Accept-Encoding, for identity only, and for a refused wildcard', async () => {
    for (const headers of [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': '*;q=0' },
      { 'accept-encoding': 'deflate' },
    ]) {
      const res = await get('/app.js', headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['vary']).toBe('Accept-Encoding');
      expect(res.body.toString('utf8')).toBe(script);
    }
  });

  it('leaves tiny files and binary images uncompressed, and without Vary', async () => {
    const tiny = await get('/tiny.css', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('body{}');
    const image = await get('/logo.png', { 'accept-encoding': 'br, gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['vary']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
  });

  it('compresses index.html too, marks it no-cache and gives it an ETag', async () => {
    const res = await get('/', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['etag']).toMatch(/^"[A-Za-z0-9_-]+-br"$/);
    expect(brotliDecompressSync(res.body).toString('utf8')).toContain('<title>demo</title>');
  });

  it('answers 304 without a body to a matching If-None-Match, per representation', async () => {
    const first = await get('/app.js', { 'accept-encoding': 'gzip' });
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/-gz"$/);
    const again = await get('/app.js', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(etag);
    expect(again.headers['content-security-policy']).toBeDefined();
    expect((await get('/app.js', { 'accept-encoding': 'gzip', 'if-none-match': `W/${etag}` })).status).toBe(304);
    // The gzip tag does not validate the brotli body, nor the identity one.
    expect((await get('/app.js', { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(200);
    expect((await get('/app.js', { 'if-none-match': etag })).status).toBe(200);
    expect((await get('/app.js', { 'if-none-match': '*' })).status).toBe(304);
  });

  it('gives a changed file a new ETag and body', async () => {
    const before = await get('/tiny.css');
    await writeFile(join(root, 'tiny.css'), 'body{color:red}');
    const later = new Date(Date.now() + 5000);
    await utimes(join(root, 'tiny.css'), later, later);
    const after = await get('/tiny.css', { 'if-none-match': String(before.headers['etag']) });
    expect(after.status).toBe(200);
    expect(after.body.toString()).toBe('body{color:red}');
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    const head = await get('/app.js', { 'accept-encoding': 'br' }, 'HEAD');
    const full = await get('/app.js', { 'accept-encoding': 'br' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(full.headers['content-length']);
    expect(head.headers['etag']).toBe(full.headers['etag']);
  });

  it('never picks a coding the header refuses (property)', () => {
    const coding = fc.constantFrom('br', 'gzip', 'identity', 'deflate', '*', 'x-gzip');
    const weight = fc.constantFrom('', ';q=0', ';q=0.5', ';q=1', ';q=0.001');
    fc.assert(
      fc.property(fc.array(fc.tuple(coding, weight), { maxLength: 6 }), (parts) => {
        const header = parts.map(([c, w]) => c + w).join(', ');
        const chosen = chooseCoding(header, { br: true, gzip: true });
        if (chosen === 'identity') return;
        const names = chosen === 'gzip' ? ['gzip', 'x-gzip'] : ['br'];
        const named = parts.filter(([c]) => names.includes(c));
        const refused =
          named.length > 0 ? named.every(([, w]) => w === ';q=0') : !parts.some(([c, w]) => c === '*' && w !== ';q=0');
        expect(refused, header).toBe(false);
      }),
    );
  });
});
