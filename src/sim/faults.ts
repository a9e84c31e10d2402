/**
 * The fault switchboard: what goes wrong on the service's side, for trainers and tests. Each fault
 * is switched on directly or scheduled for a window of simulated time. A call refused by a fault
 * changes no account: the provider checks the switchboard before it touches the Store (the refusal
 * is only noted in the account's attempt trail, for the trainer).
 *
 * - `maintenance`: announced; every call is refused with a "karbantartás" message naming the end.
 * - `outage`: every call is refused with "átmenetileg nem érhető el".
 * - `timeout`: every call waits the provider's `timeoutMs` (through its `wait`) and then fails.
 *
 * When several are active, maintenance wins over outage, and outage over time-out.
 */
import type { Clock } from '../core/clock.js';
import { checkTime } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/** The kinds of fault. */
export type FaultKind = 'maintenance' | 'outage' | 'timeout';

/** A fault window in simulated time: active from `from` (inclusive) to `until` (exclusive, null = until stopped). */
export type FaultWindow = { kind: FaultKind; from: number; until: number | null };

/** The fault in force at a moment. */
export type ActiveFault = { kind: FaultKind; until: number | null };

const KINDS: readonly FaultKind[] = ['maintenance', 'outage', 'timeout'];

/** Switches faults on and off, now or on a schedule. */
export interface FaultSwitchboard {
  /** Switches `kind` on from now, until `until` (ms) or until {@link stop}. */
  start(kind: FaultKind, options?: { until?: number }): void;
  /** Ends every window of `kind` that is active now or scheduled later. */
  stop(kind: FaultKind): void;
  /** Schedules `kind` for [from, until) in simulated time. */
  schedule(kind: FaultKind, window: { from: number; until: number }): void;
  /** Removes every fault. */
  clear(): void;
  /** The fault in force at `time` (default: now), or null. */
  active(time?: number): ActiveFault | null;
  /** Every window, active, past or future, in the order they were added. */
  list(): FaultWindow[];
}

/** Makes a switchboard that reads time from `clock`. */
export function createFaultSwitchboard(clock: Clock): FaultSwitchboard {
  let windows: FaultWindow[] = [];
  const now = () => checkTime(clock.now(), 'clock.now()');
  return {
    start(kind, options = {}) {
      checkKind(kind);
      const from = now();
      const until = options.until === undefined ? null : checkTime(options.until, 'until');
      if (until !== null && until <= from)
        throw new InvalidArgumentError(`"until" must be later than now (${from}), got ${until}`);
      windows.push({ kind, from, until });
    },
    stop(kind) {
      checkKind(kind);
      const t = now();
      windows = windows.flatMap((w) => {
        if (w.kind !== kind || (w.until !== null && w.until <= t)) return [w];
        return w.from < t ? [{ ...w, until: t }] : [];
      });
    },
    schedule(kind, span) {
      checkKind(kind);
      if (typeof span !== 'object' || span === null)
        throw new InvalidArgumentError(`"window" must be { from, until }, got ${describeValue(span)}`);
      const from = checkTime(span.from, 'from');
      const until = checkTime(span.until, 'until');
      if (until <= from) throw new InvalidArgumentError(`"until" must be later than "from" (${from}), got ${until}`);
      windows.push({ kind, from, until });
    },
    clear() {
      windows = [];
    },
    active(time) {
      if (windows.length === 0) return null;
      const t = time === undefined ? now() : checkTime(time);
      for (const kind of KINDS) {
        const hits = windows.filter((w) => w.kind === kind && w.from <= t && (w.until === null || t < w.until));
        if (hits.length === 0) continue;
        // The announced end is the latest end among the overlapping windows of this kind.
        const until = hits.some((w) => w.until === null) ? null : Math.max(...hits.map((w) => w.until as number));
        return { kind, until };
      }
      return null;
    },
    list() {
      return windows.map((w) => ({ ...w }));
    },
  };
}

function checkKind(kind: unknown): asserts kind is FaultKind {
  if (!(KINDS as readonly unknown[]).includes(kind)) {
    throw new InvalidArgumentError(`"kind" must be maintenance, outage or timeout, got ${describeValue(kind)}`);
  }
}
