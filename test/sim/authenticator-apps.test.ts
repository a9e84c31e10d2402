// The authenticator-app personas: what each makes of a key URI, a typed key and its own export.
// Codes are checked against otpauth, an independent TOTP implementation, so "the SHA-1-only app
// shows SHA-1, 6-digit, 30-second codes for a SHA-256/8/60 key" is measured, not assumed.
import fc from 'fast-check';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  AUTHENTICATOR_APPS,
  InvalidArgumentError,
  InvalidStateError,
  buildKeyUri,
  createAuthenticator,
  manualClock,
  parseKeyUri,
  type AuthenticatorAppId,
} from '../../src/index.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const START = Date.UTC(2025, 0, 16, 8, 0, 10);
const APPS = Object.keys(AUTHENTICATOR_APPS) as AuthenticatorAppId[];
const bank = buildKeyUri({
  issuer: 'Példa Bank',
  account: 'kovacs.janos',
  secret: SECRET,
  algorithm: 'SHA256',
  digits: 8,
  period: 60,
});

const otp = (time: number, algorithm: string, digits: number, period: number, secret = SECRET) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm, digits, period }).generate({ timestamp: time });

const phoneWith = (app: AuthenticatorAppId, time = START) => createAuthenticator({ clock: manualClock(time), app });

describe('authenticator-app personas', () => {
  it('the faithful app shows the SHA-256, 8-digit, 60-second code the key asks for', () => {
    const phone = phoneWith('faithful');
    const { account } = phone.addKeyUri(bank);
    expect(account).toMatchObject({ algorithm: 'SHA256', digits: 8, period: 60 });
    expect(account.code).toBe(otp(START, 'SHA256', 8, 60));
  });

  it('the SHA-1-only app reads the same QR code without complaint and shows a SHA-1, 6-digit, 30-second code', () => {
    const phone = phoneWith('sha1-only');
    const added = phone.addKeyUri(bank);
    expect(added.status).toBe('added');
    expect(added.account).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 });
    expect(added.account.code).toBe(otp(START, 'SHA1', 6, 30));
    expect(added.account.code).not.toBe(otp(START, 'SHA256', 8, 60).slice(-6));
    // A typed key with the same parameters fares no better.
    const typed = phone.addManually({ issuer: 'Másik', account: 'x', secret: SECRET, algorithm: 'SHA512', digits: 8 });
    expect(typed.account).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 });
  });

  it('every app shows the same code for a plain SHA-1, 6-digit, 30-second key, as Ügyfélkapu+ issues', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 32 }),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        (bytes, time) => {
          const secret = new Secret({ buffer: bytes.slice().buffer }).base32;
          const uri = buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret });
          const codes = APPS.map((app) => phoneWith(app, time).addKeyUri(uri).account.code);
          expect(new Set(codes)).toEqual(new Set([otp(time, 'SHA1', 6, 30, secret)]));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('the scan-only app has no manual key entry, but scans and opens key links', () => {
    const phone = phoneWith('scan-only');
    expect(() => phone.addManually({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: SECRET })).toThrow(
      InvalidStateError,
    );
    phone.language = 'hu';
    expect(() => phone.addManually({ account: 'kovacs.janos', secret: SECRET })).toThrow(/nincs kézi kulcsbevitel/);
    expect(phone.list()).toEqual([]);
    expect(phone.addKeyUri(bank).account.code).toBe(otp(START, 'SHA256', 8, 60));
  });

  it('the lossy-export app shows the right code, but its export drops the period: the copy shows wrong codes', () => {
    const source = phoneWith('lossy-export');
    source.addKeyUri(bank);
    expect(source.list()[0]!.code).toBe(otp(START, 'SHA256', 8, 60));
    const exported = source.exportUriList();
    expect(parseKeyUri(exported.trim())).toMatchObject({ algorithm: 'SHA256', digits: 8, period: 30 });
    const copy = phoneWith('faithful');
    copy.importText(exported);
    expect(copy.list()[0]!.code).toBe(otp(START, 'SHA256', 8, 30));
    expect(copy.list()[0]!.code).not.toBe(otp(START, 'SHA256', 8, 60));
    // Its transfer QR codes carry the account although the format has no period; the faithful app refuses to.
    expect(source.exportMigration()).toHaveLength(1);
    const faithful = phoneWith('faithful');
    faithful.addKeyUri(bank);
    expect(() => faithful.exportMigration()).toThrow(/no period field/);
    expect(parseKeyUri(faithful.exportUriList().trim()).period).toBe(60);
  });

  it('keeps the app in its saved state, and names the apps there are for a wrong id', () => {
    const phone = phoneWith('sha1-only');
    const restored = createAuthenticator({ clock: manualClock(START), state: JSON.stringify(phone.toJSON()) });
    expect(restored.app.id).toBe('sha1-only');
    expect(createAuthenticator({ clock: manualClock(START), state: phone.toJSON(), app: 'faithful' }).app.id).toBe(
      'faithful',
    );
    expect(phoneWith('faithful').app).toBe(AUTHENTICATOR_APPS.faithful);
    expect(createAuthenticator({ clock: manualClock(START) }).app.id).toBe('faithful');
    expect(() => createAuthenticator({ clock: manualClock(START), app: 'authy' as never })).toThrow(
      new InvalidArgumentError('"app" must be one of faithful, sha1-only, scan-only, lossy-export, got "authy"'),
    );
    expect(() => createAuthenticator({ clock: manualClock(START), state: { ...phone.toJSON(), app: 7 } })).toThrow(
      /phone state app/,
    );
    expect(Object.isFrozen(AUTHENTICATOR_APPS.faithful.reads)).toBe(true);
  });
});
