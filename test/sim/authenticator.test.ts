import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildKeyUri,
  createAuthenticator,
  decodeMigration,
  encodeMigration,
  generateCode,
  InvalidArgumentError,
  InvalidKeyUriError,
  InvalidStateError,
  manualClock,
  parseAegisVault,
  parseUriList,
  verifyCode,
  type QrCamera,
  type RgbaImage,
} from '../../src/index.js';

/** A stand-in camera: "renders" text as one row of pixels holding its UTF-8 bytes, and reads them back. */
const fakeCamera: QrCamera = {
  render(text: string): RgbaImage {
    const bytes = new TextEncoder().encode(text);
    const data = new Uint8Array(bytes.length * 4);
    bytes.forEach((b, i) => data.set([b, b, b, 255], i * 4));
    return { data, width: bytes.length, height: 1 };
  },
  scan(image: RgbaImage): string | null {
    if (image.width === 0 || image.data.every((v, i) => i % 4 === 3 || v === 255)) return null;
    return new TextDecoder().decode(Uint8Array.from({ length: image.width }, (_, i) => image.data[i * 4]!));
  },
};
const blank: RgbaImage = { data: new Uint8Array(16).fill(255), width: 2, height: 2 };

const SECRET = 'JBSWY3DPEHPK3PXP';
const START = Date.UTC(2025, 0, 16, 8, 0, 10);
const ugyfelkapu = buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: SECRET });

describe('adding accounts', () => {
  it('by scanning a key URI, and refuses the same account and key again', async () => {
    const phone = createAuthenticator({ clock: manualClock(START), camera: fakeCamera });
    const first = await phone.scan(fakeCamera.render(ugyfelkapu));
    expect(first).toMatchObject({
      status: 'added',
      kind: 'key-uri',
      account: { issuer: 'Ügyfélkapu+', account: 'kovacs.janos', type: 'totp' },
    });
    const again = await phone.scan(fakeCamera.render(ugyfelkapu));
    expect(again).toMatchObject({
      status: 'duplicate',
      message: '"Ügyfélkapu+: kovacs.janos" is already on this phone with the same key',
    });
    expect(phone.addKeyUri(ugyfelkapu).status).toBe('duplicate');
    const { scan } = phone; // methods work detached, as UI event handlers call them
    expect((await scan(fakeCamera.render(ugyfelkapu))).status).toBe('duplicate');
    expect(phone.list()).toHaveLength(1);
  });

  it('adds the same name with a new key as a second entry, with a warning', () => {
    const phone = createAuthenticator({ clock: manualClock(START) });
    phone.addKeyUri(ugyfelkapu);
    const result = phone.addKeyUri(
      buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: 'GEZDGNBVGY3TQOJQ' }),
    );
    expect(result.status).toBe('added');
    expect(result.status === 'added' && result.warning).toMatch(/different key/);
    expect(phone.list()).toHaveLength(2);
  });

  it('by typing the key by hand ("Nem tudom beolvasni a kódot"), spaces and lower case included', () => {
    const phone = createAuthenticator({ clock: manualClock(START) });
    const typed = phone.addManually({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: 'jbsw y3dp ehpk 3pxp' });
    expect(typed).toMatchObject({
      status: 'added',
      account: { type: 'totp', period: 30, digits: 6, algorithm: 'SHA1' },
    });
    expect(phone.addKeyUri(ugyfelkapu).status).toBe('duplicate');
    expect(phone.addManually({ account: 'counter', secret: SECRET, type: 'hotp' })).toMatchObject({
      account: { type: 'hotp', counter: 0 },
    });
    expect(() => phone.addManually({ account: 'x', secret: 'not base32!' })).toThrow(/"secret" must be base32/);
  });

  it('gives normal results for pictures without a usable code, and throws only for misuse', async () => {
    const phone = createAuthenticator({ clock: manualClock(START), camera: fakeCamera });
    expect(await phone.scan(blank)).toEqual({ status: 'no-code', message: 'no QR code found in the picture' });
    expect(await phone.scan(fakeCamera.render('https://example.com'))).toMatchObject({ status: 'unrecognized' });
    expect(await phone.scan(fakeCamera.render('otpauth://totp/x?digits=6'))).toMatchObject({
      status: 'invalid',
      message: 'key URI has no "secret" parameter',
    });
    expect(await phone.scan(fakeCamera.render('otpauth-migration://offline?data=!!'))).toMatchObject({
      status: 'invalid',
      message: expect.stringMatching(/base64/),
    });
    expect(() => phone.addKeyUri('otpauth://totp/x')).toThrow(InvalidKeyUriError);
    await expect(createAuthenticator({ clock: manualClock(START) }).scan(blank)).rejects.toThrow(InvalidStateError);
  });
});

