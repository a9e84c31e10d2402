// The e-mail commands of `demo --interactive`: choosing e-mail, the mailed codes in the inbox
// (masked unless --show-secrets), logging in with one, and the password change an expired password needs.
import { describe, expect, it } from 'vitest';
import { playInteractive } from '../support/interactive.js';

const play = playInteractive;

const mailLines = (text: string) => text.split('\n').filter((l) => l.startsWith('  │ '));
// One code a minute at most: the login code is asked for a minute after the setup code.
const EMAIL_LOGIN = [
  'register',
  'email',
  'inbox',
  'open',
  'email-confirm mail',
  '+1m',
  'send-code',
  'open',
  'login mail',
];

describe('interactive demo: the e-mail factor', () => {
  it('chooses e-mail, reads the mailed codes (masked) and logs in with the newest', async () => {
    const r = await play('en', [...EMAIL_LOGIN, 'quit']);
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/\[site\] ✓ We have e-mailed you a confirmation code\. Session number: \d{3}\./);
    expect(r.text).toContain('[site] ✓ Ügyfélkapu+ is set up with e-mail codes.');
    expect(r.text).toMatch(/\[site\] ✓ We have e-mailed you a verification code\. Session number: \d{3}\./);
    expect(r.text).toContain('[site] ✓ Signed in.');
    expect(r.text).toMatch(/ {2}1\. \d\d:\d\d:\d\d {2}\S/);
    const lines = mailLines(r.text);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain('••••••');
    expect(lines.join('\n')).not.toMatch(/\b\d{6}\b/);
    expect(r.text).toContain('(the code is hidden; --show-secrets shows it, login mail types it)');
  });

  it('shows the code with --show-secrets, and a wrong code is refused with the real text', async () => {
    const r = await play('en', [...EMAIL_LOGIN.slice(0, 7), 'open', 'login 000000', 'quit'], '--show-secrets');
    expect(mailLines(r.text).join('\n')).toMatch(/\b\d{6}\b/);
    expect(r.text).not.toContain('••••••');
    expect(r.text).toMatch(/\[site\] ✗ /);
  });

  it('speaks Hungarian, with the real wrong-code text on the code step', async () => {
    const r = await play('hu', ['help', 'inbox', 'register', 'email', 'email-confirm 000000', 'quit']);
    expect(r.text).toContain('email-confirm <kód>');
    expect(r.text).toContain('(a postafiók üres)');
    expect(r.text).toContain('[oldal] ✗ A megadott hitelesítő kód helytelen!');
    expect(r.text).not.toMatch(/\b(inbox is empty|First: email)\b/);
  });

  it('tells the order of steps and the usage', async () => {
    const r = await play('en', ['email-confirm 123456', 'open', 'password', 'quit']);
    expect(r.text).toContain('✗ First: email (or email-redeem).');
    expect(r.text).toContain('✗ open [n] (n as numbered by inbox)');
    expect(r.text).toContain('✗ password <new password>');
  });
});

describe('interactive demo: password age', () => {
  it('warns before expiry, requires a change at expiry, and the new password works', async () => {
    const r = await play('en', [
      ...EMAIL_LOGIN,
      'time +720d',
      'send-code',
      'time +11d',
      'send-code',
      'password Nyári-Zápor-2027',
      'send-code',
      'login mail',
      'quit',
    ]);
    expect(r.text).toMatch(/Your password expires in \d+ days\. Please change it\./);
    expect(r.text).toContain('[site] ✗ Your password has expired. Set a new password to sign in.');
    expect(r.text).toContain('[site] ✓ Your password has been changed.');
    expect(r.text.split('[site] ✓ Signed in.').length).toBe(3);
    expect(r.text).not.toContain('Nyári-Zápor-2027');
  });
});
