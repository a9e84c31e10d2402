import { codeOn, loginStep, setupSteps } from './flows.js';
import type { Scenario } from './types.js';

const WRONG_PASSWORDS = [
  'tavaszi-szel-2025',
  'Tavaszi-Szel-2024',
  'TavasziSzel2025',
  'Tavaszi-Szél-2025',
  'Tavaszi-Szel-2O25',
];

export const lockout: Scenario = {
  id: 'lockout',
  title: { hu: 'Elgépelt jelszó, zárolt fiók', en: 'Typos and a locked account' },
  summary: {
    hu: 'Öt hibás jelszó után a fiók zárolódik; ezután a helyes jelszó és kód sem enged be. Feloldani csak személyesen lehet.',
    en: 'Five wrong passwords lock the account; after that even the right password and code are refused. Only an in-person visit unlocks it.',
  },
  steps: [
    ...setupSteps('phone'),
    {
      say: {
        hu: 'A felhasználó ötször elgépeli a jelszavát (kisbetű, rossz év, ékezet, O a 0 helyett…).',
        en: 'The user mistypes the password five times (lower case, wrong year, an accent, O for 0…).',
      },
      expect: {
        hu: 'Mind az öt próbálkozást elutasítja az oldal, és a fiók zárolódik.',
        en: 'All five attempts are refused and the account is locked.',
      },
      async act(ctx) {
        let refused = 0;
        for (const password of WRONG_PASSWORDS) {
          ctx.wait(10_000);
          const r = await ctx.provider.login({ username: ctx.user.username, password, code: codeOn(ctx, 'phone') });
          ctx.emit({ type: 'site', ok: r.ok, message: r.message });
          if (!r.ok) refused++;
        }
        const status = await ctx.provider.accountStatus(ctx.user.username);
        return { passed: refused === 5 && status.locked, detail: `refused ${refused} of 5, locked: ${status.locked}` };
      },
    },
    loginStep('phone', false, {
      say: {
        hu: 'Most helyes jelszóval és a telefon kódjával próbálja.',
        en: 'Now the user tries the right password and the phone’s code.',
      },
      expect: {
        hu: 'Az oldal elutasítja: a zárolt fiókba helyes adatokkal sem lehet belépni.',
        en: 'Refused: a locked account does not open even with the right details.',
      },
    }),
    {
      say: {
        hu: 'Másnap személyesen, kormányablakban: az ügyintéző feloldja a zárolást.',
        en: 'The next day, in person at a government office: the clerk unlocks the account.',
      },
      expect: { hu: 'A fiók zárolása megszűnik.', en: 'The account is no longer locked.' },
      async act(ctx) {
        ctx.wait(86_400_000, { hu: 'másnap, kormányablak', en: 'the next day, at a government office' });
        const r = await ctx.provider.unlock(ctx.user.username);
        return r.ok && !(await ctx.provider.accountStatus(ctx.user.username)).locked;
      },
    },
    loginStep('phone', true, {
      say: {
        hu: 'Hazaérve belépés a helyes adatokkal.',
        en: 'Back home, log in with the right details.',
      },
      code: (ctx) => (ctx.wait(2 * 3_600_000, { hu: 'hazaérve', en: 'back home' }), codeOn(ctx, 'phone')),
    }),
  ],
};
