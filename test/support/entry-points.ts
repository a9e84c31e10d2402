// Every public function of every entry point, with a valid call to start from. The hostile-input
// test replaces each argument, and each field of an option object, with each hostile value.
import * as core from '../../src/index.js';
import * as qr from '../../src/qr/index.js';
import * as node from '../../src/node/index.js';
import * as testing from '../../src/testing/index.js';
import * as scenarios from '../../src/sim/scenarios/index.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCipheriv, createHash } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import { METHOD_CALLS, METHODS_DIR } from './entry-point-methods.js';
import { buildZip } from '../formats/zip-builder.js';

/** Where writeQrFile writes; the test removes it afterwards. */
export const OUT_DIR = mkdtempSync(join(tmpdir(), 'totp-lab-hostile-out-'));
/** A good seed file for readSeedFile to start from. */
const SEED_FILE = join(OUT_DIR, 'seed.json');
writeFileSync(SEED_FILE, JSON.stringify({ accounts: [{ username: 'anna', password: 'jelszo-123', factor: 'none' }] }));

export const SECRET = 'JBSWY3DPEHPK3PXP';
export const T = Date.UTC(2025, 0, 16, 8, 0, 10);
const LOW = core.LOW_COST_HASHING_FOR_TESTS;
const URI = `otpauth://totp/Example:alice?secret=${SECRET}&issuer=Example`;
const MIGRATION =
  'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC';
const clock = () => core.manualClock(T);
const image = () => ({ data: new Uint8ClampedArray(21 * 21 * 4).fill(255), width: 21, height: 21 });
/** Encrypted exports (cheap key derivation) for the decrypting readers to start from. */
const ENCRYPTED_AEGIS = await core.toEncryptedAegisVault([{ account: 'alice', secret: SECRET }], 'pw', {
  random: testing.seededRandom(3),
  scrypt: { n: 16, r: 8, p: 1 },
});
const ENCRYPTED_ANDOTP = await (async () => {
  // andOTP's layout: iterations (4 bytes, big-endian) ‖ salt (12) ‖ nonce (12) ‖ AES-256-GCM ciphertext ‖ tag.
  const head = new Uint8Array(28);
  new DataView(head.buffer).setUint32(0, 1000);
  head.fill(7, 4);
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode('pw'), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: head.slice(4, 16), iterations: 1000, hash: 'SHA-1' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const entries = JSON.stringify([
    { secret: SECRET, issuer: 'Example', label: 'alice', digits: 6, type: 'TOTP', algorithm: 'SHA1', period: 30 },
  ]);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: head.slice(16, 28) }, key, new TextEncoder().encode(entries)),
  );
  const out = new Uint8Array(28 + sealed.length);
  out.set(head);
  out.set(sealed, 28);
  return out;
})();
/** An Ente Auth encrypted export as Ente makes it (libsodium), at the smallest Argon2 cost. */
const ENCRYPTED_ENTE = await (async () => {
  await sodium.ready;
  const salt = new Uint8Array(16).fill(9);
  const key = sodium.crypto_pwhash(32, 'pw', salt, 1, 8192, sodium.crypto_pwhash_ALG_ARGON2ID13);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const data = sodium.crypto_secretstream_xchacha20poly1305_push(state, new TextEncoder().encode(URI), null, 0);
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  return JSON.stringify({
    version: 1,
    kdfParams: { memLimit: 8192, opsLimit: 1, salt: b64(salt) },
    encryptedData: b64(data),
    encryptionNonce: b64(header),
  });
})();
/** A TOTP Authenticator backup: AES-256-CBC under SHA-256 of the password, zero IV, base64. */
const ENCRYPTED_TOTP_AUTHENTICATOR = (() => {
  const list = JSON.stringify([JSON.stringify({ issuer: 'Example', name: 'alice', key: SECRET, base: 32 })]);
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update('pw').digest(), Buffer.alloc(16));
  return Buffer.concat([cipher.update(JSON.stringify({ [list]: '' })), cipher.final()]).toString('base64');
})();
const PROTON_PASS = {
  version: '1.0',
  userId: 'u',
  encrypted: false,
  vaults: {
    v: {
      name: 'Personal',
      items: [
        {
          itemId: 'i',
          state: 1,
          data: {
            type: 'login',
            metadata: { name: 'Example', note: '' },
            content: { itemUsername: 'alice', totpUri: URI },
          },
        },
      ],
    },
  },
};
const PROTON_PASS_ZIP = buildZip([
  { name: 'Proton Pass/data.json', data: new TextEncoder().encode(JSON.stringify(PROTON_PASS)) },
]);
/** A code that is certainly not the one for SECRET at T (checked by the test), so any "valid" is wrong. */
export const WRONG_CODE = String((Number(core.generateCode(SECRET, { time: T })) + 500_000) % 1_000_000).padStart(
  6,
  '0',
);

