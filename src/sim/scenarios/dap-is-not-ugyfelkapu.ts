import { createDapService } from '../dap.js';
import { codeOn, loginStep, setupSteps } from './flows.js';
import type { Scenario } from './types.js';

export const dapIsNotUgyfelkapu: Scenario = {
  id: 'dap',
  title: { hu: 'A DÁP nem az Ügyfélkapu+', en: 'DÁP is not Ügyfélkapu+' },
  summary: {
    hu: 'A Digitális Állampolgár (DÁP) külön rendszer, saját, egy eszközhöz kötött alkalmazással. Az Ügyfélkapu+ adataival oda nem lehet belépni; a kettő egymás mellett használható.',
    en: 'Digitális Állampolgár (DÁP) is a separate system with its own app tied to one device. Ügyfélkapu+ credentials do not log into it; the two can be used side by side.',
  },
  steps: [
    ...setupSteps('phone'),
    {
      say: {
        hu: 'A felhasználó az Ügyfélkapu+ felhasználónevével, jelszavával és kódjával a DÁP-ba próbál belépni.',
        en: 'The user tries to log into DÁP with the Ügyfélkapu+ username, password and code.',
      },
      expect: {
        hu: 'A DÁP elutasítja: ott a DÁP alkalmazással kell belépni.',
        en: 'DÁP refuses: it is entered with the DÁP app.',
      },
      async act(ctx) {
        const dap = createDapService({ language: ctx.language });
        const r = await dap.loginWithPassword({
          username: ctx.user.username,
          password: ctx.user.password,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: r.ok, message: r.message });
        return !r.ok;
      },
    },
    loginStep('phone', true, {
      say: { hu: 'Ugyanazokkal az adatokkal az Ügyfélkapu+ működik.', en: 'The same details work at Ügyfélkapu+.' },
    }),
  ],
};
