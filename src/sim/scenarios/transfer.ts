import { codeOn, loginStep, phoneName, setupSteps, waitStep } from './flows.js';
import type { Scenario } from './types.js';

export const transfer: Scenario = {
  id: 'transfer',
  title: {
    hu: 'Fiókok átvitele új telefonra az átviteli QR-kóddal',
    en: 'Moving accounts to a new phone with the transfer QR code',
  },
  summary: {
    hu: 'A hitelesítő alkalmazás fiókátviteli QR-kódja (otpauth-migration) ugyanazt a titkos kulcsot viszi át: mindkét telefon jó kódot ad, új törlőkód nem kell.',
    en: 'The authenticator app’s account-transfer QR code (otpauth-migration) carries the same secret key: both phones give good codes, and no new deletion code (törlőkód) is needed.',
  },
  steps: [
    ...setupSteps('old phone'),
    {
      say: {
        hu: 'A régi telefon átviteli QR-kódot mutat, az új telefon beolvassa.',
        en: 'The old phone shows a transfer QR code and the new phone scans it.',
      },
      expect: {
        hu: 'Az új telefonra átkerül az Ügyfélkapu+ fiók, és ugyanazt a kódot mutatja.',
        en: 'The Ügyfélkapu+ account arrives on the new phone, showing the same code.',
      },
      async act(ctx) {
        const oldPhone = ctx.phone('old phone');
        const uris = oldPhone.exportMigration();
        const images = uris.map((uri) => ctx.camera.render(uri));
        let imported = 0;
        for (const [i, image] of images.entries()) {
          ctx.emit({
            type: 'qr',
            who: ctx.t(phoneName('old phone')),
            text: uris[i]!,
            caption: ctx.t({
              hu: `Átviteli QR-kód ${i + 1}/${images.length}`,
              en: `Transfer QR code ${i + 1} of ${images.length}`,
            }),
          });
          const r = await ctx.phone('new phone').scan(image);
          if (r.status === 'imported') imported += r.added.length;
        }
        return imported === 1 && codeOn(ctx, 'new phone') === codeOn(ctx, 'old phone');
      },
    },
    waitStep(30_000, { hu: 'Fél perc telik el.', en: 'Half a minute passes.' }),
    loginStep('new phone', true, {
      say: { hu: 'Belépés az új telefon kódjával.', en: 'Log in with the new phone’s code.' },
    }),
  ],
};
