import { loginStep, setupSteps } from './flows.js';
import type { Scenario } from './types.js';

export const happyPath: Scenario = {
  id: 'happy-path',
  title: { hu: 'Az Ügyfélkapu+ beállítása, ahogy kell', en: 'Setting up Ügyfélkapu+ the right way' },
  summary: {
    hu: 'Regisztráció, QR-kód beolvasása a telefonnal, törlőkód mentése, Befejezés, majd belépés a telefon kódjával.',
    en: 'Register, scan the QR code with the phone, save the deletion code (törlőkód), Befejezés (Finish), then log in with the phone’s code.',
  },
  steps: [...setupSteps('phone'), loginStep('phone', true)],
};
