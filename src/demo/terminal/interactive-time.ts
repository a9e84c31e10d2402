/**
 * `time` in `demo --interactive`: the simulated time, a jump forward (`time +30s`, or just `+30s`,
 * up to days: `+720d`), or a jump to a moment with its zone. The clock never moves back.
 */
import { InvalidArgumentError, parseDurationInput, parseTimeInput } from '../../index.js';
import { clockTime } from './format.js';
import type { DemoSession } from './interactive-session.js';
import { SAY } from './interactive-texts.js';

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
  if (arg.startsWith('+')) {
    let jump: number;
    try {
      jump = parseDurationInput(arg.slice(1));
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      return s.fail(say.timeUsage);
    }
    return moveTo(s, s.clock.now() + jump);
  }
  try {
    moveTo(s, parseTimeInput(arg));
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    s.fail(error.message);
  }
}
