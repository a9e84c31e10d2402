import type { Localized } from '../language.js';
import {
  codeOn,
  confirmEnrollmentStep,
  finishEnrollmentStep,
  loginStep,
  registerStep,
  startEnrollmentStep,
} from './flows.js';
import type { Scenario } from './types.js';

/** One result of the app store's search for "hitelesítő" / "authenticator". */
type StoreResult = { name: Localized; developer: string; sponsored: boolean; price: Localized; asks: Localized | null };

/** What the search shows: a paid-for fake on top, the real apps below it. */
const RESULTS: readonly StoreResult[] = [
  {
    name: { hu: 'Authenticator ‑ 2FA Hitelesítő', en: 'Authenticator ‑ 2FA Code App' },
    developer: 'Secure Lock Apps Ltd.',
    sponsored: true,
    price: { hu: 'ingyenes, alkalmazáson belüli vásárlással', en: 'free, with in-app purchases' },
    asks: {
      hu: 'A kódok megjelenítéséhez prémium előfizetés kell: 3 nap ingyen, utána heti 4 990 Ft. Adja meg a bankkártya számát, lejáratát és a CVC-kódot.',
      en: 'Showing codes needs a premium subscription: 3 days free, then HUF 4,990 a week. Enter your card number, expiry date and CVC.',
    },
  },
  {
    name: { hu: 'Google Authenticator', en: 'Google Authenticator' },
    developer: 'Google LLC',
    sponsored: false,
    price: { hu: 'ingyenes', en: 'free' },
    asks: null,
  },
  {
    name: { hu: 'Microsoft Authenticator', en: 'Microsoft Authenticator' },
    developer: 'Microsoft Corporation',
    sponsored: false,
    price: { hu: 'ingyenes', en: 'free' },
    asks: null,
  },
];

/** The developers the trainer tells people to look for (the apps the how-to pages name). */
const KNOWN_DEVELOPERS = ['Google LLC', 'Microsoft Corporation'];

export const fakeAuthenticator: Scenario = {
  id: 'fake-authenticator',
  title: {
    hu: 'Csapda: hamis »hitelesítő« a keresés első, fizetett találatából',
    en: 'A trap: a fake "authenticator" from the top, paid-for search result',
  },
  summary: {
    hu: 'Az alkalmazásboltban a keresés első találata gyakran hirdetés. Egy hamis »hitelesítő« előfizetést és bankkártyaadatot kér, mielőtt egyetlen kódot mutatna. A valódi hitelesítő alkalmazás ingyenes, és csak a QR-kódot kéri; az Ügyfélkapu+ soha nem kér fizetést vagy kártyaadatot.',
    en: 'The top result of an app store search is often an ad. A fake "authenticator" asks for a subscription and card details before it shows a single code. A real authenticator app is free and needs only the QR code; Ügyfélkapu+ never asks for payment or card details.',
  },
  steps: [
    registerStep,
    {
      say: {
        hu: 'A felhasználó az alkalmazásboltban rákeres: »hitelesítő«. Az első találatot választaná.',
        en: 'The user searches the app store for "authenticator" and is about to pick the first result.',
      },
      expect: {
        hu: 'Az első találat hirdetés, ismeretlen fejlesztőtől; a valódi alkalmazások alatta vannak, a fejlesztő nevével (Google LLC, Microsoft Corporation).',
        en: 'The first result is an ad from an unknown developer; the real apps are below it, under their developer’s name (Google LLC, Microsoft Corporation).',
      },
      async act(ctx) {
        for (const r of RESULTS) {
          const ad = r.sponsored ? ctx.t({ hu: 'Hirdetés · ', en: 'Sponsored · ' }) : '';
          ctx.emit({ type: 'note', text: `${ad}${ctx.t(r.name)} — ${r.developer} — ${ctx.t(r.price)}` });
        }
        const [first] = RESULTS;
        const genuine = RESULTS.filter((r) => !r.sponsored && KNOWN_DEVELOPERS.includes(r.developer));
        return (
          first !== undefined && first.sponsored && !KNOWN_DEVELOPERS.includes(first.developer) && genuine.length > 0
        );
      },
    },
    {
      say: {
        hu: 'Telepíti az első találatot és megnyitja: kódot nem mutat, helyette fizetést kér.',
        en: 'The user installs the first result and opens it: no code, a payment request instead.',
      },
      expect: {
        hu: 'Ez nem hitelesítő alkalmazás: a valódi ingyenes, internet nélkül is működik, és soha nem kér kártyaadatot. Nem adja meg; törli az alkalmazást, és ha már fizetett, letiltatja a kártyát a bankjánál.',
        en: 'This is no authenticator: a real one is free, works offline and never asks for card details. The user enters nothing, deletes the app, and, having paid already, would have the bank block the card.',
      },
      async act(ctx) {
        const asks = RESULTS[0]?.asks;
        if (!asks) return false;
        ctx.emit({ type: 'site', ok: false, message: ctx.t(asks) });
        ctx.emit({
          type: 'user',
          text: ctx.t({ hu: 'Nem ad meg semmit, és törli az alkalmazást.', en: 'Enters nothing and deletes the app.' }),
        });
        // The genuine apps ask for nothing before they work.
        return RESULTS.filter((r) => KNOWN_DEVELOPERS.includes(r.developer)).every((r) => r.asks === null);
      },
    },
    {
      ...startEnrollmentStep('phone'),
      say: {
        hu: 'A valódi alkalmazást a fejlesztő neve alapján választja ki (vagy az ugyfelkapu.gov.hu leírásában szereplő linkről), és beolvassa vele az Ügyfélkapu+ QR-kódját.',
        en: 'The user picks the real app by its developer’s name (or from the link in the ugyfelkapu.gov.hu instructions) and scans the Ügyfélkapu+ QR code with it.',
      },
    },
    confirmEnrollmentStep('phone'),
    finishEnrollmentStep,
    loginStep('phone', true, {
      say: {
        hu: 'Fél perc múlva belépés a valódi alkalmazás kódjával; fizetni semmit nem kellett.',
        en: 'Half a minute later, log in with the real app’s code; nothing had to be paid.',
      },
      code: (ctx) => {
        ctx.wait(30_000);
        ctx.emit({
          type: 'note',
          text: ctx.t({
            hu: 'Amit az Ügyfélkapu+ soha nem kér: fizetést, előfizetést, bankkártyaadatot, hogy egy bizonyos fizetős alkalmazást telepítsen, vagy hogy a kódot, a jelszót vagy a törlőkódot bárkinek elküldje.',
            en: 'What Ügyfélkapu+ never asks: payment, a subscription, card details, that a particular paid app be installed, or that the code, the password or the deletion code (törlőkód) be sent to anyone.',
          }),
        });
        return codeOn(ctx, 'phone');
      },
    }),
  ],
};
