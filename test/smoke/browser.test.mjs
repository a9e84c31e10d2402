// The built browser entry and the built demo page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import * as browser from 'totp-lab/browser';

test('totp-lab/browser loads without a DOM and exports the scanning and storage adapter', () => {
  for (const name of [
    'imageFromCanvas',
    'imageFromVideo',
    'imageFromFile',
    'scanCanvas',
    'scanVideoFrame',
    'scanImageFile',
    'drawQr',
    'startWebcam',
    'WebStorageStore',
  ]) {
    assert.equal(typeof browser[name], 'function', name);
  }
});

test('the demo page is built: one script and one stylesheet, both from the page itself', async () => {
  const html = await readFile(new URL('../../dist/web/index.html', import.meta.url), 'utf8');
  assert.match(html, /<script type="module" src="app.js"><\/script>/);
  assert.match(html, /<link rel="stylesheet" href="style.css" ?\/?>/);
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
  const app = await readFile(new URL('../../dist/web/app.js', import.meta.url), 'utf8');
  assert.ok(app.length > 10_000);
  assert.doesNotMatch(app, /\bfetch\(|XMLHttpRequest|WebSocket\(|sendBeacon/);
  // Room mode (totp-lab serve --api) talks to its own server: that code is a chunk of its own,
  // imported only when the server marks the page for a room.
  const room = /import\("\.\/(room-[A-Za-z0-9]+\.js)"\)/.exec(app)?.[1];
  assert.ok(room, 'the room chunk is imported on demand');
  assert.match(await readFile(new URL(`../../dist/web/${room}`, import.meta.url), 'utf8'), /\bfetch\(/);
});
