/**
 * Steps that many scenarios share: registering, enrolling a phone through a real QR image, logging
 * in with what a phone shows. Each returns plain steps, so a scenario reads as a list.
 */
import type { Authenticator } from '../authenticator.js';
import type { AccountView } from '../phone-types.js';
import type { Localized, ScenarioContext, ScenarioStep } from './types.js';

/** The phones the scenarios use, by id, with their names in each language. */
const PHONE_NAMES: Record<string, Localized> = {
  phone: { hu: 'telefon', en: 'phone' },
  tablet: { hu: 'táblagép', en: 'tablet' },
  'other phone': { hu: 'másik telefon', en: 'other phone' },
  'old phone': { hu: 'régi telefon', en: 'old phone' },
  'new phone': { hu: 'új telefon', en: 'new phone' },
};

/** A phone's name in each language (the id itself for phones not in the table). */
export function phoneName(id: string): Localized {
  return PHONE_NAMES[id] ?? { hu: id, en: id };
}

/** "a telefon", "az új telefon": the Hungarian definite article depends on the first sound. */
function the(id: string): Localized {
  const name = phoneName(id);
  return { hu: `${/^[aáeéiíoóöőuúüű]/i.test(name.hu) ? 'az' : 'a'} ${name.hu}`, en: `the ${name.en}` };
}

/** Shows what a phone's screen says now. */
export function showPhone(ctx: ScenarioContext, name: string): AccountView[] {
  const phone = ctx.phone(name);
  const accounts = phone.list();
  ctx.emit({ type: 'phone', phone: ctx.t(phoneName(name)), driftMs: phone.driftMs, accounts });
  return accounts;
}

/** The code a phone shows for the service's account (the newest entry, as a person would pick). */
export function codeOn(ctx: ScenarioContext, name: string): string {
  const entries = showPhone(ctx, name).filter(
    (a) => a.issuer === ctx.provider.issuer && a.account === ctx.user.username,
  );
  const code = entries.at(-1)?.code;
  if (!code) throw new Error(`${ctx.t(phoneName(name))}: no ${ctx.provider.issuer} account`);
  return code;
}

/** The site draws a key URI as a QR code; the phone's camera reads the pixels. */
export async function scanFromSite(
  ctx: ScenarioContext,
  phone: Authenticator,
  text: string,
  caption: Localized,
): Promise<boolean> {
  ctx.emit({ type: 'qr', who: ctx.t({ hu: 'oldal', en: 'site' }), text, caption: ctx.t(caption) });
  const result = await phone.scan(ctx.camera.render(text));
  return result.status === 'added' || result.status === 'imported';
}

export const registerStep: ScenarioStep = {
  say: {
    hu: 'Kovács János regisztrál az Ügyfélkapun (felhasználónév, jelszó, e-mail-cím).',
    en: 'János Kovács registers at the Ügyfélkapu site (username, password, e-mail).',
  },
  expect: { hu: 'A regisztráció sikeres.', en: 'The registration succeeds.' },
  async act(ctx) {
    const r = await ctx.provider.register(ctx.user);
    ctx.emit({ type: 'site', ok: r.ok, message: r.message });
    return r.ok;
  },
};

