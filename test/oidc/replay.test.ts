// An authorization code is redeemed once: on one instance, on another instance on one SQLite store,
// and on PostgreSQL, also when two instances are asked at the same moment (for SQLite, separate
// processes race in instances.test.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as client from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/index.js';
import { openPostgresStore, openSqliteStore } from '../../src/node/index.js';
import {
  REDIRECT,
  T0,
  UserAgent,
  authorization,
  enroll,
  relyingParty,
  signIn,
  startLab,
  type OidcLab,
} from './support.js';

const labs: OidcLab[] = [];
afterEach(async () => {
  await Promise.all(labs.splice(0).map((l) => l.close()));
});

/** Enrolls the account on `lab`, signs in and returns the callback and what the relying party kept. */
async function codeFrom(lab: OidcLab) {
  const phone = await enroll(lab);
  const config = await relyingParty(lab);
  return { config, phone, ...(await signInAgain(lab, config, phone)) };
}

/** Another sign-in of the enrolled account, on the next time step (a code works once). */
async function signInAgain(lab: OidcLab, config: client.Configuration, phone: () => string) {
  await lab.clock.advanceBy(30_000);
  const request = await authorization(config);
  const callback = await signIn(new UserAgent(), request.url, phone);
  expect(callback.location).toContain('code=');
  return { request, callback: new URL(callback.location!) };
}

const redeem = (config: client.Configuration, callback: URL, request: { verifier: string; state: string }) =>
  client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state });

/** The token endpoint's answer to a raw code redemption (no client library in between). */
async function rawRedeem(lab: OidcLab, code: string, verifier: string) {
  const response = await fetch(`${lab.url}/oidc/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'test-app',
      code_verifier: verifier,
    }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('an authorization code is redeemed once', () => {
  it('on one instance: the second redemption is invalid_grant and the first tokens are revoked', async () => {
    const lab = await startLab();
    labs.push(lab);
    const { config, request, callback } = await codeFrom(lab);
    const tokens = await redeem(config, callback, request);
    await expect(redeem(config, callback, request)).rejects.toMatchObject({ error: 'invalid_grant' });
    // RFC 6749 §4.1.2: the tokens issued for a code used twice are revoked.
    await expect(client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)).rejects.toMatchObject({
      status: 401,
    });
  });
});

describe('on one SQLite store shared by two instances', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'totp-lab-oidc-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('a code redeemed on one instance is refused on the other, which signs with the same key', async () => {
    const file = join(dir, 'shared.db');
    const a = await startLab({ store: await openSqliteStore(file) });
    const b = await startLab({ store: await openSqliteStore(file) });
    labs.push(a, b);
    const jwks = async (l: OidcLab) => (await fetch(`${l.url}/oidc/jwks`)).json();
    expect(await jwks(a)).toEqual(await jwks(b));
    const { request, callback } = await codeFrom(a);
    const code = callback.searchParams.get('code')!;
    const first = await rawRedeem(b, code, request.verifier);
    expect(first.status).toBe(200);
    expect(first.body['id_token']).toBeTypeOf('string');
    const again = await rawRedeem(a, code, request.verifier);
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

const PG = process.env['TOTP_LAB_TEST_POSTGRES_URL'];
describe('on one PostgreSQL store shared by two instances', () => {
  if (PG === undefined || PG === '') {
    it('is not tested: set TOTP_LAB_TEST_POSTGRES_URL to a postgres:// URL to run it', () => {
      console.warn('OpenID Connect PostgreSQL tests SKIPPED: TOTP_LAB_TEST_POSTGRES_URL is not set (.ci/run sets it)');
      expect(PG ?? '').toBe('');
    });
    return;
  }
  it('a code redeemed on one instance is refused on the other, also when both are asked at once', async () => {
    const table = `oidc_${process.pid}_${Date.now() % 100_000}`;
    const open = () => openPostgresStore(PG, { table });
    const a = await startLab({ store: await open(), base: manualClock(T0) });
    const b = await startLab({ store: await open(), base: manualClock(T0) });
    labs.push(a, b);
    const { config, phone, request, callback } = await codeFrom(a);
    const code = callback.searchParams.get('code')!;
    expect((await rawRedeem(b, code, request.verifier)).status).toBe(200);
    expect(await rawRedeem(a, code, request.verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const second = await signInAgain(a, config, phone);
    const next = second.callback.searchParams.get('code')!;
    const answers = await Promise.all([
      rawRedeem(a, next, second.request.verifier),
      rawRedeem(b, next, second.request.verifier),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
  });
});
