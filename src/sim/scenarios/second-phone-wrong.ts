import { changeDevice, codeOn, loginStep, setupSteps, waitStep } from './flows.js';
import type { Scenario } from './types.js';

export const secondPhoneWrong: Scenario = {
  id: 'second-phone-wrong',
  title: {
    hu: 'Második telefon, rosszul: „Beállítás másik eszközre” az új telefonon',
    en: 'A second phone done wrong: "Beállítás másik eszközre" on the new phone',
  },
  summary: {
    hu: 'A „Beállítás másik eszközre” új titkos kulcsot ad: az új telefon működik, a régi kódjai ettől kezdve rosszak.',
    en: '"Beállítás másik eszközre" (set up on another device) issues a new secret key: the new phone works, and the old phone’s codes are wrong from then on.',
  },
  steps: [
    ...setupSteps('old phone'),
    loginStep('old phone', true),
    {
      say: {
        hu: 'Ügyfélkapu beállítások → „Beállítás másik eszközre” (jelszó és a régi telefon kódja); az új telefon beolvassa az új QR-kódot, a felhasználó beírja az új telefon kódját, elmenti az új törlőkódot, Befejezés.',
        en: 'Ügyfélkapu settings → "Beállítás másik eszközre" (password and the old phone’s code); the new phone scans the new QR code, the user types the new phone’s code, saves the new deletion code, Befejezés.',
      },
      expect: { hu: 'Az új eszköz beállítása befejeződik.', en: 'The new device is set up.' },
      async act(ctx) {
        return (await changeDevice(ctx, 'old phone', 'new phone')) !== null;
      },
    },
    waitStep(30_000, { hu: 'Fél perc telik el.', en: 'Half a minute passes.' }),
    {
      say: { hu: 'A két telefon most más-más kódot mutat.', en: 'The two phones now show different codes.' },
      expect: {
        hu: 'A kódok eltérnek: a régi telefon a régi kulcsot őrzi.',
        en: 'The codes differ: the old phone still holds the old key.',
      },
      async act(ctx) {
        return codeOn(ctx, 'old phone') !== codeOn(ctx, 'new phone');
      },
    },
    loginStep('old phone', false, {
      say: { hu: 'Belépés a régi telefon kódjával.', en: 'Log in with the old phone’s code.' },
      expect: {
        hu: 'Az oldal elutasítja: a régi kulcs már nem érvényes.',
        en: 'Refused: the old key is no longer valid.',
      },
    }),
    loginStep('new phone', true, {
      say: {
        hu: 'Néhány másodperc múlva belépés az új telefon kódjával. (Hibás kód után a szolgáltatás rövid ideig vár: 1, 2, 4… másodperc.)',
        en: 'A few seconds later, log in with the new phone’s code. (After a wrong code the service makes you wait a little: 1, 2, 4… seconds.)',
      },
      code: (ctx) => (ctx.wait(5_000), codeOn(ctx, 'new phone')),
    }),
  ],
};