/** "Ügyfélkapu+ igénylése": password again, a QR code; the phone scans it (or the key is typed). */
export function startEnrollmentStep(phoneName: string, how: 'scan' | 'type' = 'scan'): ScenarioStep {
  return {
    say:
      how === 'scan'
        ? {
            hu: `„Ügyfélkapu+ igénylése” → „Tovább”: az oldal QR-kódot mutat, ${the(phoneName).hu} hitelesítő alkalmazása beolvassa.`,
            en: `"Ügyfélkapu+ igénylése" → "Tovább": the site shows a QR code and the authenticator app on ${the(phoneName).en} scans it.`,
          }
        : {
            hu: `„Nem tudom beolvasni a kódot”: az oldal szövegként mutatja a titkos kulcsot, a felhasználó begépeli ${the(phoneName).hu} alkalmazásába.`,
            en: `"Nem tudom beolvasni a kódot" (I can't scan the code): the site shows the secret key as text and the user types it into the app on ${the(phoneName).en}.`,
          },
    expect: {
      hu: 'A telefon felveszi az Ügyfélkapu+ fiókot, és hatjegyű kódokat mutat.',
      en: 'The phone adds the Ügyfélkapu+ account and shows 6-digit codes.',
    },
    async act(ctx) {
      const started = await ctx.provider.startEnrollment({ username: ctx.user.username, password: ctx.user.password });
      ctx.emit({ type: 'site', ok: started.ok, message: started.message });
      if (!started.ok) return false;
      ctx.memo.set('enrollmentId', started.enrollmentId);
      ctx.memo.set('keyUri', started.keyUri);
      const phone = ctx.phone(phoneName);
      const added =
        how === 'scan'
          ? await scanFromSite(ctx, phone, started.keyUri, {
              hu: 'A QR-kód a képernyőn:',
              en: 'The QR code on the screen:',
            })
          : phone.addManually({ issuer: ctx.provider.issuer, account: ctx.user.username, secret: started.secret })
              .status === 'added';
      if (how === 'type')
        ctx.emit({ type: 'user', text: ctx.t({ hu: 'Begépeli a titkos kulcsot.', en: 'Types the secret key.' }) });
      return added && /^\d{6}$/.test(codeOn(ctx, phoneName));
    },
  };
}

/** Types the phone's code under the QR code: the green tick and the törlőkód, shown once. */
export function confirmEnrollmentStep(phoneName: string): ScenarioStep {
  return {
    say: {
      hu: `A felhasználó beírja ${the(phoneName).hu} által mutatott kódot, majd „Tovább”.`,
      en: `The user types the code ${the(phoneName).en} shows, then "Tovább" (Next).`,
    },
    expect: {
      hu: 'Zöld pipa; megjelenik a törlőkód (csak most, egyetlen egyszer).',
      en: 'A green tick; the deletion code (törlőkód) appears, this once only.',
    },
    async act(ctx) {
      const code = codeOn(ctx, phoneName);
      ctx.emit({ type: 'user', text: ctx.t({ hu: `Beírja: ${code}`, en: `Types: ${code}` }) });
      const r = await ctx.provider.confirmEnrollment({ enrollmentId: ctx.memo.get('enrollmentId') as string, code });
      ctx.emit({ type: 'site', ok: r.ok, message: r.message });
      if (!r.ok) return false;
      ctx.emit({ type: 'deletion-code', code: r.deletionCode });
      ctx.memo.set('deletionCode', r.deletionCode);
      return /^[\d ]+$/.test(r.deletionCode);
    },
  };
}

/** "Törlőkód mentése", the checkbox, "Befejezés". */
export const finishEnrollmentStep: ScenarioStep = {
  say: {
    hu: '„Törlőkód mentése” (kék gomb), majd bepipálja: „Törlőkód mentéséről gondoskodtam”, végül „Befejezés”.',
    en: '"Törlőkód mentése" (save the deletion code, blue button), ticks "Törlőkód mentéséről gondoskodtam" (I have saved it), then "Befejezés" (Finish).',
  },
  expect: { hu: 'Az Ügyfélkapu+ beállítása befejeződik.', en: 'The Ügyfélkapu+ setup is finished.' },
  async act(ctx) {
    const r = await ctx.provider.finishEnrollment({
      enrollmentId: ctx.memo.get('enrollmentId') as string,
      deletionCodeSaved: true,
    });
    ctx.emit({ type: 'site', ok: r.ok, message: r.message });
    return r.ok;
  },
};

/**
 * "Beállítás másik eszközre": half a minute later (a fresh code), the password and the current code
 * from `fromPhone`, a new QR code scanned by `toPhone`, its code typed, the new törlőkód saved,
 * Befejezés. Returns the new törlőkód, or null when a step was refused.
 */
