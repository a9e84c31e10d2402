import { UGYFELKAPU_ACTIVATION_DELAY_MS } from '../provider-options.js';
import { loginStep, setupSteps, waitStep } from './flows.js';
import type { Scenario } from './types.js';

export const activationDelay: Scenario = {
  id: 'activation-delay',
  title: {
    hu: '„Nem megfelelő felhasználónév…” rögtön a beállítás után',
    en: '"Nem megfelelő felhasználónév…" right after setup',
  },
  summary: {
    hu: 'A Befejezés után a szolgáltatás még 1–2 percig nem él: aki ekkor lép be, az általános hibaüzenetet kapja. Várni kell a megerősítő ablakra.',
    en: 'After Befejezés (Finish) the service takes 1–2 minutes to become active: logging in meanwhile gives the generic error. Wait for the confirmation pop-up.',
  },
  provider: { activationDelayMs: UGYFELKAPU_ACTIVATION_DELAY_MS },
  steps: [
    ...setupSteps('phone'),
    loginStep('phone', false, {
      say: {
        hu: 'A felhasználó azonnal belépne, a telefon friss kódjával.',
        en: 'The user logs in at once, with the phone’s fresh code.',
      },
      expect: {
        hu: 'Az oldal az általános hibaüzenettel elutasítja: a második faktor még nem aktív.',
        en: 'Refused with the generic message: the second factor is not active yet.',
      },
    }),
    waitStep(2 * 60_000, {
      hu: 'Két percet vár, amíg megjelenik a sikeres beállításról szóló felugró ablak.',
      en: 'Waits two minutes, until the pop-up confirming the setup appears.',
    }),
    loginStep('phone', true, {
      say: { hu: 'Újra belép, a telefon aktuális kódjával.', en: 'Logs in again, with the phone’s current code.' },
    }),
  ],
};
