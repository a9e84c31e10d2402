/**
 * The trainer's controls: simulated time, faults, the activation delay, unlocking a locked
 * account, language, a second phone, and a reset that asks first.
 */
import type { FaultKind, Language } from '../../index.js';
import type { DemoApp } from './app.js';
import { busyGuard, clockText, h, statusLine, uid } from './dom.js';
import { friendlyError } from './error-texts.js';
import { presenting, togglePresentMode } from './present.js';

const DAY_MS = 86_400_000;
/** The trainer's "late e-mail". */
const MAIL_DELAY_MS = 5 * 60_000;

export interface TrainerHooks {
  changed(): void;
  setLanguage(lang: Language): void;
  setPhoneCount(count: 1 | 2): void;
  setActivationDelay(on: boolean): void;
  reset(): void;
}

/** Renders the controls; `update()` refreshes the time readout. */
export function trainerPanel(app: DemoApp, hooks: TrainerHooks): { el: HTMLElement; update(): void } {
  const t = app.t;
  // In a room, the clock, the faults, unlocking and the reset are the server's: the trainer's
  // browser changes them through the control API; a participant's browser has none of them.
  const room = app.room;
  const trainer = room === null || room.token !== null;
  const remote = (action: (r: NonNullable<typeof room>) => Promise<unknown>) =>
    void guard(async () => {
      try {
        await action(room!);
        await room!.sync(app.clock);
      } catch (error) {
        const f = friendlyError(error, app.lang);
        status.show(f.text, false, f.details);
      }
      done();
    });
  const time = h('output', { class: 'sim-time', 'aria-live': 'off' });
  const pause = h('button', {
    type: 'button',
    'aria-pressed': String(app.clock.paused),
    onclick: () => {
      if (room) return remote((r) => r.control('POST', 'control/clock/freeze', { frozen: !app.clock.paused }));
      if (app.clock.paused) app.clock.resume();
      else app.clock.pause();
      done();
    },
  });
  const done = () => {
    app.save();
    update();
    hooks.changed();
  };
  const skip = (ms: number) => () =>
    room ? remote((r) => r.control('POST', 'control/clock/advance', { ms })) : (app.clock.advance(ms), done());
  const toRealTime = () =>
    room
      ? remote(async (r) => {
          await r.control('POST', 'control/clock/freeze', { frozen: false });
          await r.control('PUT', 'control/clock', { time: Date.now() });
        })
      : (app.clock.toRealTime(), done());
  const fault = (kind: FaultKind) => {
    const id = uid(`fault-${kind}`);
    const box = h('input', {
      type: 'checkbox',
      id,
      checked: room ? room.fault === kind : app.faults.includes(kind),
      onchange: () => {
        if (room) return remote((r) => r.control('POST', `control/faults/${box.checked ? 'start' : 'stop'}`, { kind }));
        if (box.checked) {
          app.provider.faults.start(kind);
          app.faults = [...app.faults.filter((k) => k !== kind), kind];
        } else {
          app.provider.faults.stop(kind);
          app.faults = app.faults.filter((k) => k !== kind);
        }
        done();
      },
    });
    return h('span', { class: 'check' }, box, h('label', { for: id }, t(kind)));
  };
  const langId = uid('lang');
  const lang = h(
    'select',
    { id: langId, onchange: () => hooks.setLanguage(lang.value === 'en' ? 'en' : 'hu') },
    h('option', { value: 'hu', selected: app.lang === 'hu' }, 'Magyar'),
    h('option', { value: 'en', selected: app.lang === 'en' }, 'English'),
  );
  const secondId = uid('second-phone');
  const second = h('input', {
    type: 'checkbox',
    id: secondId,
    checked: app.phoneCount === 2,
    onchange: () => hooks.setPhoneCount(second.checked ? 2 : 1),
  });
  const delayId = uid('activation-delay');
  const delay = h('input', {
    type: 'checkbox',
    id: delayId,
    checked: app.activationDelay,
    onchange: () => hooks.setActivationDelay(delay.checked),
  });
  // Mail sent from now on arrives 5 minutes late: the e-mail code that expires on its way.
  const lateId = uid('mail-delay');
  const late = h('input', {
    type: 'checkbox',
    id: lateId,
    checked: app.mailDelayMs > 0,
    onchange: () => ((app.mailDelayMs = late.checked ? MAIL_DELAY_MS : 0), done()),
  });
  const status = statusLine(t('details'));
  const present = h(
    'button',
    {
      type: 'button',
      class: 'present-toggle',
      'aria-pressed': String(presenting()),
      onclick: () => {
        togglePresentMode();
        present.setAttribute('aria-pressed', String(presenting()));
      },
    },
    t('presentMode'),
  );
  // The administrator's "in person" unlock, for the account named on the site.
  const unlock = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        void guard(async () => {
          const username = app.site.username.trim();
          try {
            if (room) await room.control('POST', 'control/unlock', { username });
            else await app.provider.unlock(username);
            status.show(`${t('unlocked')} ${username}`, true);
          } catch (error) {
            const f = friendlyError(error, app.lang);
            status.show(`${t('unlockFailed')} ${username || '—'}`, false, f.details);
          }
          done();
        }),
    },
    t('unlock'),
  );
  // A full reset wipes every account and phone: it asks first, in place (no browser dialog on a projector).
  const confirmReset = h(
    'span',
    { class: 'confirm-reset', hidden: true, role: 'group', 'aria-label': t('resetQuestion') },
    h('strong', {}, t('resetQuestion')),
    h(
      'button',
      {
        type: 'button',
        class: 'danger',
        onclick: () =>
          room ? remote(async (r) => (await r.control('POST', 'control/reset', {}), hooks.reset())) : hooks.reset(),
      },
      t('resetYes'),
    ),
    h(
      'button',
      {
        type: 'button',
        onclick: () => ((confirmReset.hidden = true), (resetButton.hidden = false), resetButton.focus()),
      },
      t('cancel'),
    ),
  );
  const resetButton = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      onclick: () => {
        resetButton.hidden = true;
        confirmReset.hidden = false;
        confirmReset.querySelector<HTMLButtonElement>('button:last-child')?.focus();
      },
    },
    t('reset'),
  );

  const timeGroup = h(
    'div',
    { class: 'group', role: 'group', 'aria-label': t('simTime') },
    h('span', { class: 'group-label' }, `${t('simTime')}:`),
    time,
    ...(trainer
      ? [
          pause,
          h('button', { type: 'button', onclick: skip(30_000) }, t('plus30')),
          h('button', { type: 'button', onclick: skip(120_000) }, t('plus2m')),
          // Password age counts in days and years: the warning, the forced change, the lock.
          h('button', { type: 'button', onclick: skip(30 * DAY_MS) }, t('plus30d')),
          h('button', { type: 'button', onclick: skip(365 * DAY_MS) }, t('plus1y')),
          h('button', { type: 'button', onclick: toRealTime }, t('realTime')),
        ]
      : []),
  );
  const trainerGroups = trainer
    ? [
        h(
          'div',
          { class: 'group', role: 'group', 'aria-label': t('faults') },
          h('span', { class: 'group-label' }, `${t('faults')}:`),
          fault('maintenance'),
          fault('outage'),
          fault('timeout'),
        ),
        h(
          'div',
          { class: 'group' },
          // The activation wait is the server's profile in a room; the page cannot change it.
          room ? null : h('span', { class: 'check' }, delay, h('label', { for: delayId }, t('activationDelay'))),
          room ? null : h('span', { class: 'check' }, late, h('label', { for: lateId }, t('mailDelay'))),
          unlock,
        ),
      ]
    : [];
  const el = h(
    'section',
    { class: 'panel trainer', 'aria-labelledby': 'trainer-title' },
    h('h2', { id: 'trainer-title' }, room ? t(trainer ? 'roomTrainer' : 'roomSettings') : t('trainer')),
    h(
      'div',
      { class: 'controls' },
      timeGroup,
      ...trainerGroups,
      h(
        'div',
        { class: 'group' },
        h('label', { for: langId }, `${t('language')}:`),
        lang,
        h('span', { class: 'check' }, second, h('label', { for: secondId }, t('secondPhone'))),
        present,
        trainer ? resetButton : null,
        trainer ? confirmReset : null,
      ),
    ),
    status.el,
  );
  if (room?.refused) status.show(t('tokenRefused'), false);
  const guard = busyGuard(el);

  function update() {
    const now = app.clock.now();
    const left = 30 - Math.floor((now / 1000) % 30);
    time.textContent = `${clockText(now, app.lang)} ${app.clock.paused ? t('pausedNote') : ''} · ${left} ${t('sec')}`;
    pause.textContent = app.clock.paused ? t('resume') : t('pause');
    pause.setAttribute('aria-pressed', String(app.clock.paused));
  }
  update();
  return { el, update };
}
