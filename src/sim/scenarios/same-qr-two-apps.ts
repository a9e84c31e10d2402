import { LOW_COST_HASHING_FOR_TESTS } from '../../core/password-hash.js';
import { AUTHENTICATOR_APPS } from '../phone/apps.js';
import { createProvider, type Provider } from '../provider.js';
import {
  codeOn,
  confirmEnrollmentStep,
  finishEnrollmentStep,
  loginStep,
  registerStep,
  scanFromSite,
  showPhone,
} from './flows.js';
import type { ScenarioContext, ScenarioStep, Scenario } from './types.js';

/** Another service, named in the run's language. */
const BANK = { hu: 'Példa Bank', en: 'Example Bank' } as const;
/** The other phone runs an app that reads every QR code but makes SHA-1, 6-digit, 30-second codes. */
const SHA1_ONLY = { app: 'sha1-only' } as const;

/** A service that issues SHA-256, 8-digit, 60-second keys: made once per run, on the run's clock. */
function bank(ctx: ScenarioContext): Provider {
  let service = ctx.memo.get('bank') as Provider | undefined;
  if (!service) {
    service = createProvider({
      clock: ctx.clock,
      random: ctx.random,
      language: ctx.language,
      issuer: BANK[ctx.language],
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
      hashing: LOW_COST_HASHING_FOR_TESTS,
    });
    ctx.memo.set('bank', service);
  }
  return service;
}

/** The code a phone shows for the bank's account. */
function bankCode(ctx: ScenarioContext, phone: string): string {
  const entry = showPhone(ctx, phone).find((a) => a.issuer === BANK[ctx.language]);
  if (!entry?.code) throw new Error(`${phone}: no ${BANK[ctx.language]} account`);
  return entry.code;
}

/** Types the phone's code into the bank's setup; `expectOk` says whether the bank must accept it. */
function bankConfirm(
  phone: string,
  expectOk: boolean,
  say: ScenarioStep['say'],
  expect: ScenarioStep['expect'],
): ScenarioStep {
  return {
    say,
    expect,
    async act(ctx) {
      // A wrong code holds the next try back for a second or two (the throttle): the user reads the screen first.
      if (expectOk) ctx.wait(5_000);
      const code = bankCode(ctx, phone);
      ctx.emit({ type: 'user', text: ctx.t({ hu: `Beírja: ${code}`, en: `Types: ${code}` }) });
      const r = await bank(ctx).confirmEnrollment({ enrollmentId: ctx.memo.get('bankEnrollment') as string, code });
      ctx.emit({ type: 'site', ok: r.ok, message: r.message });
      return { passed: r.ok === expectOk, detail: r.message };
    },
  };
}