describe('codes on the phone', () => {
  it('shows the code of its own clock, which verifies at the same time, with the seconds left', () => {
    const clock = manualClock(START);
    const phone = createAuthenticator({ clock });
    phone.addKeyUri(ugyfelkapu);
    for (let i = 0; i < 70; i++) {
      const [shown] = phone.list();
      expect(shown!.code).toBe(generateCode(SECRET, { time: clock.now() }));
      expect(verifyCode(SECRET, shown!.code!, { time: clock.now(), window: 0 }).valid).toBe(true);
      expect(shown!.secondsLeft).toBe(30 - (Math.floor(clock.now() / 1000) % 30));
      clock.advance(1000);
    }
  });

  it('shows drift: 45 s behind still passes a ±1 window, 2 minutes behind does not', () => {
    // 20 s into a period, 45 s back lands in the previous step (earlier in a period it lands two back).
    const clock = manualClock(Date.UTC(2025, 0, 16, 8, 0, 20));
    const phone = createAuthenticator({ clock, driftMs: -45_000 });
    const { account } = phone.addKeyUri(ugyfelkapu);
    expect(phone.now()).toBe(clock.now() - 45_000);
    const behind = phone.get(account.id).code!;
    expect(verifyCode(SECRET, behind, { time: clock.now() })).toMatchObject({ valid: true, delta: -1 });
    expect(verifyCode(SECRET, behind, { time: clock.now(), window: 0 }).valid).toBe(false);
    phone.setDrift(-120_000);
    expect(verifyCode(SECRET, phone.get(account.id).code!, { time: clock.now() }).valid).toBe(false);
    phone.setDrift(0);
    expect(verifyCode(SECRET, phone.get(account.id).code!, { time: clock.now(), window: 0 }).valid).toBe(true);
    expect(() => phone.setDrift(Number.NaN)).toThrow(/"driftMs" must be a finite number/);
  });

  it('HOTP shows no code until "next code", then one code per press that a verifier accepts in order', () => {
    const phone = createAuthenticator({ clock: manualClock(START) });
    const { account } = phone.addKeyUri(buildKeyUri({ account: 'hotp', secret: SECRET, counter: 5 }));
    expect(phone.get(account.id)).toMatchObject({ code: null, secondsLeft: null, counter: 5 });
    for (let counter = 5; counter < 9; counter++) {
      const code = phone.nextCode(account.id);
      expect(verifyCode(SECRET, code, { counter, window: 0 })).toEqual({ valid: true, delta: 0, counter });
      expect(phone.get(account.id)).toMatchObject({ code, counter: counter + 1 });
    }
    const totp = phone.addKeyUri(ugyfelkapu).account;
    expect(() => phone.nextCode(totp.id)).toThrow(/must name an HOTP account/);
    expect(() => phone.nextCode('acc-99')).toThrow(InvalidArgumentError);
  });
});

describe('editing and removing', () => {
  it('renames ("swipe right") and keeps the code', () => {
    const phone = createAuthenticator({ clock: manualClock(START) });
    const { account } = phone.addKeyUri(ugyfelkapu);
    expect(phone.rename(account.id, { account: '  Kovács János ' })).toMatchObject({
      issuer: 'Ügyfélkapu+',
      account: 'Kovács János',
      code: account.code,
    });
    expect(phone.rename(account.id, { issuer: null })).toMatchObject({ issuer: null, account: 'Kovács János' });
    expect(() => phone.rename(account.id, { account: '' })).toThrow(/rename: "account" must not be empty/);
  });

  it('removes ("swipe left") only after a confirmation of the same account', () => {
    const phone = createAuthenticator({ clock: manualClock(START) });
    const a = phone.addKeyUri(ugyfelkapu).account;
    const b = phone.addManually({ account: 'other', secret: 'GEZDGNBVGY3TQOJQ' }).account;
    expect(phone.confirmDelete(a.id)).toEqual({ deleted: false });
    const request = phone.requestDelete(a.id);
    expect(request.warning).toMatch(/does not turn off two-step verification at Ügyfélkapu\+/);
    expect(phone.confirmDelete(b.id)).toEqual({ deleted: false });
    expect(phone.list()).toHaveLength(2);
    phone.requestDelete(a.id);
    phone.cancelDelete();
    expect(phone.confirmDelete(a.id)).toEqual({ deleted: false });
    phone.requestDelete(a.id);
    expect(phone.confirmDelete(a.id)).toEqual({ deleted: true });
    expect(phone.list().map((x) => x.id)).toEqual([b.id]);
    expect(() => phone.requestDelete(a.id)).toThrow(InvalidArgumentError);
  });
});

