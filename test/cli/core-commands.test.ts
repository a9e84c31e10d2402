import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { TOTP_VECTORS } from '../support/rfc-vectors.js';

const SEEDS = {
  SHA1: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  SHA256: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA',
  SHA512: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA',
};
const UGY =
  'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.janos%40example.hu?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%C3%9Cgyf%C3%A9lkapu%2B&algorithm=SHA1&digits=6&period=30';

describe('totp-lab code / verify with the RFC 6238 vectors', () => {
  it.each(TOTP_VECTORS)('T=%i %s', async (seconds, algorithm, code) => {
    expect(
      await cli('code', SEEDS[algorithm], '--time', String(seconds), '--algorithm', algorithm, '--digits', '8'),
    ).toEqual({ code: 0, stdout: code, stderr: '' });
    const ok = await cli(
      'verify',
      SEEDS[algorithm],
      code,
      '--time',
      String(seconds),
      '--algorithm',
      algorithm,
      '--digits',
      '8',
      '--window',
      '0',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^valid \(delta \+0, step \d+\)$/);
  });

  it('does HOTP with --counter (RFC 4226 Appendix D)', async () => {
    expect((await cli('code', SEEDS.SHA1, '--counter', '9')).stdout).toBe('520489');
    expect((await cli('verify', SEEDS.SHA1, '520489', '--counter', '8')).stdout).toBe('valid (delta +1, counter 9)');
  });

  it('reads a key URI, with flags overriding it', async () => {
    expect((await cli('code', UGY, '--time', '59', '--digits', '8')).stdout).toBe('94287082');
    expect((await cli('code', UGY, '--time', '1970-01-01T00:00:59Z')).stdout).toBe('287082');
    expect(JSON.parse((await cli('code', UGY, '--time', '59', '--json')).stdout)).toEqual({
      code: '287082',
      remaining: 1,
      step: 1,
    });
  });

  it('exits 1 for a wrong code and 0 for a right one', async () => {
    expect(await cli('verify', UGY, '000000', '--time', '59')).toEqual({ code: 1, stdout: 'invalid', stderr: '' });
    expect((await cli('verify', UGY, '287 082', '--time', '89')).stdout).toBe('valid (delta -1, step 1)');
    expect(JSON.parse((await cli('verify', UGY, '287082', '--time', '59', '--json')).stdout)).toEqual({
      valid: true,
      delta: 0,
      counter: 1,
    });
  });
});

describe('totp-lab uri / inspect', () => {
  it('builds the Ügyfélkapu+ URI and inspects it back', async () => {
    const built = await cli(
      'uri',
      '--account',
      'kovacs.janos@example.hu',
      '--issuer',
      'Ügyfélkapu+',
      '--secret',
      'gezdgnbvgy3tqojqgezdgnbvgy3tqojq',
    );
    expect(built).toEqual({ code: 0, stdout: UGY, stderr: '' });
    const inspected = JSON.parse((await cli('inspect', UGY, '--json')).stdout);
    expect(inspected).toEqual({
      type: 'totp',
      issuer: 'Ügyfélkapu+',
      account: 'kovacs.janos@example.hu',
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: null,
      issuerMismatch: false,
    });
    expect((await cli('inspect', UGY)).stdout).toContain('issuer:    Ügyfélkapu+');
  });

  it('makes a new secret when none is given', async () => {
    const a = (await cli('uri', '--account', 'a')).stdout;
    const b = (await cli('uri', '--account', 'a')).stdout;
    expect(a).toMatch(/^otpauth:\/\/totp\/a\?secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/);
    expect(a).not.toBe(b);
  });

  it('warns about an issuer mismatch', async () => {
    const r = await cli(
      'inspect',
      'otpauth://hotp/Contoso%20Co:Firstname%20Lastname?issuer=ACME%20Co&secret=JBSWY3DPEHPK3PXP&counter=0',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: the issuer in the label differs');
  });
});

describe('bad input', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no command', [], /^$/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['missing secret', ['code'], /code: missing argument/],
    ['extra argument', ['code', 'JBSWY3DPEHPK3PXP', 'extra'], /unexpected argument "extra"/],
    ['unknown flag', ['code', 'JBSWY3DPEHPK3PXP', '--frob'], /Unknown option '--frob'/],
    ['flag without value', ['code', 'JBSWY3DPEHPK3PXP', '--digits'], /--digits/],
    ['bad digits', ['code', 'JBSWY3DPEHPK3PXP', '--digits', '12'], /"digits" must be 6, 7 or 8, got 12/],
    ['bad digits text', ['code', 'JBSWY3DPEHPK3PXP', '--digits', 'six'], /--digits must be a whole number, got "six"/],
    ['bad time', ['code', 'JBSWY3DPEHPK3PXP', '--time', 'tomorrow'], /--time must be Unix seconds or an ISO-8601/],
    ['bad algorithm', ['code', 'JBSWY3DPEHPK3PXP', '--algorithm', 'MD5'], /"algorithm" must be SHA1, SHA256 or SHA512/],
    [
      'bad window',
      ['verify', 'JBSWY3DPEHPK3PXP', '123456', '--window', '1000'],
      /"window" must be an integer from 0 to 100/,
    ],
    ['bad uri', ['inspect', 'otpauth://totp/ACME:alice?issuer=ACME'], /no "secret" parameter/],
    ['uri without account', ['uri'], /--account is required/],
  ];
  it.each(cases)('%s exits 2 with one line', async (_name, args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    if (args.length > 0) {
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('never echoes a secret in an error', async () => {
    const r = await cli('code', 'MYVERYSECRETKEY1');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('MYVERYSECRET');
    const u = await cli('inspect', 'otpauth://totp/a?secret=MYVERYSECRETKEY1');
    expect(u.stderr).not.toContain('MYVERYSECRET');
  });

  it('prints help for every command', async () => {
    for (const command of ['code', 'verify', 'uri', 'inspect', 'demo']) {
      const r = await cli(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: totp-lab ${command}`);
    }
    expect((await cli('--help')).stdout).toContain('Commands:');
  });
});
