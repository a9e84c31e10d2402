// Bad input gets the error the specifications name (RFC 6749 §4.1.2.1 and §5.2, RFC 7636 §4.4.1,
// OIDC Core §3.1.2.6) or the generic refusal page, never a stack trace.
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT, UserAgent, authorization, enroll, relyingParty, signIn, startLab, type OidcLab } from './support.js';

let lab: OidcLab;
let phone: () => string;
let publicApp: client.Configuration;
let confidentialApp: client.Configuration;
const SECRET = 'a-long-client-secret-0123456789';

beforeAll(async () => {
  lab = await startLab();
  phone = await enroll(lab);
  publicApp = await relyingParty(lab);
  confidentialApp = await relyingParty(lab, 'confidential-app', SECRET);
});
afterAll(async () => lab?.close());

/** A fresh code for `config`'s client, and what the relying party kept for it. */
async function freshCode(config: client.Configuration, extra: Record<string, string> = {}) {
  await lab.clock.advanceBy(30_000);
  const request = await authorization(config, extra);
  const callback = await signIn(new UserAgent(), request.url, phone);
  return {
    request,
    callback: new URL(callback.location!),
    code: new URL(callback.location!).searchParams.get('code')!,
  };
}

async function token(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${lab.url}/oidc/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await response.text();
  expect(text).not.toMatch(/\n\s+at /);
  return { status: response.status, body: JSON.parse(text) as Record<string, string> };
}

/** An authorization request sent by hand, as a browser would. */
async function authorize(params: Record<string, string>) {
  const url = new URL(`${lab.url}/oidc/auth`);
  url.search = new URLSearchParams(params).toString();
  const response = await fetch(url, { redirect: 'manual', headers: { Accept: 'text/html' } });
  const html = await response.text();
  expect(html).not.toMatch(/\n\s+at /);
  return { status: response.status, location: response.headers.get('location'), html };
}

const valid = {
  client_id: 'test-app',
  response_type: 'code',
  scope: 'openid',
  redirect_uri: REDIRECT,
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
};

describe('the authorization endpoint', () => {
  it('shows an unregistered redirect URI on an error page and never redirects to it', async () => {
    const answer = await authorize({ ...valid, redirect_uri: 'http://127.0.0.1:9/elsewhere' });
    expect(answer.status).toBe(400);
    expect(answer.location).toBeNull();
    expect(answer.html).toContain('<code>invalid_redirect_uri</code>');
    expect(answer.html).toContain('Hiba történt');
  });

  it('shows an unknown client on an error page', async () => {
    const answer = await authorize({ ...valid, client_id: 'nobody' });
    expect(answer.status).toBe(400);
    expect(answer.location).toBeNull();
    expect(answer.html).toContain('<code>invalid_client</code>');
  });

  it('sends a public client without PKCE back with invalid_request', async () => {
    const { code_challenge: _c, code_challenge_method: _m, ...withoutPkce } = valid;
    const answer = await authorize(withoutPkce);
    const back = new URL(answer.location!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses the plain PKCE method (only S256)', async () => {
    const answer = await authorize({ ...valid, code_challenge_method: 'plain' });
    expect(new URL(answer.location!).searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a response type other than code', async () => {
    const answer = await authorize({ ...valid, response_type: 'token' });
    // The token response type answers in the fragment (OAuth 2.0 Multiple Response Types §2.1).
    const fragment = new URLSearchParams(new URL(answer.location!).hash.slice(1));
    expect(fragment.get('error')).toBe('unsupported_response_type');
  });

  it('answers a request without a client_id on the error page', async () => {
    const answer = await authorize({ response_type: 'code' });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('<code>invalid_request</code>');
  });
});

describe('the token endpoint', () => {
  it('refuses a code with the wrong PKCE verifier', async () => {
    const { code } = await freshCode(publicApp);
    const answer = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'test-app',
      code_verifier: 'x'.repeat(43),
    });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a code redeemed with another redirect URI than it was issued for', async () => {
    const { code, request } = await freshCode(publicApp);
    const answer = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://127.0.0.1:9/other',
      client_id: 'test-app',
      code_verifier: request.verifier,
    });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a confidential client with the wrong secret (invalid_client), and lets it in with the right one', async () => {
    const { code, request, callback } = await freshCode(confidentialApp);
    const basic = (secret: string) => `Basic ${Buffer.from(`confidential-app:${secret}`).toString('base64')}`;
    const fields = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: request.verifier };
    const wrong = await token(fields, { Authorization: basic('not-the-secret-at-all-0000') });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const tokens = await client.authorizationCodeGrant(confidentialApp, callback, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    expect(tokens.claims()!.aud).toBe('confidential-app');
  });

  it('lets a confidential client leave PKCE out (it is required for public clients only)', async () => {
    await lab.clock.advanceBy(30_000);
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(confidentialApp, { redirect_uri: REDIRECT, scope: 'openid', state });
    const callback = await signIn(new UserAgent(), url, phone);
    const tokens = await client.authorizationCodeGrant(confidentialApp, new URL(callback.location!), {
      expectedState: state,
    });
    expect(tokens.access_token).toBeTypeOf('string');
  });

  it('refuses an unknown grant type and a malformed request with the RFC 6749 error codes', async () => {
    expect(await token({ grant_type: 'password', client_id: 'test-app' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    expect(await token({ grant_type: 'authorization_code', client_id: 'test-app' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    expect(await token({ grant_type: 'authorization_code', code: 'x', client_id: 'nobody' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });
});

describe('the sign-in pages, given what no form sends', () => {
  it('answers an unknown or cookie-less sign-in with the error page', async () => {
    const answer = await fetch(`${lab.url}/oidc/login/doesnotexist`);
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain('<code>invalid_request</code>');
    expect(html).not.toMatch(/\n\s+at /);
    expect((await fetch(`${lab.url}/oidc/login/a/b/c`)).status).toBe(404);
    expect((await fetch(`${lab.url}/oidc/login/abc/password`)).status).toBe(405);
  });

  it('refuses a form that is not form-encoded, or too large, with the error page', async () => {
    const agent = new UserAgent();
    const page = await agent.get((await authorization(publicApp)).url);
    const action = new URL(/action="([^"]+\/password)"/.exec(page.html)![1]!, page.url);
    const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const send = (type: string, body: BodyInit) =>
      fetch(action, { method: 'POST', headers: { 'Content-Type': type, Cookie: cookie }, body });
    const json = await send('application/json', '{"username":"x"}');
    expect(json.status).toBe(415);
    expect(await json.text()).toContain('<code>invalid_request</code>');
    expect((await send('application/x-www-form-urlencoded', `password=${'x'.repeat(40_000)}`)).status).toBe(413);
    const notUtf8 = Buffer.from([...Buffer.from('username='), 0xff, 0xfe]);
    expect((await send('application/x-www-form-urlencoded', notUtf8)).status).toBe(400);
  });

  it('gives an empty username or password the generic refusal, not an error', async () => {
    const agent = new UserAgent();
    const page = await agent.get((await authorization(publicApp)).url);
    const refused = await agent.post(page.url, /action="([^"]+\/password)"/.exec(page.html)![1]!, {
      username: '',
      password: '',
    });
    expect(refused.status).toBe(401);
    expect(refused.html).toContain('A felhasználónév vagy a jelszó helytelen');
  });
});
