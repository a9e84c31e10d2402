// The same sign-in from Python's standard library (examples/oidc-app/login_forms.py): urllib with
// a cookie jar follows the pages' HTML forms, redeems the code with PKCE, checks the ID token's
// RS256 signature with its own arithmetic, and reads userinfo. No browser, no script on the pages.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES_HU } from '../../src/index.js';
import { PASSWORD, REDIRECT, USER, enroll, relyingParty, startLab, type OidcLab } from './support.js';

const SCRIPT = 'examples/oidc-app/login_forms.py';
let lab: OidcLab;
afterEach(async () => lab?.close());

/** Runs the script; the password and code go on standard input, as the script asks. */
function python(args: string[], secrets: { password: string; code: string }): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [SCRIPT, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`python3 exited with ${code}: ${err}`));
      resolve(JSON.parse(out));
    });
    child.stdin.end(JSON.stringify(secrets));
  });
}

describe('Python’s standard library through the sign-in forms', () => {
  it('signs in with the password and the app code, and gets a correctly signed ID token', async () => {
    lab = await startLab();
    const code = await enroll(lab);
    await relyingParty(lab, 'python-app');
    const result = await python([lab.issuer, 'python-app', REDIRECT, USER], { password: PASSWORD, code: code() });
    expect(result.signed_in).toBe(true);
    expect(result.signature_valid).toBe(true);
    expect(result.claims).toMatchObject({
      iss: lab.issuer,
      aud: 'python-app',
      preferred_username: USER,
      amr: ['pwd', 'otp', 'mfa'],
      auth_time: Math.floor(lab.clock.now() / 1000),
    });
    expect(result.userinfo).toMatchObject({ sub: result.claims.sub, preferred_username: USER });
    expect(result.pages.map((p: { title: string }) => p.title)).toContain('Ügyfélkapu+ azonosítás 2. lépés');
  });

  it('sees the generic refusal page for a wrong password, in English when it asks for it', async () => {
    lab = await startLab();
    const code = await enroll(lab);
    await relyingParty(lab, 'python-app');
    const hu = await python([lab.issuer, 'python-app', REDIRECT, USER], { password: 'wrong', code: code() });
    expect(hu.signed_in).toBe(false);
    expect(hu.pages.at(-1)).toEqual({
      status: 401,
      title: 'Ügyfélkapu+ azonosítás',
      alerts: [MESSAGES_HU['login.refused']],
    });
    const en = await python([lab.issuer, 'python-app', REDIRECT, USER, 'en'], { password: 'wrong', code: code() });
    expect(en.pages.at(-1).title).toBe('Ügyfélkapu+ sign-in');
    expect(en.pages.at(-1).alerts[0]).toMatch(/^The username or the password is incorrect/);
  });
});
