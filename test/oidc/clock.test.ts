// What follows the simulated clock: auth_time, and the life of codes, access tokens and sessions
// (moving the clock forward expires them). What does not: the iat and exp oidc-provider writes into
// the ID token, which stay on the real time a relying party checks them against.
import * as client from 'openid-client';
import { afterEach, describe, expect, it } from 'vitest';
import { REDIRECT, UserAgent, authorization, enroll, relyingParty, signIn, startLab, type OidcLab } from './support.js';

let lab: OidcLab;
afterEach(async () => lab?.close());

async function signedIn(config: client.Configuration, phone: () => string, extra: Record<string, string> = {}) {
  const request = await authorization(config, extra);
  const agent = new UserAgent();
  const callback = await signIn(agent, request.url, phone);
  return { agent, request, callback: new URL(callback.location!) };
}

const redeem = (config: client.Configuration, s: Awaited<ReturnType<typeof signedIn>>) =>
  client.authorizationCodeGrant(config, s.callback, {
    pkceCodeVerifier: s.request.verifier,
    expectedState: s.request.state,
  });

describe('the front on a moved simulated clock', () => {
  it('stamps auth_time with the simulated time of each sign-in; amr stays the same', async () => {
    lab = await startLab();
    const phone = await enroll(lab);
    const config = await relyingParty(lab);
    // Forward only: an earlier time step is a replayed code to the provider (RFC 6238 §5.2), and
    // past two years the password expires.
    for (const time of [Date.UTC(2025, 7, 4, 12, 0, 0), Date.UTC(2026, 1, 27, 6, 30, 0)]) {
      await lab.clock.setTime(time);
      const tokens = await redeem(config, await signedIn(config, phone));
      const claims = tokens.claims()!;
      expect(claims.auth_time).toBe(time / 1000);
      expect(claims['amr']).toEqual(['pwd', 'otp', 'mfa']);
      // iat/exp are oidc-provider's own, on the real time.
      expect(Math.abs(claims.iat * 1000 - Date.now())).toBeLessThan(120_000);
    }
  });

  it('expires an authorization code when the clock passes its 60 seconds', async () => {
    lab = await startLab();
    const phone = await enroll(lab);
    const config = await relyingParty(lab);
    const s = await signedIn(config, phone);
    await lab.clock.advanceBy(61_000);
    await expect(redeem(config, s)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('expires an access token when the clock passes its 10 minutes', async () => {
    lab = await startLab();
    const phone = await enroll(lab);
    const config = await relyingParty(lab);
    const tokens = await redeem(config, await signedIn(config, phone));
    const sub = tokens.claims()!.sub;
    await lab.clock.advanceBy(9 * 60_000);
    expect((await client.fetchUserInfo(config, tokens.access_token, sub)).sub).toBe(sub);
    await lab.clock.advanceBy(61_000);
    await expect(client.fetchUserInfo(config, tokens.access_token, sub)).rejects.toMatchObject({ status: 401 });
  });

  it('keeps the session for 30 minutes of simulated time: a second authorization needs no pages until then', async () => {
    lab = await startLab();
    const phone = await enroll(lab);
    const config = await relyingParty(lab);
    const first = await signedIn(config, phone);
    const again = async () => first.agent.get((await authorization(config)).url);
    await lab.clock.advanceBy(29 * 60_000);
    expect((await again()).location).toMatch(new RegExp(`^${REDIRECT}\\?code=`));
    await lab.clock.advanceBy(31 * 60_000);
    const page = await again();
    expect(page.location).toBeNull();
    expect(page.html).toContain('name="password"');
  });
});

describe('the keys after a reset of the store', () => {
  it('are put back by the running instance, which goes on signing with them', async () => {
    lab = await startLab();
    const before = await (await fetch(`${lab.url}/oidc/jwks`)).json();
    expect((await lab.control('POST', '/control/reset')).status).toBe(200);
    expect(await (await fetch(`${lab.url}/oidc/jwks`)).json()).toEqual(before);
    const phone = await enroll(lab);
    const config = await relyingParty(lab);
    const tokens = await redeem(config, await signedIn(config, phone));
    expect(tokens.claims()!.preferred_username).toBe('kovacs.janos');
  });
});
