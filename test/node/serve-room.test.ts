import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CONTENT_SECURITY_POLICY,
  DEMO_STATE_CONTENT_SECURITY_POLICY,
  ROOM_META,
  serveStatic,
  type StaticServer,
} from '../../src/node/serve.js';

let root: string;
const running: StaticServer[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'totp-lab-room-'));
  await writeFile(
    join(root, 'index.html'),
    `<!doctype html>\n<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'">\n</head><body></body></html>`,
  );
});

afterAll(async () => {
  for (const server of running) await server.close();
  await rm(root, { recursive: true, force: true });
});

const api = async (request: Request) => Response.json({ path: new URL(request.url).pathname });

describe('the page beside the API (room mode)', () => {
  it('is marked for room mode and may fetch from its own origin only when the API is served', async () => {
    const plain = await serveStatic({ root, port: 0 });
    const room = await serveStatic({ root, port: 0, api });
    running.push(plain, room);
    const off = await fetch(plain.url);
    expect(off.headers.get('content-security-policy')).toBe(DEMO_CONTENT_SECURITY_POLICY);
    const offBody = await off.text();
    expect(offBody).not.toContain('totp-lab-room');
    expect(offBody).toContain("connect-src 'none'");
    const on = await fetch(room.url);
    expect(on.headers.get('content-security-policy')).toBe(DEMO_STATE_CONTENT_SECURITY_POLICY);
    const onBody = await on.text();
    expect(onBody).toContain(`<head>${ROOM_META}`);
    expect(onBody).toContain("connect-src 'self'");
    expect(onBody).not.toContain("connect-src 'none'");
    expect(await (await fetch(`${room.url}api/clock`)).json()).toEqual({ path: '/api/clock' });
  });
});
