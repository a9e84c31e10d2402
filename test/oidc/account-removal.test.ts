// What the front keeps of an account ends with it: after DELETE /control/accounts/{username}, or
// a POST that replaces the account, a browser signed in as the old account is asked to sign in
// again, its access tokens are refused at userinfo, its unredeemed codes at the token endpoint, the
// new account of the same name gets a new `sub`, and nothing of the old one stays under `oidc:`.
// On every store the front runs on: memory, SQLite, and PostgreSQL when a server is given.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as client from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore, type Store } from '../../src/index.js';
import { openPostgresStore, openSqliteStore } from '../../src/node/index.js';
import {
  PASSWORD,
  UserAgent,
  authorization,
  formAction,
  relyingParty,
  signIn,
  startLab,
  type OidcLab,
} from './support.js';

const ANNA = 'anna';
const NEW_PASSWORD = 'Új-Jelszó-2027';
const PG = process.env['TOTP_LAB_TEST_POSTGRES_URL'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-oidc-removal-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

let lab: OidcLab;
afterEach(async () => lab?.close());

const stores: Array<[string, () => Promise<Store>]> = [
  ['memory', async () => new MemoryStore()],
  ['SQLite', () => openSqliteStore(join(dir, `removal-${Math.random().toString(36).slice(2)}.db`))],
];
if (PG !== undefined && PG !== '')
  stores.push(['PostgreSQL', () => openPostgresStore(PG, { table: `oidc_rm_${process.pid}_${Date.now() % 1e6}` })]);

/** Puts anna in through the control API, as a new account or replacing the one there. */
async function putAnna(password = PASSWORD): Promise<void> {
  const put = await lab.control('POST', '/control/accounts', { username: ANNA, password, email: 'anna@example.hu' });
  expect(put.status).toBe(201);
}

/** Anna's app code on the next time step (a code is accepted once). */
async function annaCode(): Promise<string> {
  await lab.clock.advanceBy(30_000);
  const answer = await lab.control('GET', `/control/accounts/${ANNA}/code`);
  expect(answer.status).toBe(200);
  return answer.body.code;
}

/** Signs anna in on `agent`; returns what the relying party gets from the callback. */
async function signInAnna(config: client.Configuration, agent: UserAgent, password = PASSWORD) {
  const code = await annaCode();
  const request = await authorization(config);
  const callback = await signIn(agent, request.url, () => code, { username: ANNA, password });
  expect(callback.location).toContain('code=');
  return { request, callback: new URL(callback.location!) };
}

const redeem = (
  config: client.Configuration,
  { request, callback }: { request: { verifier: string; state: string }; callback: URL },
) =>
  client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state });

/** An authorization on a browser already signed in: the callback (no page shown), or the page. */
async function authorizeAgain(config: client.Configuration, agent: UserAgent, extra: Record<string, string> = {}) {
  const request = await authorization(config, extra);
  const seen = await agent.get(request.url);
  return { request, seen, callback: seen.location === null ? null : new URL(seen.location) };
}

/** Userinfo for an access token, as the relying party asks for it. */
async function userinfo(config: client.Configuration, accessToken: string, sub: string) {
  return client.fetchUserInfo(config, accessToken, sub).then(
    (claims) => ({ status: 200, error: null as string | null, claims }),
    (error: client.WWWAuthenticateChallengeError) => ({
      status: error.status,
      error: error.cause?.[0]?.parameters?.error ?? null,
      claims: null,
    }),
  );
}

/** Every `oidc:` entry (clients and keys aside) whose stored text names `sub` or the account. */
async function leftoversOf(store: Store, sub: string): Promise<string[]> {
  const found: string[] = [];
  for (const key of await store.keys('oidc:')) {
    if (key.startsWith('oidc:client:') || key === 'oidc:keys') continue;
    const text = key + JSON.stringify(await store.get(key));
    if (text.includes(sub) || text.includes(`"${ANNA}"`) || key.endsWith(`:${ANNA}`)) found.push(key);
  }
  return found;
}

/**
 * Anna signed in on a browser of a relying party, on a new lab on `store`: her tokens, and a code of
 * a later authorization (the session, no pages) not redeemed yet.
 */
async function annaSignedIn(store: Store) {
  lab = await startLab({ store });
  await putAnna();
  const config = await relyingParty(lab);
  const agent = new UserAgent();
  const tokens = await redeem(config, await signInAnna(config, agent));
  await lab.clock.advanceBy(30_000);
  const unredeemed = await authorizeAgain(config, agent);
  expect(unredeemed.callback?.searchParams.get('code')).toBeTruthy();
  return { config, agent, tokens, sub: tokens.claims()!.sub, unredeemed };
}

