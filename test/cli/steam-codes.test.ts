// Steam Guard codes in the CLI, against ValvePython/steam's published vector (tests/test_guard.py:
// the key "superdupersecret" gives YRGQJ at 3000030 and 94R9D at 3000029).
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const SECRET = 'ON2XAZLSMR2XAZLSONSWG4TFOQ'; // base32 of "superdupersecret"
const STEAM = `otpauth://steam/Steam:anna?secret=${SECRET}&issuer=Steam`;
const ENCODER = `otpauth://totp/Steam:anna?secret=${SECRET}&issuer=Steam&encoder=steam`;

describe('totp-lab code and verify for a Steam Guard account', () => {
  it.each([STEAM, ENCODER])('give and accept Steam’s code for %s', async (uri) => {
    expect(await cli('code', uri, '--time', '3000030')).toEqual({ code: 0, stdout: 'YRGQJ', stderr: '' });
    expect(await cli('code', uri, '--time', '3000029')).toEqual({ code: 0, stdout: '94R9D', stderr: '' });
    expect(await cli('verify', uri, 'yrgqj', '--time', '3000030')).toMatchObject({ code: 0 });
    expect(await cli('verify', uri, 'YRGQK', '--time', '3000030')).toMatchObject({ code: 1, stdout: 'invalid' });
  });

  it('shows as many Steam characters as --digits asks (as Aegis does), and refuses 9, exit 2 in one line', async () => {
    expect((await cli('code', STEAM, '--digits', '8', '--time', '3000030')).stdout).toMatch(/^YRGQJ[2-9B-Y]{3}$/);
    const out = await cli('code', STEAM, '--digits', '9', '--time', '3000030');
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toMatch(/^totp-lab: "digits" of a Steam Guard code must be 5 characters .*got 9$/);
  });
});
