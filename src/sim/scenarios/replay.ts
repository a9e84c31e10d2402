import { loginStep, setupSteps, waitStep } from './flows.js';
import type { Scenario } from './types.js';

export const replay: Scenario = {
  id: 'replay',
  title: { hu: 'Ugyanaz a kód kétszer', en: 'The same code twice' },
  summary: {
    hu: 'Egy elfogadott kódot a szolgáltatás másodszor már nem fogad el (RFC 6238 §5.2), így az ellesett kód sem használható. A következő kódra várni kell.',
    en: 'A code accepted once is refused the second time (RFC 6238 §5.2), so an overheard code is useless. Wait for the next code.',
  },
  steps: [
    ...setupSteps('phone'),
    loginStep('phone', true),
    loginStep('phone', false, {
      say: {
        hu: 'Valaki ugyanazzal a kóddal újra belépne (ugyanabban a fél percben).',
        en: 'Someone logs in again with the same code (in the same half minute).',
      },
      expect: { hu: 'Az oldal elutasítja: ezt a kódot már felhasználták.', en: 'Refused: this code has been used.' },
      code: (ctx) => ctx.memo.get('lastCode') as string,
    }),
    waitStep(30_000, {
      hu: 'Fél perc múlva a telefon új kódot mutat.',
      en: 'Half a minute later the phone shows a new code.',
    }),
    loginStep('phone', true, { say: { hu: 'Belépés az új kóddal.', en: 'Log in with the new code.' } }),
  ],
};