/**
 * One function to call. `args` builds fresh valid arguments; `wrong` says whether a returned value
 * is a wrong success (the baseline is built so that no hostile change may turn it into a success).
 */
export interface CallSpec {
  name: string;
  fn: (...args: unknown[]) => unknown;
  args: () => unknown[];
  wrong?: (value: unknown) => boolean;
}

const f = (fn: unknown) => fn as (...args: unknown[]) => unknown;
const isTrue = (v: unknown) => v === true;
const isValid = (v: unknown) => (v as { valid?: unknown } | undefined)?.valid === true;

export const CORE_CALLS: CallSpec[] = [
  { name: 'systemClock.now', fn: f(() => core.systemClock.now()), args: () => [] },
  { name: 'manualClock', fn: f(core.manualClock), args: () => [T] },
  { name: 'manualClock.set', fn: f((v: number) => clock().set(v)), args: () => [T] },
  { name: 'manualClock.advance', fn: f((v: number) => clock().advance(v)), args: () => [1000] },
  {
    name: 'cryptoRandom.getRandomValues',
    fn: f((b: Uint8Array) => core.cryptoRandom.getRandomValues(b)),
    args: () => [new Uint8Array(8)],
  },
  { name: 'generateSecret', fn: f(core.generateSecret), args: () => [{ bytes: 20, random: testing.seededRandom(1) }] },
  { name: 'checkLanguage', fn: f(core.checkLanguage), args: () => ['hu'] },
  { name: 'isLanguage', fn: f(core.isLanguage), args: () => ['en'] },
  { name: 'parseTimeInput', fn: f(core.parseTimeInput), args: () => ['2025-01-16T08:00:00Z'] },
  { name: 'parseDurationInput', fn: f(core.parseDurationInput), args: () => ['10m', '--mail-delay'] },
  { name: 'toSecretBase32', fn: f(core.toSecretBase32), args: () => [SECRET] },
  { name: 'toBase32', fn: f(core.toBase32), args: () => [new Uint8Array([1, 2, 3])] },
  { name: 'fromBase32', fn: f(core.fromBase32), args: () => [SECRET] },
  {
    name: 'generateCode',
    fn: f(core.generateCode),
    args: () => [SECRET, { time: T, algorithm: 'SHA1', digits: 6, period: 30 }],
  },
  { name: 'prepareSecret', fn: f(core.prepareSecret), args: () => [SECRET, { algorithm: 'SHA1' }] },
  {
    name: 'generateCode (prepared)',
    fn: f(core.generateCode),
    args: () => [core.prepareSecret(SECRET), { time: T, digits: 6 }],
  },
  { name: 'generateCode (clock)', fn: f(core.generateCode), args: () => [SECRET, { clock: clock(), digits: 6 }] },
  {
    name: 'verifyCode (wrong code)',
    fn: f(core.verifyCode),
    args: () => [
      SECRET,
      WRONG_CODE,
      { clock: clock(), window: 1, digits: 6, period: 30, algorithm: 'SHA1', minCounter: 0 },
    ],
    wrong: isValid,
  },
  { name: 'stepAt', fn: f(core.stepAt), args: () => [T, 30] },
  { name: 'secondsLeft', fn: f(core.secondsLeft), args: () => [T, 30] },
  { name: 'normalizeTypedCode', fn: f(core.normalizeTypedCode), args: () => ['123 456', 6] },
  { name: 'isTotpLabError', fn: f(core.isTotpLabError), args: () => [new Error('x')] },
  {
    name: 'buildKeyUri',
    fn: f(core.buildKeyUri),
    args: () => [
      { type: 'totp', issuer: 'Example', account: 'alice', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30 },
    ],
  },
  { name: 'parseKeyUri', fn: f(core.parseKeyUri), args: () => [URI] },
  {
    name: 'constantTimeEqual (unequal)',
    fn: f(core.constantTimeEqual),
    args: () => ['123456', '654321'],
    wrong: isTrue,
  },
  {
    name: 'encodeMigration',
    fn: f(core.encodeMigration),
    args: () => [[{ account: 'alice', secret: SECRET }], { batchId: 7, maxPerBatch: 10 }],
  },
  { name: 'decodeMigration', fn: f(core.decodeMigration), args: () => [MIGRATION] },
  { name: 'parseUriList', fn: f(core.parseUriList), args: () => [`${URI}\n`] },
  { name: 'formatUriList', fn: f(core.formatUriList), args: () => [[{ account: 'alice', secret: SECRET }]] },
  {
    name: 'parseAegisVault',
    fn: f(core.parseAegisVault),
    args: () => [core.toAegisVault([{ account: 'alice', secret: SECRET }], { random: testing.seededRandom(2) })],
  },
  {
    name: 'toAegisVault',
    fn: f(core.toAegisVault),
    args: () => [[{ account: 'alice', secret: SECRET }], { random: testing.seededRandom(2) }],
  },
  { name: 'readAccounts', fn: f(core.readAccounts), args: () => [URI] },
  // Export formats of real authenticator apps (docs/formats.md).
  { name: 'readExport', fn: f(core.readExport), args: () => [URI] },
  { name: 'detectFormat', fn: f(core.detectFormat), args: () => [URI] },
  { name: 'readUriList', fn: f(core.readUriList), args: () => [URI] },
  { name: 'decryptAegisVault', fn: f(core.decryptAegisVault), args: () => [structuredClone(ENCRYPTED_AEGIS), 'pw'] },
  {
    name: 'toEncryptedAegisVault',
    fn: f(core.toEncryptedAegisVault),
    args: () => [
      [{ account: 'alice', secret: SECRET }],
      'pw',
      { random: testing.seededRandom(2), scrypt: { n: 16, r: 8, p: 1 } },
    ],
  },
  {
    name: 'parseTwoFasBackup',
    fn: f(core.parseTwoFasBackup),
    args: () => [core.toTwoFasBackup([{ account: 'alice', secret: SECRET }], { clock: clock() })],
  },
  {
    name: 'decryptTwoFasBackup',
    fn: f(core.decryptTwoFasBackup),
    args: () => [core.toTwoFasBackup([{ account: 'alice', secret: SECRET }], { clock: clock() }), 'pw'],
  },
  {
    name: 'toTwoFasBackup',
    fn: f(core.toTwoFasBackup),
    args: () => [[{ account: 'alice', secret: SECRET }], { clock: clock() }],
  },
  {
    name: 'parseBitwardenJson',
    fn: f(core.parseBitwardenJson),
    args: () => [{ encrypted: false, items: [{ name: 'Example', login: { username: 'alice', totp: URI } }] }],
  },
  {
    name: 'parseBitwardenCsv',
    fn: f(core.parseBitwardenCsv),
    args: () => [`name,login_username,login_totp\nExample,alice,${URI}\n`],
  },
  {
    name: 'parseAndOtpBackup',
    fn: f(core.parseAndOtpBackup),
    args: () => [
      [{ secret: SECRET, issuer: 'Example', label: 'alice', digits: 6, type: 'TOTP', algorithm: 'SHA1', period: 30 }],
    ],
  },
  { name: 'decryptAndOtpBackup', fn: f(core.decryptAndOtpBackup), args: () => [ENCRYPTED_ANDOTP.slice(), 'pw'] },
  {
    name: 'parseFreeOtpPlus',
    fn: f(core.parseFreeOtpPlus),
    args: () => [
      {
        tokens: [
          {
            type: 'TOTP',
            algo: 'SHA1',
            digits: 6,
            period: 30,
            issuerExt: 'Example',
            label: 'alice',
            secret: [72, 101, 108, 108, 111],
          },
        ],
        tokenOrder: [],
      },
    ],
  },
  {
    name: 'parseAuthenticatorPro',
    fn: f(core.parseAuthenticatorPro),
    args: () => [
      {
        Authenticators: [
          { Type: 2, Issuer: 'Example', Username: 'alice', Secret: SECRET, Algorithm: 0, Digits: 6, Period: 30 },
        ],
      },
    ],
  },
  {
    name: 'parseProtonExport',
    fn: f(core.parseProtonExport),
    args: () => [
      { version: 1, entries: [{ id: '1', content: { uri: URI, entry_type: 'Totp', name: 'Example' }, note: null }] },
    ],
  },
  {
    name: 'parseLastPass',
    fn: f(core.parseLastPass),
    args: () => [
      {
        version: 3,
        accounts: [
          { issuerName: 'Example', userName: 'alice', secret: SECRET, algorithm: 'SHA1', digits: 6, timeStep: 30 },
        ],
      },
    ],
  },
  // The formats added with Steam Guard, Ente Auth, Proton Pass, TOTP Authenticator and CXF, and moves between formats.
  { name: 'detectExport', fn: f(core.detectExport), args: () => [PROTON_PASS_ZIP.slice()] },
  {
    name: 'parseSteamMaFile',
    fn: f(core.parseSteamMaFile),
    args: () => [{ shared_secret: 'THIl8+Jl6ugxr8x0X6eRMg==', account_name: 'alice', revocation_code: 'R1' }],
  },
  {
    name: 'parseCxf',
    fn: f(core.parseCxf),
    args: () => [core.toCxf([{ account: 'alice', secret: SECRET }], { clock: clock() })],
  },
  {
    name: 'toCxf',
    fn: f(core.toCxf),
    args: () => [
      [{ account: 'alice', secret: SECRET, note: 'n', groups: ['g'] }],
      { clock: clock(), random: testing.seededRandom(4) },
    ],
  },
  { name: 'toEnteExport', fn: f(core.toEnteExport), args: () => [[{ account: 'alice', secret: SECRET, note: 'n' }]] },
  { name: 'decryptEnteExport', fn: f(core.decryptEnteExport), args: () => [ENCRYPTED_ENTE, 'pw'] },
  {
    name: 'decryptTotpAuthenticatorBackup',
    fn: f(core.decryptTotpAuthenticatorBackup),
    args: () => [ENCRYPTED_TOTP_AUTHENTICATOR, 'pw'],
  },
  { name: 'parseProtonPass', fn: f(core.parseProtonPass), args: () => [structuredClone(PROTON_PASS)] },
  { name: 'readProtonPassZip', fn: f(core.readProtonPassZip), args: () => [PROTON_PASS_ZIP.slice()] },
  {
    name: 'withDetails',
    fn: f(core.withDetails),
    args: () => [{ accounts: [core.parseKeyUri(URI)], details: [{ note: 'n' }] }],
  },
  {
    name: 'planTransfer',
    fn: f(core.planTransfer),
    args: () => [[{ account: 'alice', secret: SECRET, note: 'n' }], 'migration'],
  },
  {
    name: 'writeExport',
    fn: f(core.writeExport),
    args: () => [[{ account: 'alice', secret: SECRET }], 'cxf', { clock: clock(), random: testing.seededRandom(5) }],
  },
  {
    name: 'phoneStateFromJSON',
    fn: f(core.phoneStateFromJSON),
    args: () => [core.createAuthenticator({ clock: clock() }).toJSON()],
  },
  { name: 'formatMessage', fn: f(core.formatMessage), args: () => ['hu', 'login.refused', {}] },
  { name: 'formatSpan', fn: f(core.formatSpan), args: () => ['hu', 40_000, 'accusative'] },
  {
    name: 'describeAuditEvent',
    fn: f(core.describeAuditEvent),
    args: () => [{ seq: 1, time: T, type: 'login-refused', username: 'anna', reason: 'wrong-code' }, 'hu'],
  },
  {
    name: 'explainAttempt',
    fn: f(core.explainAttempt),
    args: () => [
      { time: T, event: 'login-refused', reason: 'activation-pending', params: { activeFrom: T + 40_000 } },
      { language: 'en', now: T, timeZone: 'Europe/Budapest' },
    ],
  },
  { name: 'throttleDelayMs', fn: f(core.throttleDelayMs), args: () => [3, { ...core.DEFAULT_THROTTLE }] },
  { name: 'hashPassword', fn: f(core.hashPassword), args: () => ['jelszo', { ...LOW }, testing.seededRandom(3)] },
  {
    name: 'verifyPassword (wrong password)',
    fn: f(async (p: string, stored: unknown) => core.verifyPassword(p, (await stored) as core.PasswordHash)),
    args: () => ['rossz', core.hashPassword('jelszo', LOW)],
    wrong: isTrue,
  },
  {
    name: 'encodePasswordHash',
    fn: f(core.encodePasswordHash),
    args: () => [{ algorithm: 'PBKDF2-SHA256', iterations: 1, salt: '00'.repeat(16), hash: '11'.repeat(32) }],
  },
  {
    name: 'decodePasswordHash',
    fn: f(core.decodePasswordHash),
    args: () => [`$pbkdf2-sha256$i=1$${'00'.repeat(16)}$${'11'.repeat(32)}`],
  },
  {
    name: 'generateDeletionCode',
    fn: f(core.generateDeletionCode),
    args: () => [{ length: 20, groupSize: 4, random: testing.seededRandom(4) }],
  },
  { name: 'formatDeletionCode', fn: f(core.formatDeletionCode), args: () => ['12345678901234567890', 4] },
  { name: 'normalizeDeletionCode', fn: f(core.normalizeDeletionCode), args: () => ['1234 5678 9012 3456 7890', 20] },
  {
    name: 'hashDeletionCode',
    fn: f(core.hashDeletionCode),
    args: () => ['12345678901234567890', { ...LOW }, testing.seededRandom(5)],
  },
  {
    name: 'verifyDeletionCode (wrong code)',
    fn: f(async (typed: unknown, stored: unknown, length: unknown) =>
      core.verifyDeletionCode(typed, (await stored) as core.PasswordHash, length as number),
    ),
    args: () => ['9999 9999 9999 9999 9999', core.hashDeletionCode('12345678901234567890', LOW), 20],
    wrong: isTrue,
  },
  {
    name: 'createProvider',
    fn: f(core.createProvider),
    args: () => [
      {
        clock: clock(),
        hashing: { ...LOW },
        language: 'hu',
        window: 1,
        digits: 6,
        period: 30,
        store: new core.MemoryStore(),
      },
    ],
  },
  { name: 'createMemoryMailbox', fn: f(core.createMemoryMailbox), args: () => [{ limit: 10, clock: clock() }] },
  {
    name: 'createAuthenticator',
    fn: f(core.createAuthenticator),
    args: () => [{ clock: clock(), driftMs: 0, random: testing.seededRandom(6), app: 'sha1-only' }],
  },
  { name: 'createMemoryMailbox', fn: f(core.createMemoryMailbox), args: () => [10] },
  {
    name: 'createStoreMailbox',
    fn: f(core.createStoreMailbox),
    args: () => [new core.MemoryStore(), { clock: clock(), perAddress: 5, maxAgeMs: 60_000 }],
  },
  {
    name: 'createStoreMailbox.send',
    fn: f((m: core.MailMessage) => core.createStoreMailbox(new core.MemoryStore()).send(m)),
    args: () => [{ to: 'a@example.hu', from: 'b@example.hu', subject: 's', text: 't', sentAt: T }],
  },
  {
    name: 'createStoreMailbox.latest',
    fn: f((to: string) => core.createStoreMailbox(new core.MemoryStore()).latest(to)),
    args: () => ['a@example.hu'],
  },
  {
    name: 'createStoreMailbox.setDelayMs',
    fn: f((ms: number) => core.createStoreMailbox(new core.MemoryStore(), { clock: clock() }).setDelayMs(ms)),
    args: () => [60_000],
  },
  {
    name: 'readCodeMail',
    fn: f(core.readCodeMail),
    args: () => [{ subject: 'Ügyfélkapu+ verification code', text: 'not a code mail' }],
  },
];

