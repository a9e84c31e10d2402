import { codeOn, loginStep, setupSteps } from './flows.js';
import type { Localized, Scenario, ScenarioStep } from './types.js';

/** Sets the phone's clock error, after moving to `offset` seconds into a 30-second step. */
const setDrift = (driftMs: number, offset: number, say: Localized, expect: Localized): ScenarioStep => ({
  say,
  expect,
  async act(ctx) {
    const into = Math.floor(ctx.clock.now() / 1000) % 30;
    // At least one whole step later, so the phone never shows a code already used.
    ctx.wait((((offset - into + 30) % 30) + 30) * 1000);
    ctx.phone('phone').setDrift(driftMs);
    codeOn(ctx, 'phone');
    return ctx.phone('phone').driftMs === driftMs;
  },
});

export const clockDrift: Scenario = {
  id: 'clock-drift',
  title: { hu: 'Késik a telefon órája', en: 'The phone’s clock drifts' },
  summary: {
    hu: 'A kód az időből készül, 30 másodperces lépésekben; a szolgáltatás egy lépés eltérést tűr mindkét irányban. 45 másodperc késés még belefér (ha a lépés második felében vagyunk), 2 perc már nem. Megoldás: automatikus idő a telefonon.',
    en: 'The code is made from the time, in 30-second steps; the service tolerates one step either way. 45 seconds behind still fits (in the second half of a step), 2 minutes does not. The fix: automatic time on the phone.',
  },
  steps: [
    ...setupSteps('phone'),
    setDrift(
      -45_000,
      20,
      {
        hu: 'A telefon órája 45 másodpercet késik. (Egy 30 másodperces lépés 20. másodpercében vagyunk.)',
        en: 'The phone’s clock is 45 seconds behind. (We are 20 seconds into a 30-second step.)',
      },
      { hu: 'A telefon órája 45 másodpercet késik.', en: 'The phone’s clock is 45 seconds behind.' },
    ),
    loginStep('phone', true, {
      say: {
        hu: 'Belépés a késő telefon kódjával: ez az előző lépés kódja.',
        en: 'Log in with the late phone’s code: it is the previous step’s code.',
      },
      expect: {
        hu: 'A belépés sikerül: az előző lépés kódja még a tűréshatáron belül van (±1 lépés).',
        en: 'It works: the previous step’s code is still within the tolerance (±1 step).',
      },
    }),
    setDrift(
      -120_000,
      20,
      { hu: 'Most 2 percet késik a telefon órája.', en: 'Now the phone’s clock is 2 minutes behind.' },
      { hu: 'A telefon órája 2 percet késik.', en: 'The phone’s clock is 2 minutes behind.' },
    ),
    loginStep('phone', false, {
      say: {
        hu: 'Belépés a 2 percet késő telefon kódjával: ez 4 lépéssel régebbi kód.',
        en: 'Log in with the phone 2 minutes behind: its code is 4 steps old.',
      },
      expect: {
        hu: 'Az oldal elutasítja: a kód kívül esik a ±1 lépésen.',
        en: 'Refused: the code is outside ±1 step.',
      },
    }),
    setDrift(
      0,
      5,
      {
        hu: 'A felhasználó bekapcsolja az automatikus időt a telefonon.',
        en: 'The user switches on automatic time on the phone.',
      },
      { hu: 'A telefon órája újra pontos.', en: 'The phone’s clock is right again.' },
    ),
    loginStep('phone', true),
  ],
};
