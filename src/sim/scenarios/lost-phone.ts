import { enrollSteps, loginStep, setupSteps } from './flows.js';
import type { Scenario, ScenarioStep } from './types.js';

const redeem = (which: 'saved' | 'spent'): ScenarioStep => ({
  say:
    which === 'saved'
      ? {
          hu: 'A telefon elveszett. A felhasználó az Ügyfélkapun megadja a felhasználónevét, a jelszavát és az elmentett törlőkódot.',
          en: 'The phone is lost. At the site the user enters the username, the password and the saved deletion code.',
        }
      : {
          hu: 'Valaki még egyszer beírja ugyanazt, már elhasznált törlőkódot.',
          en: 'Someone types the same, already spent deletion code once more.',
        },
  expect:
    which === 'saved'
      ? {
          hu: 'A telefonos azonosító kapcsolat törlődik; a fiók megmarad.',
          en: 'The phone binding is removed; the account remains.',
        }
      : { hu: 'Az oldal elutasítja: a törlőkód egyszer használható.', en: 'Refused: a deletion code works once.' },
  async act(ctx) {
    const r = await ctx.provider.redeemDeletionCode({
      username: ctx.user.username,
      password: ctx.user.password,
      deletionCode: ctx.memo.get(which === 'saved' ? 'deletionCode' : 'spentDeletionCode') as string,
    });
    ctx.emit({ type: 'site', ok: r.ok, message: r.message });
    if (which === 'saved') {
      ctx.memo.set('spentDeletionCode', ctx.memo.get('deletionCode'));
      const status = await ctx.provider.accountStatus(ctx.user.username);
      return r.ok && status.exists && status.secondFactor === 'none';
    }
    return !r.ok;
  },
});

export const lostPhone: Scenario = {
  id: 'lost-phone',
  title: { hu: 'Elveszett telefon: a törlőkód', en: 'A lost phone: the deletion code (törlőkód)' },
  summary: {
    hu: 'A törlőkóddal személyes ügyintézés nélkül törölhető a telefonos kapcsolat, utána az Ügyfélkapu+ újra beállítható, új törlőkóddal. Az elhasznált törlőkód többé nem működik.',
    en: 'With the deletion code the phone binding can be removed without going to an office; then Ügyfélkapu+ is set up again, with a new deletion code. The spent one never works again.',
  },
  steps: [
    ...setupSteps('old phone'),
    redeem('saved'),
    ...enrollSteps('new phone'),
    loginStep('new phone', true, {
      say: { hu: 'Belépés az új telefon kódjával.', en: 'Log in with the new phone’s code.' },
    }),
    redeem('spent'),
  ],
};
