/**
 * What the trainer's controls do. In the page's own mode they act on the page's clock and service;
 * in a room, the clock, the faults, unlocking and the reset are the server's, and the trainer's
 * browser changes them through the control API (a participant's browser has none of them).
 */
import type { FaultKind } from '../../index.js';
import { friendlyError } from './error-texts.js';
import type { DemoSession } from './session.js';
import type { BusyGuard, Status } from './ui.js';

/** The trainer's "late e-mail". */
export const MAIL_DELAY_MS = 5 * 60_000;

/** The trainer's actions on one session. */
export interface TrainerActions {
  togglePause(): void;
  skip(ms: number): void;
  toRealTime(): void;
  setFault(kind: FaultKind, on: boolean): void;
  setMailDelay(on: boolean): void;
  /** The administrator's "in person" unlock of `username`. */
  unlock(username: string): void;
  reset(): void;
}

/** The actions, with answers and errors on `status` and one at a time through `guard`. */
export function trainerActions(session: DemoSession, status: Status, guard: BusyGuard): TrainerActions {
  const app = session.app;
  const room = session.options.room;
  // The session's app, not `app`: after a reset it is a new one, which an old copy must not overwrite.
  const done = () => {
    session.app.save();
    session.changed();
  };
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
  return {
    togglePause() {
      if (room) return remote((r) => r.control('POST', 'control/clock/freeze', { frozen: !app.clock.paused }));
      if (app.clock.paused) app.clock.resume();
      else app.clock.pause();
      done();
    },
    skip: (ms) =>
      room ? remote((r) => r.control('POST', 'control/clock/advance', { ms })) : (app.clock.advance(ms), done()),
    toRealTime: () =>
      room
        ? remote(async (r) => {
            await r.control('POST', 'control/clock/freeze', { frozen: false });
            await r.control('PUT', 'control/clock', { time: Date.now() });
          })
        : (app.clock.toRealTime(), done()),
    setFault(kind, on) {
      if (room) return remote((r) => r.control('POST', `control/faults/${on ? 'start' : 'stop'}`, { kind }));
      if (on) app.provider.faults.start(kind);
      else app.provider.faults.stop(kind);
      app.faults = [...app.faults.filter((k) => k !== kind), ...(on ? [kind] : [])];
      done();
    },
    setMailDelay(on) {
      app.mailDelayMs = on ? MAIL_DELAY_MS : 0;
      done();
    },
    unlock: (username) =>
      void guard(async () => {
        const t = app.t;
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
    reset: () =>
      room ? remote(async (r) => (await r.control('POST', 'control/reset', {}), session.reset())) : session.reset(),
  };
}
