import type { Localized } from '../language.js';
import { changePasswordTo, codeOn, enrollSteps, loginStep, redeemKept, setupSteps } from './flows.js';
import type { Scenario } from './types.js';

const NEW_PASSWORD = 'Nyari-Zapor-2025';
/** A look-alike address and page (the reserved .example domain: nothing real is named). */
const FROM = 'NAV Ügyfélkapu+ <ertesites@nav-ugyfelkapu-plusz.example>';
const LINK = 'https://ugyfelkapu-megerosites.example/belepes';

const PHISH: { subject: Localized; text: Localized } = {
  subject: {
    hu: 'Ügyfélkapu+ fiókját 24 órán belül felfüggesztjük',
    en: 'Your Ügyfélkapu+ account will be suspended within 24 hours',
  },
  text: {
    hu: `Tisztelt Ügyfelünk! Biztonsági ellenőrzés miatt Ügyfélkapu+ fiókját felfüggesztjük, ha 24 órán belül nem erősíti meg. Lépjen be itt: ${LINK}, és adja meg a felhasználónevét, a jelszavát, a mobilalkalmazásban kapott azonosítót és a törlőkódját.`,
    en: `Dear Customer, after a security check your Ügyfélkapu+ account will be suspended unless you confirm it within 24 hours. Sign in here: ${LINK} and enter your username, your password, the code from your app and your deletion code (törlőkód).`,
  },
};

export const phishingEmail: Scenario = {
  id: 'phishing-email',
  title: {
    hu: 'Csapda: e-mail »a NAV-tól / az Ügyfélkaputól«, amely a kódot és a törlőkódot kéri',
    en: 'A trap: an e-mail "from NAV / Ügyfélkapu" asking for the code and the deletion code',
  },
  summary: {
    hu: 'Csalók a NAV és az Ügyfélkapu nevében küldenek levelet, és egy hasonmás oldalon elkérik a jelszót, a kódot és a törlőkódot. A kóddal fél percen belül belépnek, a törlőkóddal leválasztják a telefont. A valódi szolgáltatás soha nem kér kódot, jelszót vagy törlőkódot e-mailben, telefonon vagy linken keresztül; a NAV a tárhelyre vagy postán ír.',
    en: 'Fraudsters send mail in the name of NAV and Ügyfélkapu and ask for the password, the code and the deletion code (törlőkód) on a look-alike page. With the code they log in within half a minute; with the deletion code they remove the phone. The real service never asks for a code, password or deletion code by e-mail, phone or link; NAV writes to its official storage box (“tárhely”) or by post.',
  },
  steps: [
    ...setupSteps('phone'),
    {
      say: {
        hu: 'Egy héttel később levél érkezik »a NAV Ügyfélkapu+« nevében.',
        en: 'A week later a mail arrives in the name of "NAV Ügyfélkapu+".',
      },
      expect: {
        hu: 'Árulkodó jelek: idegen feladó és link (nem gov.hu), sürgetés és fenyegetés, kódot és törlőkódot kér, pedig a felhasználó nem kezdett belépést.',
        en: 'The tell-tale signs: a foreign sender and link (not gov.hu), urgency and threats, a request for the code and the deletion code, while the user started no login.',
      },
      async act(ctx) {
        ctx.wait(7 * 86_400_000);
        const since = ctx.provider.auditLog().at(-1)?.seq ?? 0;
        await ctx.provider.mailbox?.send({
          to: ctx.user.email,
          from: FROM,
          subject: ctx.t(PHISH.subject),
          text: ctx.t(PHISH.text),
          sentAt: ctx.clock.now(),
        });
        const arrived = ctx.provider.mailbox?.messages(ctx.user.email).at(-1);
        ctx.emit({ type: 'note', text: `${FROM}: ${ctx.t(PHISH.subject)}` });
        ctx.emit({ type: 'note', text: ctx.t({ hu: `»${PHISH.text.hu}«`, en: `“${PHISH.text.en}”` }) });
        // No login and no e-mailed code since the setup: nothing the service sent asks for anything.
        const serviceActs = ctx.provider.auditLog(since).filter((e) => e.type !== 'fault');
        return arrived?.from === FROM && !new URL(LINK).hostname.endsWith('.gov.hu') && serviceActs.length === 0;
      },
    },
    loginStep('phone', true, {
      say: {
        hu: 'Mi lett volna, ha a hasonmás oldalon megadja a jelszót és a kódot? A csaló azonnal továbbítja őket a valódi oldalra.',
        en: 'What if the user had entered the password and the code on the look-alike page? The fraudster passes them on to the real site at once.',
      },
      expect: {
        hu: 'A csaló belép: a kód fél percig bárkinek jó, aki a jelszót is tudja. A valós idejű adathalászat ellen a kód nem véd.',
        en: 'The fraudster is in: the code works for anyone who also has the password, for half a minute. The code does not protect against real-time phishing.',
      },
      code: (ctx) => codeOn(ctx, 'phone'),
    }),
    {
      say: {
        hu: 'A törlőkóddal a csaló még többet tesz: leválasztja a felhasználó telefonját.',
        en: 'With the deletion code the fraudster does more: removes the user’s phone.',
      },
      expect: {
        hu: 'A telefonos kapcsolat törlődik; a felhasználó telefonjának kódja többé nem nyit semmit.',
        en: 'The phone binding is removed; the user’s phone codes open nothing any more.',
      },
      async act(ctx) {
        const r = await redeemKept(ctx);
        ctx.wait(30_000);
        const after = await ctx.provider.login({
          username: ctx.user.username,
          password: ctx.user.password,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: after.ok, message: after.message });
        return r.ok && !after.ok;
      },
    },
    {
      say: {
        hu: 'A felhasználó a címet maga begépelve, a valódi oldalon új jelszót ad meg, és újra beállítja az Ügyfélkapu+-t.',
        en: 'Typing the address in, on the real site the user sets a new password and sets up Ügyfélkapu+ again.',
      },
      expect: { hu: 'A jelszó megváltozik.', en: 'The password is changed.' },
      async act(ctx) {
        const r = await changePasswordTo(ctx, NEW_PASSWORD);
        // The rest of the run uses the new password, as the user now does.
        (ctx.user as { password: string }).password = NEW_PASSWORD;
        return r.ok;
      },
    },
    ...enrollSteps('phone'),
    loginStep('phone', true, {
      say: {
        hu: 'Fél perc múlva belépés az új beállítással.',
        en: 'Half a minute later, log in with the new setup.',
      },
      code: (ctx) => {
        ctx.wait(30_000);
        ctx.emit({
          type: 'note',
          text: ctx.t({
            hu: 'Amit a valódi szolgáltatás soha nem kér: hogy a kódot, a jelszót vagy a törlőkódot e-mailben, telefonon, üzenetben vagy egy levélben kapott linken adja meg. Kódot csak az a belépés kér, amelyet Ön maga kezdett az ugyfelkapu.gov.hu oldalon; az e-mailes kód levele is csak akkor jön, és a munkamenet-azonosítója megegyezik az oldalon látottal.',
            en: 'What the real service never asks: that the code, the password or the deletion code (törlőkód) be given by e-mail, phone, message or on a link from a mail. Only a login you started yourself at ugyfelkapu.gov.hu asks for a code; an e-mailed code’s mail comes only then, and its session number matches the one on the page.',
          }),
        });
        return codeOn(ctx, 'phone');
      },
    }),
  ],
};
