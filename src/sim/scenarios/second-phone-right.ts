import {
  codeOn,
  confirmEnrollmentStep,
  finishEnrollmentStep,
  loginStep,
  registerStep,
  scanFromSite,
  startEnrollmentStep,
  waitStep,
} from './flows.js';
import type { Scenario } from './types.js';

export const secondPhoneRight: Scenario = {
  id: 'second-phone-right',
  title: {
    hu: 'Második telefon, helyesen: ugyanaz a QR-kód mindkettőn',
    en: 'A second phone done right: the same QR code on both',
  },
  summary: {
    hu: 'Több telefon csak akkor működik, ha mindegyiken ugyanaz a titkos kulcs van: a beállításkor mindkettő beolvassa ugyanazt a QR-kódot.',
    en: 'Several phones work only when each holds the same secret key: during setup both scan the same QR code.',
  },
  steps: [
    registerStep,
    startEnrollmentStep('phone'),
    {
      say: {
        hu: 'Amíg a QR-kód a képernyőn van, a táblagép is beolvassa.',
        en: 'While the QR code is on screen, the tablet scans it too.',
      },
      expect: { hu: 'A két eszköz ugyanazt a kódot mutatja.', en: 'Both devices show the same code.' },
      async act(ctx) {
        const added = await scanFromSite(ctx, ctx.phone('tablet'), ctx.memo.get('keyUri') as string, {
          hu: 'Ugyanaz a QR-kód',
          en: 'The same QR code',
        });
        return added && codeOn(ctx, 'tablet') === codeOn(ctx, 'phone');
      },
    },
    confirmEnrollmentStep('phone'),
    finishEnrollmentStep,
    waitStep(30_000, {
      hu: 'Fél perc múlva mindkét eszköz új kódot mutat.',
      en: 'Half a minute later both devices show a new code.',
    }),
    loginStep('phone', true),
    waitStep(30_000, { hu: 'Fél perc múlva új kód jön.', en: 'Half a minute later a new code comes.' }),
    loginStep('tablet', true, { say: { hu: 'Belépés a táblagép kódjával.', en: 'Log in with the tablet’s code.' } }),
  ],
};