export async function changeDevice(ctx: ScenarioContext, fromPhone: string, toPhone: string): Promise<string | null> {
  ctx.wait(30_000);
  const started = await ctx.provider.startDeviceChange({
    username: ctx.user.username,
    password: ctx.user.password,
    code: codeOn(ctx, fromPhone),
  });
  ctx.emit({ type: 'site', ok: started.ok, message: started.message });
  if (
    !started.ok ||
    !(await scanFromSite(ctx, ctx.phone(toPhone), started.keyUri, {
      hu: 'Az új QR-kód a képernyőn:',
      en: 'The new QR code on the screen:',
    }))
  )
    return null;
  const confirmed = await ctx.provider.confirmEnrollment({
    enrollmentId: started.enrollmentId,
    code: codeOn(ctx, toPhone),
  });
  ctx.emit({ type: 'site', ok: confirmed.ok, message: confirmed.message });
  if (!confirmed.ok) return null;
  ctx.emit({ type: 'deletion-code', code: confirmed.deletionCode });
  const finished = await ctx.provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
  ctx.emit({ type: 'site', ok: finished.ok, message: finished.message });
  return finished.ok ? confirmed.deletionCode : null;
}

/** Set up a phone by scanning, save the törlőkód, finish, and wait for a fresh code. */
export function enrollSteps(phoneName: string): ScenarioStep[] {
  return [
    startEnrollmentStep(phoneName),
    confirmEnrollmentStep(phoneName),
    finishEnrollmentStep,
    waitStep(30_000, {
      hu: 'Fél perc múlva a telefon új kódot mutat. (A beállításnál beírt kód már elhasznált: másodszor nem fogadná el az oldal.)',
      en: 'Half a minute later the phone shows a new code. (The code typed during setup is spent: the site would not take it twice.)',
    }),
  ];
}

/** Register and set up one phone by scanning: the common start of most scenarios. */
export function setupSteps(phoneName: string): ScenarioStep[] {
  return [registerStep, ...enrollSteps(phoneName)];
}

/** Logs in with the code a phone shows (or a given code), expecting success or the refusal. */
export function loginStep(
  phoneName: string,
  expectOk: boolean,
  texts?: { say?: Localized; expect?: Localized; code?: (ctx: ScenarioContext) => string },
): ScenarioStep {
  return {
    say: texts?.say ?? {
      hu: `Belépés: felhasználónév, jelszó, majd ${the(phoneName).hu} kódja („Mobilalkalmazásban kapott azonosító megadása”).`,
      en: `Log in: username, password, then the code from ${the(phoneName).en} ("Mobilalkalmazásban kapott azonosító megadása").`,
    },
    expect:
      texts?.expect ??
      (expectOk
        ? { hu: 'A belépés sikeres.', en: 'The login succeeds.' }
        : { hu: 'A belépést az oldal elutasítja.', en: 'The site refuses the login.' }),
    async act(ctx) {
      const code = texts?.code ? texts.code(ctx) : codeOn(ctx, phoneName);
      ctx.emit({ type: 'user', text: ctx.t({ hu: `Beírja: ${code}`, en: `Types: ${code}` }) });
      ctx.memo.set('lastCode', code);
      const r = await ctx.provider.login({ username: ctx.user.username, password: ctx.user.password, code });
      ctx.emit({ type: 'site', ok: r.ok, message: r.message });
      return { passed: r.ok === expectOk, detail: r.message };
    },
  };
}

/** Lets simulated time pass. */
export function waitStep(ms: number, say: Localized, expect?: Localized): ScenarioStep {
  return {
    say,
    expect: expect ?? { hu: 'Telik az idő.', en: 'Time passes.' },
    async act(ctx) {
      ctx.wait(ms);
      return true;
    },
  };
}

/** The lost-phone page: username, password and a törlőkód (the one kept in `memo` under `memoKey`); shows the answer. */
export async function redeemKept(ctx: ScenarioContext, memoKey = 'deletionCode') {
  const r = await ctx.provider.redeemDeletionCode({
    username: ctx.user.username,
    password: ctx.user.password,
    deletionCode: ctx.memo.get(memoKey) as string,
  });
  ctx.emit({ type: 'site', ok: r.ok, message: r.message });
  return r;
}

/** The password change: the current password and `newPassword`; shows the answer. */
export async function changePasswordTo(ctx: ScenarioContext, newPassword: string) {
  const r = await ctx.provider.changePassword({
    username: ctx.user.username,
    password: ctx.user.password,
    newPassword,
  });
  ctx.emit({ type: 'site', ok: r.ok, message: r.message });
  return r;
}
