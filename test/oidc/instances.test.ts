// `totp-lab serve --api --oidc` as separate processes on one SQLite store: the printed discovery
// address, one signing key for all, and an authorization code redeemed once when several processes
// are asked for it at the same moment. Also the flags' misuse (exit 2, one line).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCode } from '../../src/index.js';
import { INSTANCE_TOKEN, compileCli, startInstance, stopInstances, type Instance } from '../support/api-instances.js';
import { PASSWORD, REDIRECT, USER, UserAgent, formAction } from './support.js';

let cli: { bin: string; remove: () => Promise<void> };
let dir: string;
const started: Instance[] = [];
beforeAll(async () => {
  cli = await compileCli();
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-oidc-cli-'));
});
afterAll(async () => {
  await stopInstances(started);
  await cli?.remove();
  await rm(dir, { recursive: true, force: true });
});

async function call(url: string, method: string, path: string, body?: unknown) {
  const response = await fetch(url + path, {
    method,
    headers: { Authorization: `Bearer ${INSTANCE_TOKEN}`, 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** An enrolled account through the HTTP API, on a frozen shared clock; returns the phone's code for the clock now. */
async function enrollOverHttp(url: string): Promise<() => Promise<string>> {
  await call(url, 'POST', '/control/clock/freeze', { frozen: true });
  await call(url, 'POST', '/api/register', { username: USER, password: PASSWORD, email: 'janos@example.hu' });
  const started = await call(url, 'POST', '/api/enrollment', { username: USER, password: PASSWORD });
  const secret = started.body['secret'] as string;
  const now = async () => (await call(url, 'GET', '/control/clock')).body['now'] as number;
  const code = async () => generateCode(secret, { time: await now() });
  const id = started.body['enrollmentId'];
  await call(url, 'POST', '/api/enrollment/confirm', { enrollmentId: id, code: await code() });
  await call(url, 'POST', '/api/enrollment/finish', { enrollmentId: id, deletionCodeSaved: true });
  return code;
}

/** The PKCE pair of RFC 7636 Appendix B. */
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('totp-lab serve --api --oidc, several processes on one SQLite store', () => {
  it('prints its discovery address, where the issuer is its own address', async () => {
    const child = spawn(process.execPath, [cli.bin, 'serve', '--api', '--oidc', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push({ url: '', child });
    let out = '';
    const printed = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Press Ctrl+C')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const url = /OpenID Connect: (http:\/\/127\.0\.0\.1:\d+)\/\.well-known\/openid-configuration\n/.exec(printed)?.[1];
    expect(url, printed).toBeDefined();
    const discovery = (await (await fetch(`${url}/.well-known/openid-configuration`)).json()) as any;
    expect(discovery.issuer).toBe(url);
    expect(discovery.authorization_endpoint).toBe(`${url}/oidc/auth`);
  });

  it('every process serves the same issuer metadata and signing key', async () => {
    const store = `sqlite:${join(dir, 'keys.db')}`;
    const [a, b] = await Promise.all([
      startInstance(cli.bin, store, ['--oidc', '--oidc-issuer', 'http://127.0.0.1:6238']),
      startInstance(cli.bin, store, ['--oidc', '--oidc-issuer', 'http://127.0.0.1:6238']),
    ]);
    started.push(a!, b!);
    const discovery = async (i: Instance) => (await fetch(`${i.url}/.well-known/openid-configuration`)).json();
    const [da, db] = (await Promise.all([discovery(a!), discovery(b!)])) as Record<string, unknown>[];
    expect(da!['issuer']).toBe('http://127.0.0.1:6238');
    expect(db!['issuer']).toBe(da!['issuer']);
    expect(da!['code_challenge_methods_supported']).toEqual(['S256']);
    const keys = async (i: Instance) => (await fetch(`${i.url}/oidc/jwks`)).json();
    const [ka, kb] = await Promise.all([keys(a!), keys(b!)]);
    expect(ka).toEqual(kb);
    expect((ka as { keys: unknown[] }).keys).toHaveLength(1);
  });

  it('redeems each code once when three processes are asked for it at the same moment', async () => {
    const store = `sqlite:${join(dir, 'race.db')}`;
    const instances = await Promise.all([1, 2, 3].map(() => startInstance(cli.bin, store, ['--oidc'])));
    started.push(...instances);
    const url = instances[0]!.url;
    const code = await enrollOverHttp(url);
    await call(url, 'POST', '/control/oidc/clients', { client_id: 'race', redirect_uris: [REDIRECT] });
    for (let round = 0; round < 8; round++) {
      await call(url, 'POST', '/control/clock/advance', { ms: 30_000 });
      const agent = new UserAgent();
      const start = new URL(`${url}/oidc/auth`);
      start.search = new URLSearchParams({
        client_id: 'race',
        response_type: 'code',
        scope: 'openid',
        redirect_uri: REDIRECT,
        code_challenge: CHALLENGE,
        code_challenge_method: 'S256',
      }).toString();
      const page = await agent.get(start);
      const second = await agent.post(page.url, formAction(page, '/password'), { username: USER, password: PASSWORD });
      const callback = await agent.post(second.url, formAction(second, '/code'), { code: await code() });
      const authorizationCode = new URL(callback.location!).searchParams.get('code')!;
      const answers = await Promise.all(
        instances.map(async (i) => {
          const response = await fetch(`${i.url}/oidc/token`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              grant_type: 'authorization_code',
              code: authorizationCode,
              redirect_uri: REDIRECT,
              client_id: 'race',
              code_verifier: VERIFIER,
            }).toString(),
          });
          return { status: response.status, body: (await response.json()) as Record<string, string> };
        }),
      );
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      expect(answers.filter((r) => r.status === 400).map((r) => r.body['error'])).toEqual([
        'invalid_grant',
        'invalid_grant',
      ]);
    }
  });
});

describe('the --oidc flags', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli.bin, 'serve', '--port', '0', ...args], { encoding: 'utf8', timeout: 60_000 });

  it.each([
    [['--oidc'], '--oidc needs --api'],
    [['--api', '--oidc-issuer', 'http://127.0.0.1:1'], '--oidc-issuer needs --oidc'],
    [['--api', '--oidc-acr', 'x'], '--oidc-acr needs --oidc'],
    [['--api', '--oidc', '--oidc-issuer', 'http://127.0.0.1:1/?x'], '"issuer" must be an http(s) URL'],
    [['--api', '--oidc', '--oidc-acr', 'with space'], '"acr" must be 1 to 200 printable ASCII characters'],
  ])('%j exits 2 with one line naming the problem', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
