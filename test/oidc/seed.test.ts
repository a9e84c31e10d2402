// The seed file's `clients` list: checked with the rest of the file before anything is written,
// put in as POST /control/oidc/clients puts a client, and used by `serve --api --oidc --seed`.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider, generateCode, manualClock } from '../../src/index.js';
import { applySeed, readSeed, readSeedFile } from '../../src/node/index.js';
import { OIDC_CLIENT_PREFIX } from '../../src/server/oidc-clients.js';
import { INSTANCE_TOKEN, compileCli, stopInstances, type Instance } from '../support/api-instances.js';
import { PASSWORD, REDIRECT, USER, UserAgent, authorization, signIn } from './support.js';

const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const app = { client_id: 'my-app', redirect_uris: [REDIRECT] };
let dir: string;
let cli: { bin: string; remove: () => Promise<void> };
const started: Instance[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-oidc-seed-'));
  cli = await compileCli();
});
afterAll(async () => {
  await stopInstances(started);
  await cli?.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('the clients of a seed file', () => {
  it('are read with the accounts; a bad or repeated client names its entry and field', async () => {
    expect(readSeed({ clients: [app] }).clients).toEqual([
      expect.objectContaining({ ...app, token_endpoint_auth_method: 'none' }),
    ]);
    expect(() => readSeed({ clients: [{ ...app, redirect_uris: ['ftp://x/'] }] })).toThrow(
      'clients[0] ("my-app"): "redirect_uris[0]" must be an http(s) URL',
    );
    expect(() => readSeed({ clients: [app, app] })).toThrow('clients[1] ("my-app"): the same client_id as clients[0]');
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ accounts: [{ username: USER, password: PASSWORD }], clients: [{}] }));
    await expect(readSeedFile(file)).rejects.toThrow(/clients\[0\]: "client_id" must be/);
  });

  it('are put in, and put in again replace what is there', async () => {
    const store = new MemoryStore();
    const provider = createProvider({ store, clock: manualClock(0), hashing: LOW_COST_HASHING_FOR_TESTS });
    const seed = readSeed({ clients: [app, { ...app, client_id: 'other', client_secret: 'x'.repeat(32) }] });
    expect((await applySeed(seed, { provider, store })).clients).toEqual(['my-app', 'other']);
    expect(await store.keys(OIDC_CLIENT_PREFIX)).toEqual([`${OIDC_CLIENT_PREFIX}my-app`, `${OIDC_CLIENT_PREFIX}other`]);
    await applySeed(readSeed({ clients: [{ ...app, redirect_uris: ['http://127.0.0.1:9/new'] }] }), {
      provider,
      store,
    });
    expect(await store.get(`${OIDC_CLIENT_PREFIX}my-app`)).toMatchObject({ redirect_uris: ['http://127.0.0.1:9/new'] });
  });

  it('let `serve --api --oidc --seed` sign an account in right after start-up', async () => {
    const file = join(dir, 'lab.json');
    await writeFile(
      file,
      JSON.stringify({ accounts: [{ username: USER, password: PASSWORD, secret: RFC_SECRET }], clients: [app] }),
    );
    const child = spawn(
      process.execPath,
      [cli.bin, 'serve', '--api', '--oidc', '--port', '0', '--hash-iterations', '1000', '--seed', file],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TOTP_LAB_CONTROL_TOKEN: INSTANCE_TOKEN } },
    );
    started.push({ url: '', child });
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('Press Ctrl+C')) resolve(text);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    expect(out).toContain(`Seeded 1 account(s) and 1 OpenID Connect client(s) from ${file}`);
    const issuer = /OpenID Connect: (http:\/\/[^/]+)\/\.well-known/.exec(out)![1]!;
    const config = await client.discovery(new URL(issuer), 'my-app', undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
    const request = await authorization(config);
    const now = async () =>
      (
        (await (
          await fetch(`${issuer}/control/clock`, { headers: { Authorization: `Bearer ${INSTANCE_TOKEN}` } })
        ).json()) as { now: number }
      ).now;
    const time = await now();
    const callback = await signIn(new UserAgent(), request.url, () => generateCode(RFC_SECRET, { time }));
    const tokens = await client.authorizationCodeGrant(config, new URL(callback.location!), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    expect(tokens.claims()!['preferred_username']).toBe(USER);
  });
});
