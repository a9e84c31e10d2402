import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { cli } from '../support/cli.js';

describe('totp-lab demo', () => {
  it('plays every scenario and exits 0', async () => {
    const r = await cli('demo', '--lang', 'en', '--no-qr');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('19 of 19 scenarios behaved as expected.');
    expect(r.stdout).not.toContain('✗ expected');
  });

  it('speaks Hungarian and draws QR codes', async () => {
    const r = await cli('demo', '--lang', 'hu', '--scenario', 'happy-path');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('„Törlőkód mentéséről gondoskodtam”');
    expect(r.stdout).toContain('1/1 forgatókönyv viselkedett az elvárt módon.');
    expect(r.stdout).toMatch(/[▀▄█]{20}/);
    expect(r.stdout).not.toMatch(/otpauth:\/\//);
  });

  it('lists the scenarios', async () => {
    const r = await cli('demo', '--list', '--lang', 'en');
    expect(r.stdout.split('\n')).toHaveLength(19);
    expect(r.stdout).toContain('clock-drift');
  });

  it('writes a JSON log with the törlőkód and key masked unless asked', async () => {
    const hidden = await cli('demo', '--json', '--scenario', 'lost-phone');
    const events = hidden.stdout.split('\n').map((line) => JSON.parse(line));
    const codes = events.filter((e) => e.type === 'deletion-code').map((e) => e.code);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(/^\d{4}( •{4}){4}$/);
    for (const qr of events.filter((e) => e.type === 'qr')) expect(qr.text).toContain('secret=(hidden)');
    const shown = await cli('demo', '--json', '--scenario', 'lost-phone', '--show-secrets');
    const full = shown.stdout
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((e) => e.type === 'deletion-code');
    expect(full[0].code).toMatch(/^\d{4}( \d{4}){4}$/);
  });

  it('picks the language from the locale', async () => {
    const out: string[] = [];
    await run(['demo', '--list'], {
      out: (l) => out.push(l),
      err: () => {},
      env: { LANG: 'hu_HU.UTF-8' },
      isTty: false,
    });
    expect(out.join('\n')).toContain('Késik a telefon órája');
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    const out: string[] = [];
    await run(['demo', '--list'], { out: (l) => out.push(l), err: () => {}, env: {}, isTty: true });
    expect(out.join('')).toContain('\u001b[');
    const plain: string[] = [];
    await run(['demo', '--list'], { out: (l) => plain.push(l), err: () => {}, env: { NO_COLOR: '1' }, isTty: true });
    expect(plain.join('')).not.toContain('\u001b[');
  });

  it.each([
    [['--lang', 'de'], /--lang must be hu or en, got "de"/],
    [['--scenario', 'nope'], /unknown scenario "nope"/],
    [['--state', 'x.json'], /--state goes with --interactive/],
    [['extra'], /unexpected argument "extra"/],
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await cli('demo', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('plays interactively from typed lines', async () => {
    const out: string[] = [];
    const typed = ['register', 'enroll', 'scan', 'phones', 'login 000000', 'audit', 'bogus', 'quit'];
    const code = await run(['demo', '--interactive', '--lang', 'en'], {
      out: (l) => out.push(l),
      err: () => {},
      env: {},
      isTty: false,
      lines: async function* () {
        yield* typed;
      },
    });
    const text = out.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('✓ Registered.');
    expect(text).toMatch(/\[phone\] Ügyfélkapu\+ \(kovacs\.janos\)  \d{3} \d{3}/);
    expect(text).toContain('✗ The username or the password is incorrect');
    expect(text).toContain('code refused (not set up)');
    expect(text).toContain('Unknown command: bogus');
  });
});