/** What the old account had no longer works: the browser sees the password page, its token and code are refused. */
async function expectEnded({ config, agent, tokens, sub, unredeemed }: Awaited<ReturnType<typeof annaSignedIn>>) {
  const again = await authorizeAgain(config, agent);
  expect(again.callback).toBeNull();
  expect(again.seen.status).toBe(200);
  expect(again.seen.html).toContain('name="password"');
  expect(await userinfo(config, tokens.access_token, sub)).toMatchObject({ status: 401, error: 'invalid_token' });
  await expect(redeem(config, { request: unredeemed.request, callback: unredeemed.callback! })).rejects.toMatchObject({
    error: 'invalid_grant',
  });
}

describe.each(stores)('an account removed over the control API (%s store)', (_name, openStore) => {
  it('takes its browser session, tokens, codes and stored entries with it', async () => {
    const anna = await annaSignedIn(await openStore());
    expect((await lab.control('DELETE', `/control/accounts/${ANNA}`)).status).toBe(200);
    expect(await leftoversOf(lab.store, anna.sub)).toEqual([]);
    await expectEnded(anna);
    const silent = await authorizeAgain(anna.config, anna.agent, { prompt: 'none' });
    expect(silent.callback?.searchParams.get('error')).toBe('login_required');
  });

  it('re-created with the same name: a new account with a new sub, which must sign in itself', async () => {
    const anna = await annaSignedIn(await openStore());
    expect((await lab.control('DELETE', `/control/accounts/${ANNA}`)).status).toBe(200);
    await putAnna(NEW_PASSWORD);
    await expectEnded(anna);
    const fresh = await redeem(anna.config, await signInAnna(anna.config, anna.agent, NEW_PASSWORD));
    expect(fresh.claims()!.sub).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.claims()!.sub).not.toBe(anna.sub);
    expect(fresh.claims()!['preferred_username']).toBe(ANNA);
  });

  it('replaced by a POST of the same name: the same as removed and re-created', async () => {
    const anna = await annaSignedIn(await openStore());
    await putAnna(NEW_PASSWORD);
    expect(await leftoversOf(lab.store, anna.sub)).toEqual([]);
    await expectEnded(anna);
    const fresh = await redeem(anna.config, await signInAnna(anna.config, anna.agent, NEW_PASSWORD));
    expect(fresh.claims()!.sub).not.toBe(anna.sub);
  });

  it('a sign-in waiting at the code page starts again at the password when the account is re-created', async () => {
    lab = await startLab({ store: await openStore() });
    await putAnna();
    const config = await relyingParty(lab);
    const agent = new UserAgent();
    const page = await agent.get((await authorization(config)).url);
    const codePage = await agent.post(page.url, formAction(page, '/password'), { username: ANNA, password: PASSWORD });
    expect(codePage.html).toContain('name="code"');

    expect((await lab.control('DELETE', `/control/accounts/${ANNA}`)).status).toBe(200);
    await putAnna(NEW_PASSWORD);

    // The new account's code without its password: the old password must not carry over.
    const late = await agent.post(codePage.url, formAction(codePage, '/code'), { code: await annaCode() });
    expect(late.location).toBeNull();
    expect(late.status).toBe(401);
    expect(late.html).toContain('name="password"');
  });

  it('a session a request in flight saves back after the removal still asks for the password', async () => {
    const { config, agent } = await annaSignedIn(await openStore());
    const sessions = new Map<string, unknown>();
    for (const key of await lab.store.keys('oidc:Session:')) sessions.set(key, await lab.store.get(key));
    expect(sessions.size).toBe(1);

    expect((await lab.control('DELETE', `/control/accounts/${ANNA}`)).status).toBe(200);
    await putAnna(NEW_PASSWORD);
    // An authorization that read the session before the removal writes it back after.
    for (const [key, value] of sessions) await lab.store.update(key, () => value as never);

    const again = await authorizeAgain(config, agent);
    expect(again.callback).toBeNull();
    expect(again.seen.html).toContain('name="password"');
  });

  it('removed by code alone (provider.removeAccount): the session asks for the password, no error page', async () => {
    const { config, agent } = await annaSignedIn(await openStore());
    expect(await lab.provider.removeAccount(ANNA)).toMatchObject({ ok: true });

    const again = await authorizeAgain(config, agent);
    expect(again.seen.status).toBe(200);
    expect(again.seen.html).toContain('name="password"');
    const silent = await authorizeAgain(config, agent, { prompt: 'none' });
    expect(silent.callback?.searchParams.get('error')).toBe('login_required');
  });
});