export const sameQrTwoApps: Scenario = {
  id: 'same-qr-two-apps',
  title: {
    hu: 'Ugyanaz a QR-kód két alkalmazásban: az egyikben működik, a másikban nem',
    en: 'The same QR code in two apps: it works in one and fails in the other',
  },
  summary: {
    hu: 'Egyes hitelesítő alkalmazások beolvassák a SHA-256-os, 8 számjegyű, 60 másodperces QR-kódot, mégis SHA-1-es, 6 számjegyű, 30 másodperces kódot mutatnak. Az Ügyfélkapu+ kulcsa a legegyszerűbb fajta (SHA-1, 6 számjegy, 30 mp), ezért minden alkalmazásban ugyanazt a kódot adja.',
    en: 'Some authenticator apps read a SHA-256, 8-digit, 60-second QR code, yet show SHA-1, 6-digit, 30-second codes. The Ügyfélkapu+ key is the plainest kind (SHA-1, 6 digits, 30 s), so it gives the same code in every app.',
  },
  steps: [
    {
      say: {
        hu: `Egy másik szolgáltatás, a ${BANK.hu} SHA-256-os, 8 számjegyű, 60 másodperces kulcsot ad. A telefon (pontos alkalmazás) és a másik telefon (»${AUTHENTICATOR_APPS['sha1-only'].name.hu}«) is beolvassa a QR-kódot.`,
        en: `Another service, ${BANK.en}, issues a SHA-256, 8-digit, 60-second key. The phone (a faithful app) and the other phone ("${AUTHENTICATOR_APPS['sha1-only'].name.en}") both scan its QR code.`,
      },
      expect: {
        hu: 'Mindkét alkalmazás panasz nélkül felveszi; a telefon 8, a másik telefon 6 számjegyet mutat.',
        en: 'Both apps add it without complaint; the phone shows 8 digits, the other phone 6.',
      },
      async act(ctx) {
        const user = { username: ctx.user.username, password: ctx.user.password };
        await bank(ctx).register({ ...user, email: ctx.user.email });
        const started = await bank(ctx).startEnrollment(user);
        if (!started.ok) return { passed: false, detail: started.message };
        ctx.memo.set('bankEnrollment', started.enrollmentId);
        const caption = { hu: `A ${BANK.hu} QR-kódja:`, en: `${BANK.en}’s QR code:` };
        const first = await scanFromSite(ctx, ctx.phone('phone'), started.keyUri, caption);
        const second = (await ctx.phone('other phone', SHA1_ONLY).scan(ctx.camera.render(started.keyUri))).status;
        return (
          first &&
          second === 'added' &&
          bankCode(ctx, 'phone').length === 8 &&
          bankCode(ctx, 'other phone').length === 6
        );
      },
    },
    bankConfirm(
      'other phone',
      false,
      { hu: 'Először a másik telefon kódját írja be.', en: 'First the user types the other phone’s code.' },
      {
        hu: 'A bank elutasítja: a másik alkalmazás SHA-1-gyel, 30 másodpercenként számol, a bank SHA-256-tal, 60 másodpercenként.',
        en: 'The bank refuses: the other app computes with SHA-1 every 30 seconds, the bank with SHA-256 every 60.',
      },
    ),
    bankConfirm(
      'phone',
      true,
      { hu: 'Pár másodperc múlva a telefon kódját.', en: 'A few seconds later, the phone’s code.' },
      {
        hu: 'A bank elfogadja: ez az alkalmazás betartja a kulcs minden paraméterét.',
        en: 'The bank accepts it: this app honours every parameter of the key.',
      },
    ),
    registerStep,
    {
      say: {
        hu: 'Az Ügyfélkapu+ igénylése: mindkét telefon beolvassa ugyanazt a QR-kódot.',
        en: 'Applying for Ügyfélkapu+: both phones scan the same QR code.',
      },
      expect: {
        hu: 'A két alkalmazás ugyanazt a 6 számjegyű kódot mutatja: a kulcs SHA-1, 6 számjegy, 30 mp.',
        en: 'Both apps show the same 6-digit code: the key is SHA-1, 6 digits, 30 s.',
      },
      async act(ctx) {
        const started = await ctx.provider.startEnrollment({
          username: ctx.user.username,
          password: ctx.user.password,
        });
        ctx.emit({ type: 'site', ok: started.ok, message: started.message });
        if (!started.ok) return false;
        ctx.memo.set('enrollmentId', started.enrollmentId);
        const caption = { hu: 'Az Ügyfélkapu+ QR-kódja:', en: 'The Ügyfélkapu+ QR code:' };
        const added = await scanFromSite(ctx, ctx.phone('phone'), started.keyUri, caption);
        await ctx.phone('other phone', SHA1_ONLY).scan(ctx.camera.render(started.keyUri));
        const code = codeOn(ctx, 'phone');
        return added && /^\d{6}$/.test(code) && codeOn(ctx, 'other phone') === code;
      },
    },
    confirmEnrollmentStep('other phone'),
    finishEnrollmentStep,
    loginStep('other phone', true, {
      say: {
        hu: 'Belépés a másik telefon (a csak SHA-1-es alkalmazás) kódjával.',
        en: 'Log in with the other phone’s code (the SHA-1-only app).',
      },
      code: (ctx) => (ctx.wait(30_000), codeOn(ctx, 'other phone')),
    }),
  ],
};
