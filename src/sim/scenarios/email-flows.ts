/**
 * Steps of the e-mail second factor that several scenarios share: reading the inbox (the code
 * masked in the narration, never the address), choosing e-mail, the password page and the code page.
 */
import type { Localized, ScenarioContext, ScenarioStep } from './types.js';

/** The code and session number of the newest mail in the user's inbox, shown as a mail event; null when none arrived. */
export function readInbox(ctx: ScenarioContext, seen = 0): { code: string; sessionNumber: string | null } | null {
  const mails = ctx.provider.mailbox?.messages(ctx.user.email) ?? [];
  const mail = mails.length > seen ? mails.at(-1) : undefined;
  if (!mail) return null;
  const code = /(?<!\d)\d{6}(?!\d)/.exec(mail.text)?.[0];
  if (!code) return null;
  const sessionNumber = /(?<!\d)\d{3}(?!\d)/.exec(mail.text)?.[0] ?? null;
  ctx.emit({ type: 'mail', subject: mail.subject, sessionNumber, code });
  return { code, sessionNumber };
}

/** How many mails the inbox holds now (to tell a new one from the old ones). */
export const inboxSize = (ctx: ScenarioContext): number => ctx.provider.mailbox?.messages(ctx.user.email).length ?? 0;

const typesMailCode: Localized = {
  hu: 'Beírja a levélben kapott kódot.',
  en: 'Types the code from the mail.',
};

/** "Ügyfélkapu+ igénylés e-mailes kóddal" → "Megerősítő kód küldése" (with an app code or the törlőkód when a phone is bound). */
export function chooseEmailSteps(proof: 'none' | 'deletion-code' = 'none'): ScenarioStep[] {
  return [
    {
      say:
        proof === 'none'
          ? {
              hu: '„Ügyfélkapu+ igénylés e-mailes kóddal”, a jelszó újra, majd „Megerősítő kód küldése”.',
              en: '"Ügyfélkapu+ igénylés e-mailes kóddal" (apply with an e-mail code), the password again, then "Megerősítő kód küldése" (send a confirmation code).',
            }
          : {
              hu: 'A telefon nincs meg, de a törlőkód igen: jelszó, törlőkód, majd „Megerősítő kód küldése”.',
              en: 'The phone is gone, but the deletion code is not: the password, the deletion code, then "Megerősítő kód küldése" (send a confirmation code).',
            },
      expect: {
        hu: 'Levél érkezik a megerősítő kóddal és az oldalon látható munkamenet-azonosítóval.',
        en: 'A mail arrives with the confirmation code and the session number the page shows.',
      },
      async act(ctx) {
        const before = inboxSize(ctx);
        const r = await ctx.provider.startEmailFactor({
          username: ctx.user.username,
          password: ctx.user.password,
          ...(proof === 'deletion-code' && { deletionCode: ctx.memo.get('deletionCode') as string }),
        });
        ctx.emit({ type: 'site', ok: r.ok, message: r.message });
        if (!r.ok) return false;
        ctx.memo.set('setupId', r.setupId);
        const mail = readInbox(ctx, before);
        if (mail) ctx.memo.set('mailCode', mail.code);
        return { passed: mail?.sessionNumber === r.sessionNumber, detail: mail ? 'other session' : 'no mail' };
      },
    },
    {
      say: { hu: 'Beírja a levélben kapott megerősítő kódot.', en: 'Types the confirmation code from the mail.' },
      expect: {
        hu: 'Az Ügyfélkapu+ második lépése mostantól az e-mailes kód.',
        en: 'From now on the second step of Ügyfélkapu+ is the e-mail code.',
      },
      async act(ctx) {
        ctx.emit({ type: 'user', text: ctx.t(typesMailCode) });
        const r = await ctx.provider.confirmEmailFactor({
          setupId: ctx.memo.get('setupId') as string,
          code: ctx.memo.get('mailCode') as string,
        });
        ctx.emit({ type: 'site', ok: r.ok, message: r.message });
        const status = await ctx.provider.accountStatus(ctx.user.username);
        return { passed: r.ok && status.factor === 'email', detail: `factor: ${status.factor}` };
      },
    },
  ];
}

/** The login page: username and password; the site moves on to the e-mail code page. */
export const emailPasswordStep: ScenarioStep = {
  say: {
    hu: 'Néhány perc múlva belépés: felhasználónév és jelszó.',
    en: 'A few minutes later, log in: username and password.',
  },
  expect: {
    hu: 'A jelszó helyes; következik az „Ügyfélkapu+ azonosítás 2. lépés”, az e-mailes kód.',
    en: 'The password is right; next comes "Ügyfélkapu+ azonosítás 2. lépés" (step 2), the e-mail code.',
  },
  async act(ctx) {
    ctx.wait(5 * 60_000);
    const r = await ctx.provider.verifyPassword({ username: ctx.user.username, password: ctx.user.password });
    return { passed: r.ok && r.secondFactor === 'email', detail: r.ok ? `factor: ${r.secondFactor}` : r.message };
  },
};

/** The code page sends a code; `arrives` says whether it must be in the inbox at once. */
export function sendCodeStep(arrives: boolean, say?: Localized): ScenarioStep {
  return {
    say: say ?? {
      hu: 'Az oldal e-mailben kódot küld, és kiírja a munkamenet-azonosítót.',
      en: 'The site e-mails a code and shows the session number.',
    },
    expect: arrives
      ? {
          hu: 'Megérkezik a levél; a benne álló munkamenet-azonosító megegyezik az oldalon látottal.',
          en: 'The mail arrives; the session number in it matches the one on the page.',
        }
      : {
          hu: 'Az oldal elküldte a kódot, de a postafiók még üres.',
          en: 'The site has sent the code, but the inbox is still empty.',
        },
    async act(ctx) {
      const before = inboxSize(ctx);
      const r = await ctx.provider.sendEmailCode({ username: ctx.user.username });
      ctx.emit({ type: 'site', ok: r.ok, message: r.message });
      if (!r.ok) return false;
      ctx.memo.set('sessionNumber', r.sessionNumber);
      ctx.memo.set('inboxBefore', before);
      const mail = readInbox(ctx, before);
      if (mail) ctx.memo.set('mailCode', mail.code);
      return arrives ? mail?.sessionNumber === r.sessionNumber : mail === null;
    },
  };
}

/** Types the newest mailed code on the code page, expecting success or the e-mail code's refusal. */
export function typeEmailCodeStep(expectOk: boolean, texts: { say?: Localized; expect: Localized }): ScenarioStep {
  return {
    say: texts.say ?? typesMailCode,
    expect: texts.expect,
    async act(ctx) {
      ctx.wait(20_000); // opening the mail and typing the code take a moment
      ctx.emit({ type: 'user', text: ctx.t(typesMailCode) });
      const r = await ctx.provider.verifySecondFactor({
        username: ctx.user.username,
        code: ctx.memo.get('mailCode') as string,
      });
      ctx.emit({ type: 'site', ok: r.ok, message: r.message });
      return { passed: r.ok === expectOk, detail: r.message };
    },
  };
}
