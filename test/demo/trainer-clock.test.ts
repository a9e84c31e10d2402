import { describe, expect, it } from 'vitest';
import { createTrainerClock } from '../../src/demo/web/trainer-clock.js';
import { manualClock } from '../../src/index.js';

describe('the demo clock', () => {
  it('follows the real time plus an offset, pauses, skips and goes back to real time', () => {
    const real = manualClock(1_000_000);
    const clock = createTrainerClock(null, real);
    expect(clock.now()).toBe(1_000_000);
    clock.advance(30_000);
    real.advance(5_000);
    expect(clock.now()).toBe(1_035_000);
    clock.pause();
    real.advance(60_000);
    expect(clock.now()).toBe(1_035_000);
    clock.advance(120_000);
    expect(clock.now()).toBe(1_155_000);
    clock.resume();
    real.advance(1_000);
    expect(clock.now()).toBe(1_156_000);
    clock.toRealTime();
    expect(clock.now()).toBe(real.now());
    expect(clock.paused).toBe(false);
  });

  it('saves and restores its state; junk means real time', () => {
    const real = manualClock(2_000_000);
    const clock = createTrainerClock(null, real);
    clock.pause();
    clock.advance(45_000);
    const restored = createTrainerClock(JSON.parse(JSON.stringify(clock)), real);
    real.advance(99_000);
    expect(restored.paused).toBe(true);
    expect(restored.now()).toBe(2_045_000);
    for (const junk of [undefined, 'x', { offsetMs: 'a', pausedAt: -5 }, { offsetMs: Number.NaN }]) {
      expect(createTrainerClock(junk, real).now()).toBe(real.now());
    }
  });
});