describe('moving accounts to a second phone', () => {
  const fill = (phone: ReturnType<typeof createAuthenticator>, n: number) => {
    for (let i = 0; i < n; i++)
      phone.addManually({
        issuer: 'Service',
        account: `user${i}`,
        secret: generateCode(SECRET, { counter: i })
          .padEnd(16, 'A')
          .replace(/[0189]/g, 'B'),
      });
  };

  it('exports QR images in batches and the other phone scans them in any order, telling what is missing', async () => {
    const clock = manualClock(START);
    const old = createAuthenticator({ clock, camera: fakeCamera });
    fill(old, 23);
    old.addKeyUri(buildKeyUri({ account: 'hotp', secret: SECRET, counter: 41 }));
    const images = old.exportQrImages({ batchSize: 10 });
    expect(images).toHaveLength(3);
    const fresh = createAuthenticator({ clock, camera: fakeCamera });
    const third = await fresh.scan(images[2]!);
    expect(third).toMatchObject({
      status: 'imported',
      kind: 'migration',
      transfers: [{ size: 3, received: [2], missing: [0, 1], complete: false }],
    });
    expect(fresh.pendingTransfers()).toMatchObject([{ missing: [0, 1] }]);
    expect(await fresh.scan(images[0]!)).toMatchObject({ transfers: [{ received: [0, 2], missing: [1] }] });
    const again = await fresh.scan(images[0]!);
    expect(again).toMatchObject({ added: [], transfers: [{ missing: [1] }] });
    expect(again.status === 'imported' && again.duplicates).toHaveLength(10);
    expect(await fresh.scan(images[1]!)).toMatchObject({ transfers: [{ missing: [], complete: true }] });
    expect(fresh.pendingTransfers()).toEqual([]);
    const key = (v: { issuer: string | null; account: string; code: string | null; counter: number | null }) =>
      `${v.issuer}/${v.account}/${v.code}/${v.counter}`;
    expect(fresh.list().map(key).sort()).toEqual(old.list().map(key).sort());
  });

  it('reassembles the same accounts whatever order the batches are scanned in (property)', async () => {
    const clock = manualClock(START);
    const old = createAuthenticator({ clock, camera: fakeCamera });
    fill(old, 17);
    const images = old.exportQrImages({ batchSize: 3 });
    expect(images).toHaveLength(6);
    const key = (v: { issuer: string | null; account: string; code: string | null }) =>
      `${v.issuer}/${v.account}/${v.code}`;
    const expected = old.list().map(key).sort();
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6 }), async (order) => {
        const fresh = createAuthenticator({ clock, camera: fakeCamera });
        for (const [step, index] of order.entries()) {
          const result = await fresh.scan(images[index]!);
          expect(result.status === 'imported' && result.transfers[0]!.missing).toEqual(
            [0, 1, 2, 3, 4, 5].filter((i) => !order.slice(0, step + 1).includes(i)),
          );
        }
        expect(fresh.list().map(key).sort()).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('exports selected accounts, and refuses what the format cannot carry by name', () => {
    const phone = createAuthenticator({ clock: manualClock(START) });
    const a = phone.addKeyUri(ugyfelkapu).account;
    phone.addKeyUri(buildKeyUri({ issuer: 'Bank', account: 'anna', secret: SECRET, period: 60 }));
    const [uri, ...rest] = phone.exportMigration({ ids: [a.id] });
    expect(rest).toEqual([]);
    expect(decodeMigration(uri!).accounts.map((x) => x.account)).toEqual(['kovacs.janos']);
    expect(() => phone.exportMigration()).toThrow(/"Bank: anna": the migration format has no period field/);
    expect(() => phone.exportQrImages()).toThrow(InvalidStateError);
    expect(() => phone.exportMigration({ ids: ['nope'] })).toThrow(
      /"id" must name an account on this phone, got "nope"/,
    );
  });

  it('exports and imports URI lists and Aegis vaults, period and 7 digits included', () => {
    const phone = createAuthenticator({ clock: manualClock(START) });
    phone.addKeyUri(ugyfelkapu);
    phone.addKeyUri(buildKeyUri({ issuer: 'Bank', account: 'anna', secret: SECRET, period: 60, digits: 7 }));
    const list = phone.exportUriList();
    expect(parseUriList(list)).toHaveLength(2);
    const aegis = phone.exportAegis();
    expect(parseAegisVault(aegis).accounts).toHaveLength(2);
    for (const text of [list, aegis]) {
      const other = createAuthenticator({ clock: manualClock(START) });
      const result = other.importText(text);
      expect(result.added).toHaveLength(2);
      expect(other.list().map((v) => v.code)).toEqual(phone.list().map((v) => v.code));
      expect(other.importText(text)).toMatchObject({ added: [], duplicates: [{}, {}] });
    }
    const migration = encodeMigration([{ account: 'm', secret: SECRET }], { batchId: 3 });
    expect(createAuthenticator({ clock: manualClock(START) }).importText(migration.join('\n'))).toMatchObject({
      format: 'migration',
      added: [{ account: 'm' }],
      transfers: [{ complete: true }],
    });
  });
});

describe('state as plain data', () => {
  it('survives JSON and carries on where it was', async () => {
    const clock = manualClock(START);
    const phone = createAuthenticator({ clock, driftMs: 5000, camera: fakeCamera });
    const { account } = phone.addKeyUri(buildKeyUri({ account: 'hotp', secret: SECRET, counter: 1 }));
    phone.addKeyUri(ugyfelkapu);
    phone.nextCode(account.id);
    await phone.scan(
      fakeCamera.render(
        encodeMigration(
          [
            { account: 'x', secret: SECRET },
            { account: 'y', secret: SECRET },
          ],
          { batchSize: 1, batchId: 9 },
        )[1]!,
      ),
    );
    const saved = JSON.stringify(phone);
    const restored = createAuthenticator({ clock, state: saved });
    expect(restored.list()).toEqual(phone.list());
    expect(restored.driftMs).toBe(5000);
    expect(restored.pendingTransfers()).toEqual([{ id: 9, size: 2, received: [1], missing: [0], complete: false }]);
    expect(restored.nextCode(account.id)).toBe(generateCode(SECRET, { counter: 2 }));
    expect(restored.addKeyUri(ugyfelkapu).status).toBe('duplicate');
    expect(restored.addManually({ account: 'new', secret: SECRET }).account.id).toBe('acc-4');
  });

  it('refuses damaged state naming the field', () => {
    const clock = manualClock(START);
    const good = createAuthenticator({ clock });
    good.addKeyUri(ugyfelkapu);
    const state = good.toJSON();
    expect(() => createAuthenticator({ clock, state: '{' })).toThrow(/not valid JSON/);
    expect(() => createAuthenticator({ clock, state: { ...state, format: 'x' } })).toThrow(/format "totp-lab\/phone"/);
    expect(() =>
      createAuthenticator({ clock, state: { ...state, accounts: [{ ...state.accounts[0]!, digits: 9 }] } }),
    ).toThrow(/phone state accounts\[0\]: "digits" must be 6, 7 or 8, got 9/);
    expect(() =>
      createAuthenticator({ clock, state: { ...state, accounts: [{ ...state.accounts[0]!, secret: '!!' }] } }),
    ).not.toThrow(/!!/);
    expect(() => createAuthenticator({ clock: undefined as never })).toThrow(/"clock" must be a Clock/);
    const odd = createAuthenticator({
      clock,
      state: {
        ...state,
        transfers: [
          { id: 1, size: 1e9, received: [] },
          { id: 2, size: 2, received: [5] },
          { id: 3, size: 2, received: [1] },
        ],
      },
    });
    expect(odd.pendingTransfers()).toEqual([{ id: 3, size: 2, received: [1], missing: [0], complete: false }]);
  });
});

describe('the phone speaks English or Hungarian', () => {
  it('gives its messages in the language it is set to, and can switch', () => {
    const clock = manualClock(Date.UTC(2025, 0, 16, 8));
    const phone = createAuthenticator({ clock, language: 'hu' });
    const uri =
      'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.janos?secret=JBSWY3DPEHPK3PXP&issuer=%C3%9Cgyf%C3%A9lkapu%2B';
    phone.addKeyUri(uri);
    expect(phone.addKeyUri(uri)).toMatchObject({
      status: 'duplicate',
      message: '"Ügyfélkapu+: kovacs.janos" már szerepel a telefonon, ugyanazzal a kulccsal',
    });
    const id = phone.list()[0]!.id;
    expect(phone.requestDelete(id).warning).toBe(
      'A fiók eltávolítása nem kapcsolja ki a kétlépcsős azonosítást itt: Ügyfélkapu+; a kulcs nélkül lehet, hogy nem tud majd belépni.',
    );
    phone.language = 'en';
    expect(phone.addKeyUri(uri)).toMatchObject({
      message: '"Ügyfélkapu+: kovacs.janos" is already on this phone with the same key',
    });
    expect(() => {
      phone.language = 'de' as 'en';
    }).toThrow('"language" must be hu or en, got "de"');
    expect(() => createAuthenticator({ clock, language: 'x' as 'en' })).toThrow('"language" must be hu or en');
  });
});
