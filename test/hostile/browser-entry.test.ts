// totp-lab/browser needs a DOM for its real work, which the Chromium tests cover. Here, in Node,
// each of its functions gets every hostile value where its DOM object belongs: each must refuse it
// with a typed error (or answer "nothing to read"), never a TypeError from deep inside.
import { describe, expect, it } from 'vitest';
import * as browser from '../../src/browser/index.js';
import { HOSTILE, badThrow, outcomeOf, prototypeIsClean } from '../support/hostile.js';

const FUNCTIONS = Object.entries(browser).filter(
  ([, value]) => typeof value === 'function' && !/^[A-Z]/.test(value.name),
);

describe('totp-lab/browser on hostile input', () => {
  it('has functions to check', () => {
    expect(FUNCTIONS.map(([name]) => name).sort()).toEqual([
      'drawQr',
      'imageFromCanvas',
      'imageFromFile',
      'imageFromVideo',
      'scanCanvas',
      'scanImageFile',
      'scanVideoFrame',
      'startWebcam',
    ]);
  });

  it.each(FUNCTIONS)('%s refuses every hostile first argument with a typed error', async (name, fn) => {
    const problems: string[] = [];
    for (const hostile of HOSTILE) {
      const outcome = await outcomeOf(() => (fn as (arg: unknown) => unknown)(hostile.make()));
      const bad = badThrow(outcome);
      if (bad) problems.push(`${name}(${hostile.name}): ${bad}`);
    }
    expect(problems).toEqual([]);
    expect(prototypeIsClean()).toBe(true);
  });

  it('WebStorageStore refuses a storage that is not one, with a typed error', () => {
    for (const hostile of HOSTILE) {
      let error: unknown;
      try {
        new browser.WebStorageStore(hostile.make() as never, 'totp-lab');
      } catch (caught) {
        error = caught;
      }
      if (error !== undefined) expect(badThrow({ kind: 'threw', error }), hostile.name).toBeNull();
    }
  });
});
