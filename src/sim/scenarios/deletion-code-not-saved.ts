import { constantTimeEqual } from '../../core/constant-time.js';
import { changeDevice, codeOn, loginStep, redeemKept, setupSteps, waitStep } from './flows.js';
import type { Scenario } from './types.js';

export const deletionCodeNotSaved: Scenario = {
  id: 'deletion-code-not-saved',
  title: { hu: 'Nem mentette el a törlőkódot', en: 'The deletion code (törlőkód) was never saved' },
  summary: {
    hu: 'Amíg be tud lépni, nincs baj: „Beállítás másik eszközre” ugyanarra a telefonra új QR-kódot és új törlőkódot ad. Ezt már el kell menteni.',
    en: 'While the user can still log in, it is easy to fix: "Beállítás másik eszközre" onto the same phone gives a new QR code and a new deletion code. Save that one.',
  },
  steps: [
    ...setupSteps('phone'),
    {
      say: {
        hu: 'A törlőkódot senki nem írta fel: elveszett.',
        en: 'Nobody wrote the deletion code down: it is lost.',
      },
      expect: { hu: 'A belépés ettől még működik.', en: 'Logging in still works.' },
      async act(ctx) {
        ctx.memo.set('lostDeletionCode', ctx.memo.get('deletionCode'));
        ctx.memo.delete('deletionCode');
        const r = await ctx.provider.login({
          username: ctx.user.username,
          password: ctx.user.password,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: r.ok, message: r.message });
        return r.ok;
      },
    },
    {
      say: {
        hu: 'Ügyfélkapu beállítások → „Beállítás másik eszközre”, ugyanazzal a telefonnal: beolvassa az új QR-kódot, beírja a kódot, és most elmenti az új törlőkódot.',
        en: 'Ügyfélkapu settings → "Beállítás másik eszközre", with the same phone: it scans the new QR code, the user types the code and this time saves the new deletion code.',
      },
      expect: {
        hu: 'Új törlőkód jelenik meg, a beállítás befejeződik.',
        en: 'A new deletion code appears and the setup finishes.',
      },
      async act(ctx) {
        const deletionCode = await changeDevice(ctx, 'phone', 'phone');
        ctx.memo.set('deletionCode', deletionCode);
        return deletionCode !== null && !constantTimeEqual(deletionCode, ctx.memo.get('lostDeletionCode') as string);
      },
    },
    {
      say: {
        hu: 'A telefonon most két Ügyfélkapu+ bejegyzés van; a régit balra húzva törli, és megerősíti.',
        en: 'The phone now has two Ügyfélkapu+ entries; the user swipes the old one left to delete it, and confirms.',
      },
      expect: { hu: 'Egy bejegyzés marad, az új.', en: 'One entry is left, the new one.' },
      async act(ctx) {
        const phone = ctx.phone('phone');
        const [old] = phone.list();
        if (!old) return false;
        phone.requestDelete(old.id);
        phone.confirmDelete(old.id);
        return phone.list().length === 1;
      },
    },
    waitStep(30_000, { hu: 'Fél perc telik el.', en: 'Half a minute passes.' }),
    loginStep('phone', true),
    {
      say: {
        hu: 'Ha valaki megtalálná a régi törlőkódot: az már nem érvényes.',
        en: 'Should the old deletion code turn up: it is no longer valid.',
      },
      expect: { hu: 'A régi törlőkódot az oldal elutasítja.', en: 'The site refuses the old deletion code.' },
      async act(ctx) {
        const r = await redeemKept(ctx, 'lostDeletionCode');
        return !r.ok;
      },
    },
  ],
};
