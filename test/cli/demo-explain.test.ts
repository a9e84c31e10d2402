// `demo --explain`: after each refused step, the hidden reason and what to tell the participant,
// from the provider's attempt trail; and the interactive demo's two-page login, its app selector,
// its audit log in the session's language and its long time jumps.
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { playInteractive } from '../support/interactive.js';

const play = playInteractive;

const ENROLLED = ['register', 'enroll', 'scan', 'confirm {code}', 'finish'];

describe('demo --explain', () => {
  it('prints why each refused step was refused and what to tell the participant', async () => {
    const r = await cli('demo', '--lang', 'en', '--scenario', 'activation-delay', '--explain', '--no-qr');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[why\] The setup was not active yet/);
    expect(r.stdout).toMatch(/\[tell\] Wait another \d+ s, then type the phone’s current code\./);
    const plain = await cli('demo', '--lang', 'en', '--scenario', 'activation-delay', '--no-qr');
    expect(plain.stdout).not.toContain('[why]');
  });

  it('speaks Hungarian, and writes explain events with --json', async () => {
    const hu = await cli('demo', '--lang', 'hu', '--scenario', 'clock-drift', '--explain', '--no-qr');
    expect(hu.stdout).toMatch(/\[mondja\] A telefon órája \d+ lépéssel késik/);
    const json = await cli('demo', '--lang', 'en', '--scenario', 'lockout', '--explain', '--json');
    const events = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; reason?: string; username?: string });
    const explained = events.filter((e) => e.type === 'explain');
    expect(explained.map((e) => e.reason)).toEqual(expect.arrayContaining(['wrong-password', 'locked', 'unlocked']));
    expect(explained.every((e) => e.username === 'kovacs.janos')).toBe(true);
  });

  it('names --lang, not --language, as the older name in the help', async () => {
    const r = await cli('demo', '--help');
    expect(r.stdout).toContain('(--lang is the older name, still accepted)');
    expect(r.stdout).not.toContain('--language is the older name');
    expect(r.stdout).toContain('--explain');
    const clash = await cli('demo', '--language', 'hu', '--lang', 'en', '--list');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--language and its older name --lang disagree');
  });
});

describe('interactive demo: the two pages of the login', () => {
  it('sends the password once, answers a wrong e-mail code with the code page’s text', async () => {
    const r = await play('en', [
      'register',
      'email',
      'email-confirm mail',
      '+1m',
      'send-code',
      'login 000000',
      // A wrong code holds the next one back for a second or two: the user reads the screen first.
      '+10s',
      'login 000001',
      '+10s',
      'login mail',
      'login mail',
    ]);
    expect(r.text.split('Ügyfélkapu+ azonosítás 2. lépés').length - 1).toBe(2);
    // Two wrong codes, and the used one typed again after the next password page.
    expect(r.text.split('[site] ✗ The verification code entered is incorrect!').length - 1).toBe(3);
    expect(r.text).toContain('[site] ✓ Signed in.');
    expect(r.text).not.toContain('The username or the password is incorrect');
  });

  it('after a refused app code only the code is typed again; with --explain it says why', async () => {
    const r = await play('hu', [...ENROLLED, 'login 000000', 'audit'], '--explain');
    expect(r.text.split('Ügyfélkapu+ azonosítás 2. lépés').length - 1).toBe(1);
    expect(r.text).toContain('[miért] ');
    expect(r.text).toMatch(/\d\d:\d\d:\d\d regisztráció/);
    expect(r.text).toMatch(/\d\d:\d\d:\d\d elutasított kód \(hibás kód\)/);
    expect(r.text).not.toMatch(/registered|second-factor-refused|wrong-code/);
  });
});

describe('interactive demo: apps and time', () => {
  it('installs another app on a phone, which then shows the wrong kind of code for a SHA-256 key', async () => {
    const r = await play('en', ['app', 'app tablet sha1-only', 'phones', 'app tablet nope']);
    expect(r.text).toMatch(/faithful {6}Faithful app: Honours every key parameter/);
    expect(r.text).toContain('✓ tablet: SHA-1-only app installed; its list is empty');
    expect(r.text).toContain('(app: SHA-1-only app)');
    expect(r.text).toContain('✗ app <phone|tablet> <app> (app lists them)');
  });

  it('shows long jumps in years, months and days, with the date reached', async () => {
    const r = await play('hu', ['time 2099-01-16T08:00:00Z', 'time +791d', 'time +2h', 'time +90s']);
    // 2099-01-16 + 791 days: two years to 2101-01-16 (neither 2099 nor 2100 is a leap year), 61 days more.
    expect(r.text).toContain('⏱ +2 év 2 hónap 2 nap → 2101. 03. 18. 09:00:00');
    expect(r.text).toMatch(/⏱ \+2 óra → \d\d:\d\d:\d\d/);
    expect(r.text).toMatch(/⏱ \+1 perc 30 mp → \d\d:\d\d:\d\d/);
    expect(r.text).not.toMatch(/\+\d{4,} (mp|nap)/);
  });
});
