// Steam Guard accounts on the virtual phone: the code on screen is the one steamguard-cli's own test
// gives (token.rs test_generate_code), and a move to a format that cannot carry it says so by name.
import { describe, expect, it } from 'vitest';
import { createAuthenticator, manualClock, parseAegisVault, parseUriList, toBase32 } from '../../src/index.js';

// steamguard-cli: shared_secret "zvIayp3JPvtvX/QGHqsqKBk/44s=" at 1616374841 gives 2F9J5.
const SECRET = toBase32(new Uint8Array(Buffer.from('zvIayp3JPvtvX/QGHqsqKBk/44s=', 'base64')));
const AT = 1_616_374_841_000;

describe('a Steam Guard account on the phone', () => {
  it.each([
    `otpauth://steam/Steam:anna?secret=${SECRET}&issuer=Steam`,
    `otpauth://totp/Steam:anna?secret=${SECRET}&issuer=Steam&encoder=steam`,
  ])('shows Steam’s 5-character code for %s', (uri) => {
    const phone = createAuthenticator({ clock: manualClock(AT) });
    expect(phone.addKeyUri(uri)).toMatchObject({
      status: 'added',
      account: { type: 'steam', issuer: 'Steam', account: 'anna', digits: 5, code: '2F9J5' },
    });
    expect(phone.list()[0]!.code).toBe('2F9J5');
  });

  it('keeps it in a key-URI list and an Aegis vault, and refuses the migration export by name', () => {
    const phone = createAuthenticator({ clock: manualClock(AT) });
    phone.addKeyUri(`otpauth://steam/Steam:anna?secret=${SECRET}&issuer=Steam`);
    expect(parseUriList(phone.exportUriList())).toMatchObject([{ type: 'steam', account: 'anna' }]);
    expect(parseAegisVault(JSON.parse(phone.exportAegis())).accounts).toMatchObject([
      { type: 'steam', account: 'anna' },
    ]);
    expect(() => phone.exportMigration()).toThrow(/"Steam: anna": the migration format has no Steam Guard codes/);
    // A second phone that imports the list shows the same code.
    const other = createAuthenticator({ clock: manualClock(AT) });
    other.importText(phone.exportUriList());
    expect(other.list().map((a) => a.code)).toEqual(['2F9J5']);
  });
});
