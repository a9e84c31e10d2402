// The demo page's mount function runs in the browser; here, in Node, it must refuse what is not a DOM element.
import { describe, expect, it } from 'vitest';
import { mountDemo } from '../../src/demo/web/mount.js';
import { createTrainerClock } from '../../src/demo/web/trainer-clock.js';
import { HOSTILE, badThrow, outcomeOf } from '../support/hostile.js';

describe('the demo page outside a browser', () => {
  it('mountDemo(null) is refused with a typed error naming the element', () => {
    expect(() => mountDemo(null as never)).toThrow(/"element" must be a DOM element/);
  });

  it('mountDemo and createTrainerClock refuse every hostile first argument with a typed error or a fresh state', async () => {
    const problems: string[] = [];
    for (const hostile of HOSTILE) {
      for (const [name, fn] of [
        ['mountDemo', mountDemo],
        ['createTrainerClock', createTrainerClock],
      ] as const) {
        const bad = badThrow(await outcomeOf(() => (fn as (arg: unknown) => unknown)(hostile.make())));
        if (bad) problems.push(`${name}(${hostile.name}): ${bad}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
