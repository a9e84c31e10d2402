/**
 * The demo's clock: the real time plus an offset the trainer sets, which can also be paused.
 * It is a ManualClock, so the provider's time-out fault and "+30 s" move it at once.
 */
import { InvalidArgumentError, systemClock, type Clock, type ManualClock } from '../../index.js';

/** What is saved across reloads. */
export interface TrainerClockState {
  /** Simulated minus real time, in ms. */
  offsetMs: number;
  /** The simulated time it stands at while paused, or null when running. */
  pausedAt: number | null;
}

/** A clock a trainer can pause, skip and bring back to real time. */
export interface TrainerClock extends ManualClock {
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  /** Back to the real time, running. */
  toRealTime(): void;
  toJSON(): TrainerClockState;
}

/** Makes the demo clock from saved state (anything unreadable means real time). */
export function createTrainerClock(saved: unknown = null, base: Clock = systemClock): TrainerClock {
  const state = readState(saved);
  const now = () => state.pausedAt ?? Math.max(0, base.now() + state.offsetMs);
  return {
    now,
    get paused() {
      return state.pausedAt !== null;
    },
    advance(ms: number) {
      return this.set(now() + ms);
    },
    set(ms: number) {
      const target = checkTime(ms);
      if (state.pausedAt !== null) state.pausedAt = target;
      else state.offsetMs = target - base.now();
      return target;
    },
    pause() {
      if (state.pausedAt === null) state.pausedAt = now();
    },
    resume() {
      if (state.pausedAt === null) return;
      state.offsetMs = state.pausedAt - base.now();
      state.pausedAt = null;
    },
    toRealTime() {
      state.offsetMs = 0;
      state.pausedAt = null;
    },
    toJSON: () => ({ ...state }),
  };
}

function readState(saved: unknown): TrainerClockState {
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Partial<TrainerClockState>;
  const offsetMs = typeof s.offsetMs === 'number' && Number.isFinite(s.offsetMs) ? s.offsetMs : 0;
  const pausedAt = typeof s.pausedAt === 'number' && Number.isFinite(s.pausedAt) && s.pausedAt >= 0 ? s.pausedAt : null;
  return { offsetMs, pausedAt };
}

/** A time in ms the clock can be set to: finite, from the epoch to the largest Date. */
function checkTime(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 8.64e15) {
    throw new InvalidArgumentError(`"time" must be between 0 and 8.64e15 ms since the epoch, got ${String(ms)}`);
  }
  return ms;
}
