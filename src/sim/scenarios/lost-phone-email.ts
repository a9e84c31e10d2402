import { redeemKept, setupSteps } from './flows.js';
import { chooseEmailSteps, emailPasswordStep, sendCodeStep, typeEmailCodeStep } from './email-flows.js';
import type { Scenario } from './types.js';

export const lostPhoneEmail: Scenario = {
  id: 'lost-phone-email',
  title: { hu: 'Elveszett telefon: váltás e-mailes kódra', en: 'A lost phone: switching to e-mail codes' },
  summary: {
    hu: 'Aki elvesztette a telefonját, a törlőkóddal új telefon nélkül is továbbléphet: az e-mailes kódot választja. A törlőkód ezzel elhasználódik.',
    en: 'Someone who lost the phone can go on without a new one: the deletion code (törlőkód) lets them choose the e-mail code instead. That spends the deletion code.',
  },
  steps: [
    ...setupSteps('phone'),
    ...chooseEmailSteps('deletion-code'),
    emailPasswordStep,
    sendCodeStep(true),
    typeEmailCodeStep(true, { expect: { hu: 'A belépés sikeres.', en: 'The login succeeds.' } }),
    typeEmailCodeStep(false, {
      say: {
        hu: 'Valaki, aki látta a levelet, ugyanazzal a kóddal próbál belépni.',
        en: 'Someone who saw the mail tries to log in with the same code.',
      },
      expect: {
        hu: 'Az oldal elutasítja: az e-mailes kód egyszer használható.',
        en: 'Refused: an e-mail code works once.',
      },
    }),
    {
      say: {
        hu: 'Valaki később ugyanazzal a törlőkóddal próbálkozik.',
        en: 'Later someone tries the same deletion code again.',
      },
      expect: {
        hu: 'Az oldal elutasítja: a törlőkód egyszer használható.',
        en: 'Refused: a deletion code works once.',
      },
      async act(ctx) {
        const r = await redeemKept(ctx);
        return !r.ok;
      },
    },
  ],
};
