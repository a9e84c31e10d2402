/**
 * `time` in `demo --interactive`: the simulated time, a jump forward (`time +30s`, or just `+30s`,
 * up to days: `+720d`), or a jump to a moment with its zone. The clock never moves back.
 */
import { InvalidArgumentError, parseTimeInput } from '../../index.js';
import { clockTime } from './format.js';
import type { DemoSession } from './interactive-session.js';
import { SAY } from './interactive-texts.js';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Moves the clock to `target` and shows the jump, or says why not. */
function moveTo(s: DemoSession, target: number): void {
  const say = SAY[s.language];
  // JavaScript dates end at 8.64e15 ms (ECMA-262 §21.4.1.1); a longer jump is refused, not obeyed.
  if (!(target <= 8.64e15)) return s.fail(say.tooLong);
  const now = s.clock.now();
  if (target < now) return s.fail(say.backwards);
  s.clock.set(target);
  s.show({ type: 'time', now: s.clock.now(), advancedMs: target - now, note: '' });
}

/** `time` with its argument (undefined: show the time). */
export function moveTime(s: DemoSession, arg: string | undefined): void {
  const say = SAY[s.language];
  if (arg === undefined) return s.out(`  ${say.now}: ${clockTime(s.clock.now(), s.language)}`);
  const jump = /^\+(\d+)(s|m|h|d)$/.exec(arg);
  if (jump) return moveTo(s, s.clock.now() + Number(jump[1]) * UNIT_MS[jump[2] as keyof typeof UNIT_MS]);
  if (arg.startsWith('+')) return s.fail(say.timeUsage);
  try {
    moveTo(s, parseTimeInput(arg));
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    s.fail(error.message);
  }
}