export const QR_CALLS: CallSpec[] = [
  {
    name: 'renderQr',
    fn: f(qr.renderQr),
    args: () => [URI, { format: 'svg', errorCorrection: 'M', scale: 2, margin: 1 }],
  },
  { name: 'scanQr', fn: f(qr.scanQr), args: () => [image(), { expect: 'key-uri' }] },
  { name: 'scanQrAll', fn: f(qr.scanQrAll), args: () => [image(), { expect: 'otpauth' }] },
  { name: 'scanQrSync', fn: f(qr.scanQrSync), args: () => [image()] },
  // The real file's bytes, so the reader still loads for the calls after this one.
  {
    name: 'setQrReaderWasm',
    fn: f(qr.setQrReaderWasm),
    args: () => [readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'))],
  },
  { name: 'qrCamera.render', fn: f((t: string) => qr.qrCamera.render(t)), args: () => [URI] },
  { name: 'qrCamera.scan', fn: f((i: core.RgbaImage) => qr.qrCamera.scan(i)), args: () => [image()] },
  { name: 'checkImageSize', fn: f(qr.checkImageSize), args: () => [21, 21] },
];

const OIDC_STORE = new core.MemoryStore();
const OIDC_PROVIDER = core.createProvider({ store: OIDC_STORE, clock: clock(), hashing: LOW });

export const NODE_CALLS: CallSpec[] = [
  { name: 'decodeImage', fn: f(node.decodeImage), args: () => [qr.renderQr(URI, { format: 'png' })] },
  { name: 'readImageFile', fn: f(node.readImageFile), args: () => ['does-not-exist.png'] },
  { name: 'scanQrFile', fn: f(node.scanQrFile), args: () => ['does-not-exist.png'] },
  { name: 'sniffImageType', fn: f(node.sniffImageType), args: () => [qr.renderQr(URI, { format: 'png' })] },
  {
    name: 'writeQrFile',
    fn: f(node.writeQrFile),
    args: () => [join(OUT_DIR, 'qr.svg'), URI, { scale: 2, margin: 1, errorCorrection: 'M' }],
  },
  { name: 'readImageSize', fn: f(node.readImageSize), args: () => [qr.renderQr(URI, { format: 'png' }), 'png'] },
  // A server that starts is closed at once, so hostile options cannot leave one listening.
  { name: 'storeKind', fn: f(node.storeKind), args: () => ['sqlite:lab.db'] },
  {
    name: 'serveHandler',
    fn: f(async (handler: never, options: never) => (await node.serveHandler(handler, options)).close()),
    args: () => [async () => new Response('ok'), { port: 0, host: '127.0.0.1' }],
  },
  // It only answers requests handed to it, so creating one is safe with any options. One store for
  // every call: its signing key is made once, not once per hostile value.
  {
    name: 'createOidcProvider',
    fn: f(node.createOidcProvider),
    args: () => [
      {
        provider: OIDC_PROVIDER,
        store: OIDC_STORE,
        clock: clock(),
        issuer: 'http://127.0.0.1:6238',
        acr: 'x',
        language: 'hu',
        clients: [],
      },
    ],
  },
  {
    name: 'readSeed',
    fn: f(node.readSeed),
    args: () => [{ accounts: [{ username: 'anna', password: 'jelszo-123' }] }],
  },
  { name: 'readSeedFile', fn: f(node.readSeedFile), args: () => [SEED_FILE] },
  {
    name: 'applySeed',
    fn: f(node.applySeed),
    args: () => {
      const store = new core.MemoryStore();
      const provider = core.createProvider({ store, clock: clock(), hashing: { ...LOW } });
      return [node.readSeed({ accounts: [{ username: 'anna', password: 'jelszo-123' }] }), { provider, store }];
    },
  },
  // It connects only when a message is sent, so creating one is safe with any options.
  {
    name: 'createSmtpMailer',
    fn: f(node.createSmtpMailer),
    args: () => [{ host: '127.0.0.1', port: 25, from: 'a@b.test' }],
  },
];

export const SCENARIO_CALLS: CallSpec[] = [
  { name: 'findScenario', fn: f(scenarios.findScenario), args: () => ['replay'] },
  {
    name: 'startScenario',
    fn: f(scenarios.startScenario),
    args: () => [{ ...scenarios.SCENARIOS[0]! }, { camera: qr.qrCamera, lang: 'en', startTime: T }],
  },
  {
    name: 'runScenario',
    fn: f(scenarios.runScenario), // Copies, because the hostile run writes into the scenario object it is given.
    args: () => [
      { ...scenarios.findScenario('dap')! },
      { camera: qr.qrCamera, lang: 'hu', random: testing.seededRandom(1) },
    ],
  },
  { name: 'createDapService', fn: f(scenarios.createDapService), args: () => [{ language: 'hu' }] },
];

export const TESTING_CALLS: CallSpec[] = [
  { name: 'seededRandom', fn: f(testing.seededRandom), args: () => ['seed'] },
  {
    name: 'seededRandom.getRandomValues',
    fn: f((b: Uint8Array) => testing.seededRandom(1).getRandomValues(b)),
    args: () => [new Uint8Array(8)],
  },
  { name: 'fakeTimersClock', fn: f(testing.fakeTimersClock), args: () => [{ advanceTimersByTime: () => undefined }] },
  { name: 'codeAt', fn: f(testing.codeAt), args: () => [SECRET, T, { digits: 6, period: 30, algorithm: 'SHA1' }] },
  { name: 'codeForStep', fn: f(testing.codeForStep), args: () => [SECRET, 100, { digits: 6 }] },
  { name: 'nextCode', fn: f(testing.nextCode), args: () => [SECRET, { clock: clock(), digits: 6 }] },
  { name: 'freshCode', fn: f(testing.freshCode), args: () => [SECRET, { clock: clock(), minRemaining: 5 }] },
  { name: 'createTestProvider', fn: f(testing.createTestProvider), args: () => [{ seed: 'x', startTime: T }] },
  {
    name: 'probeVerifier',
    fn: f(testing.probeVerifier),
    // A stateless verifier on the probe's manual clock: the probe runs through, reporting its findings.
    args: () => [
      {
        target: {
          kind: 'function',
          verify: (code: string, a: { secret: string }) => core.verifyCode(a.secret, code, { time: T }).valid,
        },
        accounts: { kind: 'generate' },
        clock: clock(),
        language: 'en',
        maxWrongCodes: 3,
      },
    ],
  },
];

/** Exported values that are not functions to call (constants, error classes, classes tested apart). */
export const NOT_CALLED = new Set([
  'TotpLabError',
  'InvalidArgumentError',
  'InvalidSecretError',
  'InvalidKeyUriError',
  'InvalidStateError',
  'InvalidMigrationError',
  'InvalidImageError',
  'WrongPasswordError',
  'UnsupportedFormatError',
  'StoreError',
  'MailError',
  'MemoryStore',
  'FileStore',
  'PreparedSecret',
  'ProbeTargetError',
  'SqliteStore',
  'PostgresStore',
  // They create a database at whatever path or server they are given; test/node/*-store.test.ts checks their input.
  'openStore',
  'openSqliteStore',
  'openPostgresStore',
  // Data, not functions: the scenarios themselves are played through startScenario and runScenario.
  'SCENARIOS',
  // Constants: the bounds on key derivation and the names of the export formats.
  'KDF_LIMITS',
  'FORMAT_NAMES',
]);

/** The exported names of each entry point that a spec must cover. */
export const ENTRY_POINTS: Record<string, { module: object; calls: CallSpec[] }> = {
  'totp-lab': { module: core, calls: CORE_CALLS },
  'totp-lab/qr': { module: qr, calls: QR_CALLS },
  'totp-lab/node': { module: node, calls: NODE_CALLS },
  'totp-lab/testing': { module: testing, calls: TESTING_CALLS },
  'totp-lab/scenarios': { module: scenarios, calls: SCENARIO_CALLS },
  'stores, provider and phone': { module: {}, calls: METHOD_CALLS },
};

/** The temporary directories the calls write into. */
export const TEMP_DIRS = [OUT_DIR, METHODS_DIR];
