// The methods of the objects the entry points make: stores, the provider and the phone. Each call
// builds its own fresh object, so one hostile call cannot disturb the next.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../src/index.js';
import { FileStore } from '../../src/node/index.js';
import { qrCamera } from '../../src/qr/index.js';
import { seededRandom } from '../../src/testing/index.js';
import type { CallSpec } from './entry-points.js';
import { SECRET, T } from './entry-points.js';

/** Where the FileStore calls write; the test removes it afterwards. */
export const METHODS_DIR = mkdtempSync(join(tmpdir(), 'totp-lab-hostile-'));
const dir = METHODS_DIR;
let files = 0;
const LOW = core.LOW_COST_HASHING_FOR_TESTS;
const f = (fn: unknown) => fn as (...args: unknown[]) => unknown;
const notOk = (v: unknown) => (v as { ok?: unknown } | undefined)?.ok === true;
const URI = `otpauth://totp/Example:alice?secret=${SECRET}&issuer=Example`;

const provider = () =>
  core.createProvider({ clock: core.manualClock(T), hashing: LOW, random: seededRandom(9), throttle: { baseMs: 0 } });
/** A provider with one registered user ('anna', password 'jelszo-123'). */
async function withUser() {
  const p = provider();
  await p.register({ username: 'anna', password: 'jelszo-123', email: 'anna@example.hu' });
  return p;
}
/** A provider with one account seeded with the app factor ('cecil', password 'jelszo-123'). */
async function withSeeded() {
  const p = provider();
  await p.seedAccount({ username: 'cecil', password: 'jelszo-123', secret: SECRET });
  return p;
}
const phone = () => {
  const ph = core.createAuthenticator({ clock: core.manualClock(T), random: seededRandom(10), camera: qrCamera });
  ph.addKeyUri(URI);
  ph.addKeyUri(`otpauth://hotp/Example:counter?secret=${SECRET}&counter=0`);
  return ph;
};
const store = () => new core.MemoryStore();
const fileStore = () => new FileStore(join(dir, `s${++files}.json`), { lockTimeoutMs: 2000 });

