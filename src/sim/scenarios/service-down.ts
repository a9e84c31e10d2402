import { codeOn, loginStep, setupSteps } from './flows.js';
import type { Scenario } from './types.js';

const HOUR = 60 * 60_000;

export const serviceDown: Scenario = {
  id: 'service-down',
  title: { hu: 'Amikor a rendszerrel van a baj', en: 'When the service itself is down' },
  summary: {
    hu: 'Ha a felhasználó mindent jól csinál, a szolgáltatás akkor is lehet karbantartás alatt, üzemzavarban, vagy időtúllépés történhet. Ilyenkor újra kell próbálni később.',
    en: 'When the user does everything right, the service may still be under maintenance, in an outage, or time out. The only fix is to try again later.',
  },
  steps: [
    ...setupSteps('phone'),
    {
      say: {
        hu: 'Bejelentett karbantartás kezdődik, egy órára.',
        en: 'An announced maintenance starts, for one hour.',
      },
      expect: {
        hu: 'A belépést a karbantartás végének idejével utasítja el az oldal.',
        en: 'The login is refused, with the end of the maintenance.',
      },
      async act(ctx) {
        ctx.provider.faults.schedule('maintenance', { from: ctx.clock.now(), until: ctx.clock.now() + HOUR });
        const r = await ctx.provider.login({
          username: ctx.user.username,
          password: ctx.user.password,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: r.ok, message: r.message });
        return !r.ok && r.fault === 'maintenance';
      },
    },
    loginStep('phone', true, {
      say: { hu: 'A karbantartás után újra próbálja.', en: 'After the maintenance the user tries again.' },
      code: (ctx) => (ctx.wait(HOUR), codeOn(ctx, 'phone')),
    }),
    {
      say: {
        hu: 'Üzemzavar, majd időtúllépés: a kérés 30 másodpercig vár, aztán hibával tér vissza.',
        en: 'An outage, then a time-out: the request hangs for 30 seconds and then fails.',
      },
      expect: {
        hu: 'Mindkét próbálkozást elutasítja a szolgáltatás, és közben semmi nem változik.',
        en: 'Both attempts are refused, and nothing changes meanwhile.',
      },
      async act(ctx) {
        ctx.wait(30_000);
        ctx.provider.faults.start('outage');
        const outage = await ctx.provider.login({
          username: ctx.user.username,
          password: ctx.user.password,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: outage.ok, message: outage.message });
        ctx.provider.faults.stop('outage');
        ctx.provider.faults.start('timeout');
        const before = ctx.clock.now();
        const timeout = await ctx.provider.login({
          username: ctx.user.username,
          password: ctx.user.password,
          code: codeOn(ctx, 'phone'),
        });
        ctx.emit({ type: 'site', ok: timeout.ok, message: timeout.message });
        ctx.emit({ type: 'time', now: ctx.clock.now(), advancedMs: ctx.clock.now() - before, note: '' });
        ctx.provider.faults.stop('timeout');
        return !outage.ok && outage.fault === 'outage' && !timeout.ok && timeout.fault === 'timeout';
      },
    },
    loginStep('phone', true, {
      say: { hu: 'Újrapróbálás, amikor a szolgáltatás már működik.', en: 'Retry once the service works again.' },
    }),
  ],
};
