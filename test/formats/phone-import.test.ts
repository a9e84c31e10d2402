// The virtual phone imports every readable export file, encrypted ones with their password.
import { expect, it } from 'vitest';
import { createAuthenticator, manualClock, WrongPasswordError } from '../../src/index.js';
import { describeShared } from '../support/shared.js';
import { compareAccounts, exportBytes, MANIFEST, readManifest } from './exports.js';

describeShared('phone.importFile', [MANIFEST], () => {
  it('adds exactly the manifest accounts of every file, and nothing on a wrong password', async () => {
    for (const entry of readManifest().files) {
      const phone = createAuthenticator({ clock: manualClock(Date.UTC(2025, 0, 16)) });
      if (entry.password !== undefined) {
        await expect(phone.importFile(exportBytes(entry.file), { password: 'not it' })).rejects.toBeInstanceOf(
          WrongPasswordError,
        );
        expect(phone.toJSON().accounts).toEqual([]);
      }
      const result = await phone.importFile(
        exportBytes(entry.file),
        entry.password === undefined ? {} : { password: entry.password },
      );
      const accounts = phone
        .toJSON()
        .accounts.map(({ type, issuer, account, secret, algorithm, digits, period, counter }) => ({
          type,
          issuer,
          account,
          secret,
          algorithm,
          digits,
          period,
          counter,
        }));
      expect(compareAccounts(accounts as never, entry.expected), entry.file).toEqual([]);
      expect(result.added.length).toBe(accounts.length);
    }
  });
});
