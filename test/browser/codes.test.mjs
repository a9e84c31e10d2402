// The built `totp-lab` entry in Chromium, where there is no `process`: codes come from the
// JavaScript hashes alone (in Node, SHA-512 goes through Node's own hash), and must still be the
// RFC 6238 Appendix B codes for all three algorithms, from plain and from prepared secrets.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { launchBrowser } from './support.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const SEEDS = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
};
// RFC 6238 Appendix B: time in seconds, algorithm, 8-digit code.
const VECTORS = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
];

let server;
let browser;
let page;

before(async () => {
  // Serves dist/ and an empty page, from 127.0.0.1 only.
  server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>codes</title><link rel="icon" href="data:,">');
      return;
    }
    if (!/^\/dist\/[\w.-]+\.js$/.test(path)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(new URL(path.slice('/dist/'.length), DIST));
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await launchBrowser();
  page = await browser.page();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test('the RFC 6238 codes, plain and prepared, in a browser with no process', async () => {
  const results = await page.evaluate(
    async ({ seeds, vectors }) => {
      const { generateCode, prepareSecret, toBase32, verifyCode } = await import('/dist/index.js');
      const bytes = (text) => new TextEncoder().encode(text);
      return {
        process: typeof process,
        codes: vectors.map(([seconds, algorithm, code]) => {
          const secret = toBase32(bytes(seeds[algorithm]));
          const options = { algorithm, digits: 8, time: seconds * 1000 };
          return {
            plain: generateCode(secret, options),
            prepared: generateCode(prepareSecret(secret, { algorithm }), { digits: 8, time: seconds * 1000 }),
            verified: verifyCode(secret, code, options).valid,
          };
        }),
      };
    },
    { seeds: SEEDS, vectors: VECTORS },
  );
  assert.equal(results.process, 'undefined');
  VECTORS.forEach(([seconds, algorithm, code], i) => {
    assert.deepEqual(results.codes[i], { plain: code, prepared: code, verified: true }, `${algorithm} at ${seconds}`);
  });
  assert.deepEqual(browser.problems, []);
  assert.deepEqual(browser.foreign, []);
});
