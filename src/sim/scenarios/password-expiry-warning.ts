import { changePasswordTo, codeOn, setupSteps } from './flows.js';
import type { Scenario } from './types.js';

const DAY = 86_400_000;
const NEW_PASSWORD = 'Nyari-Zapor-2027';

export const passwordExpiryWarning: Scenario = {
  id: 'password-expiry-warning',
  title: { hu: 'Figyelmeztetés a jelszó lejárta előtt', en: 'The warning before a password expires' },
  summary: {
    hu: 'A lejárat előtti két hétben a belépés sikeres, de az oldal figyelmeztet, hány nap van hátra. Aki ekkor jelszót vált, elkerüli a lejáratot és a zárolást.',
    en: 'In the two weeks before expiry the login succeeds, but the site warns how many days are left. Changing the password then avoids the expiry and the lock.',
  },
  steps: [
    ...setupSteps('phone'),
    {
      say: {
        hu: 'Csaknem két év telik el: a jelszó 10 nap múlva lejár. Belépés a jelszóval és a telefon kódjával.',
        en: 'Almost two years pass: the password expires in 10 days. Log in with the password and the phone’s code.',
      },
      expect: {
        hu: 'A belépés sikeres, és az oldal figyelmeztet: a jelszó 10 nap múlva lejár.',
        en: 'The login succeeds, and the site warns that the password expires in 10 days.',
      },
      async act(ctx) {
        const { passwordExpiresAt } = await ctx.provider.accountStatus(ctx.user.username);
        if (passwordExpiresAt === null) return { passed: false, detail: 'passwords do not expire' };
        ctx.wait(passwordExpiresAt - 10 * DAY - ctx.clock.now());
        const r = await ctx.provider.login({
          username: ctx.user.username,
          password: ctx.user.password,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: r.ok, message: r.message });
        if (r.ok && r.passwordWarning) ctx.emit({ type: 'site', ok: true, message: r.passwordWarning.message });
        return { passed: r.ok && r.passwordWarning?.daysLeft === 10, detail: r.message };
      },
    },
    {
      say: {
        hu: 'A felhasználó megfogadja a tanácsot, és új jelszót ad meg.',
        en: 'The user takes the advice and sets a new password.',
      },
      expect: {
        hu: 'A jelszó megváltozik; a két év újraindul.',
        en: 'The password is changed; the two years start again.',
      },
      async act(ctx) {
        const r = await changePasswordTo(ctx, NEW_PASSWORD);
        // Two calendar years from now (the story runs in winter, so Budapest and UTC agree on it).
        const twoYears = new Date(ctx.clock.now());
        twoYears.setUTCFullYear(twoYears.getUTCFullYear() + 2);
        return r.ok && r.passwordExpiresAt === twoYears.getTime();
      },
    },
    {
      say: {
        hu: 'Fél perc múlva belépés az új jelszóval.',
        en: 'Half a minute later, log in with the new password.',
      },
      expect: { hu: 'A belépés sikeres, figyelmeztetés nélkül.', en: 'The login succeeds, with no warning.' },
      async act(ctx) {
        ctx.wait(30_000);
        const r = await ctx.provider.login({
          username: ctx.user.username,
          password: NEW_PASSWORD,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: r.ok, message: r.message });
        return r.ok && r.passwordWarning === undefined;
      },
    },
  ],
};
