import { changePasswordTo, codeOn, loginStep, setupSteps } from './flows.js';
import type { Scenario } from './types.js';

const DAY = 86_400_000;
const NEW_PASSWORD = 'Oszi-Eso-2027';

export const passwordExpiredLock: Scenario = {
  id: 'password-expired-lock',
  title: { hu: 'Régen lejárt jelszó: zárolt fiók', en: 'A password that expired long ago: a locked account' },
  summary: {
    hu: 'A jelszó két év után lejár. Ha a lejárt jelszót 60 napon belül nem cserélik le, a fiók zárolódik: helyes jelszóval és kóddal sem lehet belépni. A zárolást csak személyes ügyintézés oldja fel (kormányablakban), és utána is új jelszót kell megadni.',
    en: 'A password expires after two years. If the expired password is not changed within 60 days, the account locks: even the right password and code are refused. Only an in-person visit (at a government office) lifts the lock, and a new password is still required after it.',
  },
  steps: [
    ...setupSteps('phone'),
    {
      say: {
        hu: 'A felhasználó ritkán intéz ügyet: két év és 61 nap telik el belépés nélkül.',
        en: 'The user rarely has business to do: two years and 61 days pass without a login.',
      },
      expect: {
        hu: 'A jelszó 61 napja lejárt; a fiók zárolt.',
        en: 'The password expired 61 days ago; the account is locked.',
      },
      async act(ctx) {
        ctx.wait((730 + 61) * DAY);
        const status = await ctx.provider.accountStatus(ctx.user.username);
        return { passed: status.locked && status.password === 'expired-locked', detail: status.password };
      },
    },
    loginStep('phone', false, {
      expect: {
        hu: 'Az oldal a szokásos hibaüzenettel elutasítja; az ok csak a naplóban látszik.',
        en: 'The site refuses with its usual message; the reason shows only in the audit log.',
      },
    }),
    {
      say: {
        hu: 'Másnap személyesen, kormányablakban: az ügyintéző feloldja a zárolást. Hazaérve a felhasználó belépne.',
        en: 'The next day, in person at a government office: the clerk lifts the lock. Back home, the user tries to log in.',
      },
      expect: {
        hu: 'A zárolás megszűnik, de a lejárt jelszót meg kell változtatni.',
        en: 'The lock is lifted, but the expired password must be changed.',
      },
      async act(ctx) {
        ctx.wait(86_400_000, { hu: 'másnap, kormányablak', en: 'the next day, at a government office' });
        await ctx.provider.unlock(ctx.user.username);
        ctx.wait(2 * 3_600_000, { hu: 'hazaérve', en: 'back home' });
        const r = await ctx.provider.login({
          username: ctx.user.username,
          password: ctx.user.password,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: r.ok, message: r.message });
        return !r.ok && r.messageKey === 'password.expired';
      },
    },
    {
      say: {
        hu: 'Megadja a régi jelszót és egy újat.',
        en: 'The user enters the old password and a new one.',
      },
      expect: { hu: 'A jelszó megváltozik.', en: 'The password is changed.' },
      async act(ctx) {
        const r = await changePasswordTo(ctx, NEW_PASSWORD);
        return r.ok;
      },
    },
    {
      say: {
        hu: 'Fél perc múlva belépés az új jelszóval és a telefon kódjával.',
        en: 'Half a minute later, log in with the new password and the phone’s code.',
      },
      expect: { hu: 'A belépés sikeres.', en: 'The login succeeds.' },
      async act(ctx) {
        ctx.wait(30_000);
        const r = await ctx.provider.login({
          username: ctx.user.username,
          password: NEW_PASSWORD,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: r.ok, message: r.message });
        return r.ok;
      },
    },
  ],
};