export const METHOD_CALLS: CallSpec[] = [
  { name: 'MemoryStore.get', fn: f((k: string) => store().get(k)), args: () => ['k'] },
  {
    name: 'MemoryStore.update',
    fn: f((k: string, fn: () => core.StoreValue) => store().update(k, fn)),
    args: () => ['k', () => 1],
  },
  {
    name: 'MemoryStore.update (returned value)',
    fn: f((v: unknown) => store().update('k', () => v as core.StoreValue)),
    args: () => [1],
  },
  { name: 'MemoryStore.keys', fn: f((p: string) => store().keys(p)), args: () => ['a'] },
  {
    name: 'FileStore',
    fn: f((path: string, o: object) => new FileStore(path, o)),
    args: () => [join(dir, 'c.json'), { lockTimeoutMs: 100, staleLockMs: 100 }],
  },
  { name: 'FileStore.get', fn: f((k: string) => fileStore().get(k)), args: () => ['k'] },
  {
    name: 'FileStore.update',
    fn: f((k: string, fn: () => core.StoreValue) => fileStore().update(k, fn)),
    args: () => ['k', () => 1],
  },
  {
    name: 'FileStore.update (returned value)',
    fn: f((v: unknown) => fileStore().update('k', () => v as core.StoreValue)),
    args: () => [1],
  },
  { name: 'FileStore.keys', fn: f((p: string) => fileStore().keys(p)), args: () => ['a'] },
  {
    name: 'provider.register',
    fn: f((i: never) => provider().register(i)),
    args: () => [{ username: 'bela', password: 'jelszo-123', email: 'bela@example.hu' }],
  },
  {
    name: 'provider.login (wrong password)',
    fn: f(async (i: never) => (await withUser()).login(i)),
    args: () => [{ username: 'anna', password: 'rossz', code: '123456' }],
    wrong: notOk,
  },
  {
    name: 'provider.verifySecondFactor',
    fn: f(async (i: never) => (await withUser()).verifySecondFactor(i)),
    args: () => [{ username: 'anna', code: '123456' }],
    wrong: notOk,
  },
  {
    name: 'provider.startEnrollment (wrong password)',
    fn: f(async (i: never) => (await withUser()).startEnrollment(i)),
    args: () => [{ username: 'anna', password: 'rossz' }],
    wrong: notOk,
  },
  {
    name: 'provider.confirmEnrollment',
    fn: f((i: never) => provider().confirmEnrollment(i)),
    args: () => [{ enrollmentId: 'f'.repeat(32), code: '123456' }],
    wrong: notOk,
  },
  {
    name: 'provider.finishEnrollment',
    fn: f((i: never) => provider().finishEnrollment(i)),
    args: () => [{ enrollmentId: 'f'.repeat(32), deletionCodeSaved: true }],
    wrong: notOk,
  },
  {
    name: 'provider.abandonEnrollment',
    fn: f((i: never) => provider().abandonEnrollment(i)),
    args: () => [{ enrollmentId: 'f'.repeat(32) }],
    wrong: notOk,
  },
  {
    name: 'provider.startDeviceChange',
    fn: f(async (i: never) => (await withUser()).startDeviceChange(i)),
    args: () => [{ username: 'anna', password: 'jelszo-123', code: '123456' }],
    wrong: notOk,
  },
  {
    name: 'provider.redeemDeletionCode',
    fn: f(async (i: never) => (await withUser()).redeemDeletionCode(i)),
    args: () => [{ username: 'anna', password: 'jelszo-123', deletionCode: '1234 5678 9012 3456 7890' }],
    wrong: notOk,
  },
  {
    name: 'provider.sendEmailCode',
    fn: f(async (i: never) => (await withUser()).sendEmailCode(i)),
    args: () => [{ username: 'anna' }],
    wrong: notOk,
  },
  {
    name: 'provider.startEmailFactor (wrong password)',
    fn: f(async (i: never) => (await withUser()).startEmailFactor(i)),
    args: () => [{ username: 'anna', password: 'rossz' }],
    wrong: notOk,
  },
  {
    name: 'provider.changePassword (wrong password)',
    fn: f(async (i: never) => (await withUser()).changePassword(i)),
    args: () => [{ username: 'anna', password: 'rossz', newPassword: 'uj-jelszo-1' }],
    wrong: notOk,
  },
  { name: 'provider.unlock', fn: f((u: string) => provider().unlock(u)), args: () => ['anna'] },
  { name: 'provider.accountStatus', fn: f((u: string) => provider().accountStatus(u)), args: () => ['anna'] },
  { name: 'provider.auditLog', fn: f((s: number) => provider().auditLog(s)), args: () => [0] },
  { name: 'provider.inspect', fn: f((u: string) => provider().inspect(u)), args: () => ['anna'] },
  {
    name: 'provider.explainCode',
    fn: f(async (i: never) => (await withUser()).explainCode(i)),
    args: () => [{ username: 'anna', code: '123456' }],
  },
  {
    name: 'provider.explainAttempts',
    fn: f(async (u: string, o: never) => (await withUser()).explainAttempts(u, o)),
    args: () => ['anna', { language: 'en', limit: 5 }],
  },
  {
    name: 'provider.seedAccount',
    fn: f((i: never) => provider().seedAccount(i)),
    args: () => [
      {
        username: 'bela',
        password: 'jelszo-123',
        email: 'bela@example.hu',
        factor: 'app',
        secret: SECRET,
        deletionCode: '1234 5678 9012 3456 7890',
        active: true,
        passwordAgeDays: 3,
        locked: false,
      },
    ],
  },
  {
    name: 'provider.accountCode',
    fn: f(async (i: never) => (await withSeeded()).accountCode(i)),
    args: () => [{ username: 'cecil', minRemaining: 5 }],
  },
  { name: 'provider.lastStep', fn: f(async (u: string) => (await withSeeded()).lastStep(u)), args: () => ['cecil'] },
  {
    name: 'provider.forgetLastStep',
    fn: f(async (u: string) => (await withSeeded()).forgetLastStep(u)),
    args: () => ['cecil'],
  },
  {
    name: 'provider.removeAccount',
    fn: f(async (u: string) => (await withSeeded()).removeAccount(u)),
    args: () => ['cecil'],
  },
  { name: 'phone.setDrift', fn: f((v: number) => phone().setDrift(v)), args: () => [1000] },
  { name: 'phone.addKeyUri', fn: f((v: string) => phone().addKeyUri(v)), args: () => [URI.replace('alice', 'bob')] },
  {
    name: 'phone.addManually',
    fn: f((v: never) => phone().addManually(v)),
    args: () => [{ issuer: 'X', account: 'y', secret: SECRET }],
  },
  {
    name: 'phone.scan',
    fn: f((v: never) => phone().scan(v)),
    args: () => [{ data: new Uint8ClampedArray(4 * 21 * 21).fill(255), width: 21, height: 21 }],
  },
  { name: 'phone.get', fn: f((id: string) => phone().get(id)), args: () => ['acc-1'] },
  { name: 'phone.nextCode', fn: f((id: string) => phone().nextCode(id)), args: () => ['acc-2'] },
  {
    name: 'phone.rename',
    fn: f((id: string, n: never) => phone().rename(id, n)),
    args: () => ['acc-1', { issuer: 'Y', account: 'z' }],
  },
  { name: 'phone.requestDelete', fn: f((id: string) => phone().requestDelete(id)), args: () => ['acc-1'] },
  { name: 'phone.confirmDelete', fn: f((id: string) => phone().confirmDelete(id)), args: () => ['acc-1'] },
  { name: 'phone.exportQrImages', fn: f((o: never) => phone().exportQrImages(o)), args: () => [{}] },
  {
    name: 'phone.importText',
    fn: f((t: string) => phone().importText(t)),
    args: () => [URI.replace('alice', 'carol')],
  },
  {
    name: 'phone.importFile',
    fn: f((t: string, o: object) => phone().importFile(t, o as never)),
    args: () => [URI.replace('alice', 'dora'), {}],
  },
  { name: 'phone.exportUriList', fn: f((ids: never) => phone().exportUriList(ids)), args: () => [['acc-1']] },
  { name: 'phone.exportAegis', fn: f((ids: never) => phone().exportAegis(ids)), args: () => [['acc-1']] },
];
