/**
 * The trainer's controls: simulated time, faults, the activation delay, the late e-mail, unlocking
 * a locked account, language, a second phone, presentation mode, and a reset that asks first.
 * A participant's page in a room shows only the time, the language, a second phone and
 * presentation mode.
 */
import { h } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FaultKind } from '../../index.js';
import { presenting, togglePresentMode } from './present.js';
import { roomTextsFor } from './room-texts.js';
import type { DemoSession } from './session.js';
import { trainerActions, type TrainerActions } from './trainer-actions.js';
import { Check, LanguageSelect, ResetControl } from './trainer-controls.js';
import { clockText, StatusLine, useBusyGuard, useStatus } from './ui.js';

const DAY_MS = 86_400_000;

export function TrainerPanel({ session }: { session: DemoSession }) {
  const app = session.app;
  const t = app.t;
  const room = session.options.room;
  const trainer = room === null || room.trainer;
  const root = useRef<HTMLElement>(null);
  const status = useStatus();
  const guard = useBusyGuard(root);
  const act = useMemo(() => trainerActions(session, status, guard), []);
  // On a projector the controls fold to the time's line; this opens the rest.
  const [open, setOpen] = useState(false);
  const r = roomTextsFor(app.lang);
  useEffect(() => void (room?.refused && status.show(roomTextsFor(app.lang).linkRefused, false)), []);
  return h(
    'section',
    { class: `panel trainer${open ? ' open' : ''}`, 'aria-labelledby': 'trainer-title', ref: root },
    h('h2', { id: 'trainer-title' }, room ? t(trainer ? 'roomTrainer' : 'roomSettings') : t('trainer')),
    h(
      'div',
      { class: 'controls' },
      h(TimeGroup, { session, act, trainer }),
      trainer ? h(FaultGroup, { session, act }) : null,
      trainer ? h(ServiceGroup, { session, act }) : null,
      h(
        'div',
        { class: 'group' },
        h(LanguageSelect, { session }),
        h(Check, {
          name: 'second-phone',
          label: t('secondPhone'),
          checked: app.phoneCount === 2,
          onChange: (on) => session.setPhoneCount(on ? 2 : 1),
        }),
        h(PresentToggle, { label: t('presentMode') }),
        trainer ? h(ResetControl, { app, reset: act.reset }) : null,
      ),
      h(
        'div',
        { class: 'group fold' },
        h(
          'button',
          {
            type: 'button',
            'aria-expanded': String(open),
            'aria-label': open ? r.fewerControls : r.moreControls,
            title: open ? r.fewerControls : r.moreControls,
            onClick: () => setOpen(!open),
          },
          // A short mark on the folded line; its name is the full text.
          open ? '×' : '⋯',
        ),
      ),
    ),
    h(StatusLine, { status, detailsLabel: t('details') }),
  );
}

type GroupProps = { session: DemoSession; act: TrainerActions };

function TimeGroup({ session, act, trainer }: GroupProps & { trainer: boolean }) {
  const { clock, lang, t } = session.app;
  const now = clock.now();
  const left = 30 - Math.floor((now / 1000) % 30);
  const button = (text: string, onClick: () => void) => h('button', { type: 'button', onClick }, text);
  return h(
    'div',
    { class: 'group time-group', role: 'group', 'aria-label': t('simTime') },
    h('span', { class: 'group-label' }, `${t('simTime')}:`),
    h(
      'output',
      { class: 'sim-time', 'aria-live': 'off' },
      `${clockText(now, lang)} ${clock.paused ? t('pausedNote') : ''} · ${left} ${t('sec')}`,
    ),
    trainer
      ? [
          h(
            'button',
            { type: 'button', 'aria-pressed': String(clock.paused), onClick: act.togglePause },
            clock.paused ? t('resume') : t('pause'),
          ),
          button(t('plus30'), () => act.skip(30_000)),
          button(t('plus2m'), () => act.skip(120_000)),
          // Password age counts in days and years: the warning, the forced change, the lock.
          button(t('plus30d'), () => act.skip(30 * DAY_MS)),
          button(t('plus1y'), () => act.skip(365 * DAY_MS)),
          button(t('realTime'), act.toRealTime),
        ]
      : null,
  );
}

function FaultGroup({ session, act }: GroupProps) {
  const app = session.app;
  const room = session.options.room;
  const fault = (kind: FaultKind) =>
    h(Check, {
      name: `fault-${kind}`,
      label: app.t(kind),
      checked: room ? room.fault === kind : app.faults.includes(kind),
      onChange: (on) => act.setFault(kind, on),
    });
  return h(
    'div',
    { class: 'group', role: 'group', 'aria-label': app.t('faults') },
    h('span', { class: 'group-label' }, `${app.t('faults')}:`),
    fault('maintenance'),
    fault('outage'),
    fault('timeout'),
  );
}

function ServiceGroup({ session, act }: GroupProps) {
  const app = session.app;
  const t = app.t;
  // The activation wait is the server's profile in a room; the page cannot change it.
  const local = session.options.room === null;
  return h(
    'div',
    { class: 'group' },
    local
      ? h(Check, {
          name: 'activation-delay',
          label: t('activationDelay'),
          checked: app.activationDelay,
          onChange: (on) => session.setActivationDelay(on),
        })
      : null,
    // Mail sent from now on arrives 5 minutes late: the e-mail code that expires on its way.
    local
      ? h(Check, {
          name: 'mail-delay',
          label: t('mailDelay'),
          checked: app.mailDelayMs > 0,
          onChange: act.setMailDelay,
        })
      : null,
    // The administrator's "in person" unlock, for the account named on the site.
    h('button', { type: 'button', onClick: () => act.unlock(app.site.username.trim()) }, t('unlock')),
  );
}

function PresentToggle({ label }: { label: string }) {
  const [on, setOn] = useState(presenting());
  const toggle = () => {
    togglePresentMode();
    setOn(presenting());
  };
  return h('button', { type: 'button', class: 'present-toggle', 'aria-pressed': String(on), onClick: toggle }, label);
}
