// The authorization code flow with PKCE, openid-client as the relying party over real HTTP.
import * as client from 'openid-client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACR, SIGN_IN_AMR } from '../../src/node/index.js';
import {
  EMAIL,
  REDIRECT,
  USER,
  UserAgent,
  authorization,
  enroll,
  relyingParty,
  signIn,
  startLab,
  type OidcLab,
} from './support.js';

let lab: OidcLab;
afterEach(async () => lab?.close());

describe('the OpenID Connect front: authorization code flow', () => {
  it('signs in with the password and the app code; the ID token and userinfo carry the account', async () => {
    lab = await startLab();
    const code = await enroll(lab);
    const config = await relyingParty(lab);
    expect(config.serverMetadata().issuer).toBe(lab.issuer);
    expect(config.serverMetadata().code_challenge_methods_supported).toEqual(['S256']);
    const { url, verifier, state } = await authorization(config);
    const callback = await signIn(new UserAgent(), url, code);
    expect(callback.location).toMatch(new RegExp(`^${REDIRECT}\\?code=`));
    const tokens = await client.authorizationCodeGrant(config, new URL(callback.location!), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const claims = tokens.claims()!;
    expect(claims.iss).toBe(lab.issuer);
    expect(claims.aud).toBe('test-app');
    expect(claims.sub).toMatch(/^[0-9a-f]{32}$/);
    expect(claims.sub).not.toContain(USER);
    expect(claims['preferred_username']).toBe(USER);
    expect(claims['email']).toBe(EMAIL);
    expect(claims['amr']).toEqual([...SIGN_IN_AMR]);
    expect(claims['amr']).toEqual(['pwd', 'otp', 'mfa']);
    expect(claims['acr']).toBe(DEFAULT_ACR);
    // auth_time is the simulated time of the sign-in (2025), not the real time.
    expect(claims.auth_time).toBe(Math.floor(lab.clock.now() / 1000));
    expect(Math.abs(claims.auth_time! * 1000 - Date.now())).toBeGreaterThan(86_400_000);
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(info).toMatchObject({ sub: claims.sub, preferred_username: USER, email: EMAIL });
  });

  it('gives the same sub to the same account every time, and another to another account', async () => {
    lab = await startLab();
    const codes: Record<string, () => string> = {
      [USER]: await enroll(lab),
      'nagy.eva': await enroll(lab, 'nagy.eva'),
    };
    const config = await relyingParty(lab);
    const subs: string[] = [];
    for (const username of [USER, 'nagy.eva', USER]) {
      const { url, verifier, state } = await authorization(config);
      const callback = await signIn(new UserAgent(), url, codes[username]!, { username });
      await lab.clock.advanceBy(30_000);
      const tokens = await client.authorizationCodeGrant(config, new URL(callback.location!), {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
      subs.push(tokens.claims()!.sub);
    }
    expect(subs[0]).toBe(subs[2]);
    expect(subs[1]).not.toBe(subs[0]);
  });
});
