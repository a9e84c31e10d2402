/**
 * The simulated clock shared by every instance on one Store. The clock's state (an offset from the
 * real time, or the time it is frozen at) and the fault windows live under one Store key, so a
 * trainer who moves the clock or starts an outage on one instance moves it for all. `now()` is
 * synchronous (as every Clock); `refresh()` reads the shared state and is called once per request.
 */
import { checkTime, systemClock, type Clock } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { FaultKind, FaultSwitchboard, FaultWindow } from '../sim/faults.js';
import type { Store } from '../sim/store.js';

/** The Store key of the shared clock and faults. */
export const CONTROL_KEY = 'server:control';

/** What is kept under {@link CONTROL_KEY}. */
export type ControlState = { offsetMs: number; frozenAt: number | null; faults: FaultWindow[] };

/** How the shared clock stands. */
export type ClockStatus = { now: number; frozen: boolean; offsetMs: number };

/** A Clock whose state is kept in a Store. */
export interface SharedClock extends Clock {
  /** Reads the shared state (clock and faults) from the Store; the faults are applied to `faults`. */
  refresh(faults?: FaultSwitchboard): Promise<void>;
  status(): ClockStatus;
  /** Sets the simulated time to `ms`. */
  setTime(ms: number): Promise<ClockStatus>;
  /** Moves the simulated time by `ms` (negative: back). */
  advanceBy(ms: number): Promise<ClockStatus>;
  /** Stops (true) or restarts (false) the simulated time. */
  freeze(frozen: boolean): Promise<ClockStatus>;
  /** Writes the fault windows of `faults` for every instance. */
  publishFaults(faults: FaultSwitchboard): Promise<void>;
  /** Back to the real time, not frozen, no faults. */
  reset(): Promise<void>;
}

const INITIAL: ControlState = { offsetMs: 0, frozenAt: null, faults: [] };

/**
 * A clock shared through `store`, starting (for a new store) at the time of `base`.
 * @example
 * const clock = createSharedClock(store);
 * const provider = createProvider({ store, clock });
 */
export function createSharedClock(store: Store, base: Clock = systemClock): SharedClock {
  let state: ControlState = INITIAL;
  let appliedFaults = '[]';
  const baseNow = () => checkTime(base.now(), 'base clock');
  const now = () => checkTime(state.frozenAt ?? baseNow() + state.offsetMs, 'shared clock');
  const status = (): ClockStatus => ({ now: now(), frozen: state.frozenAt !== null, offsetMs: state.offsetMs });
  const change = async (fn: (s: ControlState, t: number) => ControlState): Promise<ClockStatus> => {
    const stored = await store.update<ControlState>(CONTROL_KEY, (current) => fn(readState(current), baseNow()));
    state = readState(stored);
    return status();
  };
  return {
    now,
    status,
    async refresh(faults) {
      state = readState(await store.get<ControlState>(CONTROL_KEY));
      // No fault windows, none applied: the usual case, decided without writing the list out.
      if (faults === undefined || (state.faults.length === 0 && appliedFaults === '[]')) return;
      const text = JSON.stringify(state.faults);
      if (text !== appliedFaults) {
        applyFaults(faults, state.faults);
        appliedFaults = text;
      }
    },
    setTime(ms) {
      const target = checkTime(ms, 'time');
      return change((s, t) => (s.frozenAt !== null ? { ...s, frozenAt: target } : { ...s, offsetMs: target - t }));
    },
    advanceBy(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms))
        throw new InvalidArgumentError(`"ms" must be a finite number, got ${describeValue(ms)}`);
      return change((s, t) => {
        checkTime((s.frozenAt ?? t + s.offsetMs) + ms, 'time');
        return s.frozenAt !== null ? { ...s, frozenAt: s.frozenAt + ms } : { ...s, offsetMs: s.offsetMs + ms };
      });
    },
    freeze(frozen) {
      if (typeof frozen !== 'boolean')
        throw new InvalidArgumentError(`"frozen" must be true or false, got ${describeValue(frozen)}`);
      return change((s, t) => {
        if (frozen) return s.frozenAt !== null ? s : { ...s, frozenAt: t + s.offsetMs };
        return s.frozenAt === null ? s : { ...s, frozenAt: null, offsetMs: s.frozenAt - t };
      });
    },
    async publishFaults(faults) {
      const windows = faults.list();
      await store.update<ControlState>(CONTROL_KEY, (current) => ({ ...readState(current), faults: windows }));
      state = { ...state, faults: windows };
      appliedFaults = JSON.stringify(windows);
    },
    async reset() {
      await store.update<ControlState>(CONTROL_KEY, () => undefined);
      state = INITIAL;
    },
  };
}

/** The stored state, or the initial one when it is missing or not in the expected shape. */
function readState(value: ControlState | undefined): ControlState {
  if (typeof value !== 'object' || value === null) return INITIAL;
  const offsetMs = Number.isFinite(value.offsetMs) ? value.offsetMs : 0;
  const frozenAt = typeof value.frozenAt === 'number' && Number.isFinite(value.frozenAt) ? value.frozenAt : null;
  return { offsetMs, frozenAt, faults: Array.isArray(value.faults) ? value.faults : [] };
}

/** Rebuilds a switchboard from stored windows, through its public methods only. */
function applyFaults(faults: FaultSwitchboard, windows: FaultWindow[]): void {
  faults.clear();
  for (const w of windows) {
    const kind = w.kind as FaultKind;
    try {
      if (w.until === null) faults.start(kind);
      else if (w.until > w.from) faults.schedule(kind, { from: w.from, until: w.until });
    } catch {
      // A window the switchboard refuses (a hand-edited store) is left out, not fatal.
    }
  }
}
