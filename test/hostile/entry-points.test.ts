// Every public function of every entry point, with each hostile value in each argument position and
// each option field: it returns (a negative answer) or throws a TotpLabError, never another error,
// never a hang, never a wrong success, and never pollutes Object.prototype.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';
import { generateCode, generateSecret, verifyCode } from '../../src/index.js';
import { HOSTILE, badThrow, outcomeOf, prototypeIsClean } from '../support/hostile.js';
import { ENTRY_POINTS, NOT_CALLED, SECRET, T, TEMP_DIRS, WRONG_CODE, type CallSpec } from '../support/entry-points.js';

afterAll(() => {
  for (const dir of TEMP_DIRS) rmSync(dir, { recursive: true, force: true });
});

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Every variant of a call: each argument replaced, and each field of each option object replaced. */
function* variants(spec: CallSpec): Generator<{ where: string; args: () => unknown[] }> {
  const arity = spec.args().length;
  for (let i = 0; i <= arity; i++) {
    for (const h of HOSTILE) {
      // Position `arity` is one argument too many.
      yield {
        where: `argument ${i} = ${h.name}`,
        args: () => {
          const a = spec.args();
          a[i] = h.make();
          return a;
        },
      };
    }
    const base = spec.args()[i];
    if (!isPlainObject(base)) continue;
    // Own "__proto__" and "constructor" keys, as JSON.parse makes them, beside the valid fields.
    yield {
      where: `argument ${i} with own __proto__ and constructor keys`,
      args: () => {
        const a = spec.args();
        const polluting = JSON.parse(
          '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}',
        ) as object;
        for (const key of Reflect.ownKeys(polluting))
          Object.defineProperty(a[i], key, {
            value: (polluting as Record<string, unknown>)[key as string],
            enumerable: true,
            configurable: true,
            writable: true,
          });
        return a;
      },
    };
    for (const key of Object.keys(base)) {
      for (const h of HOSTILE) {
        yield {
          where: `argument ${i}.${key} = ${h.name}`,
          args: () => {
            const a = spec.args();
            (a[i] as Record<string, unknown>)[key] = h.make();
            return a;
          },
        };
      }
    }
  }
}

async function problemsOf(spec: CallSpec): Promise<string[]> {
  const problems: string[] = [];
  for (const variant of variants(spec)) {
    const outcome = await outcomeOf(() => spec.fn(...variant.args()));
    const bad =
      badThrow(outcome) ?? (outcome.kind === 'returned' && spec.wrong?.(outcome.value) ? 'wrong success' : null);
    if (bad) problems.push(`${spec.name}(${variant.where}): ${bad}`);
    if (!prototypeIsClean()) problems.push(`${spec.name}(${variant.where}): polluted Object.prototype`);
  }
  return problems;
}

const TYPED_ERROR_BASELINES = new Set([
  'readImageFile',
  'scanQrFile',
  'provider.confirmEnrollment',
  'provider.finishEnrollment',
  'provider.abandonEnrollment',
  'provider.unlock',
]);

describe('the call table', () => {
  it('covers every exported function and object of every entry point', () => {
    for (const [entry, { module, calls }] of Object.entries(ENTRY_POINTS)) {
      const callable = Object.entries(module)
        .filter(
          ([name, value]) =>
            !NOT_CALLED.has(name) &&
            !(entry === 'totp-lab/testing' && name in core) &&
            (typeof value === 'function' ||
              (isPlainObject(value) && Object.values(value).some((v) => typeof v === 'function'))),
        )
        .map(([name]) => name);
      const missing = callable.filter(
        (name) => !calls.some((c) => c.name === name || c.name.startsWith(`${name} `) || c.name.startsWith(`${name}.`)),
      );
      expect(missing, entry).toEqual([]);
    }
  });

  it('starts from calls that succeed, and from a code that is really wrong', async () => {
    expect(verifyCode(SECRET, generateCode(SECRET, { time: T }), { time: T }).valid).toBe(true);
    expect(verifyCode(SECRET, WRONG_CODE, { time: T }).valid).toBe(false);
    for (const { calls } of Object.values(ENTRY_POINTS)) {
      for (const spec of calls) {
        const outcome = await outcomeOf(() => spec.fn(...spec.args()));
        // These start from a missing file or an unknown enrollment: their normal answer is a typed error.
        if (TYPED_ERROR_BASELINES.has(spec.name))
          expect(outcome.kind === 'threw' && badThrow(outcome) === null, spec.name).toBe(true);
        else expect(outcome, spec.name).toMatchObject({ kind: 'returned' });
      }
    }
  });
});

describe('clocks and random sources that are not', () => {
  it('are refused with a typed error naming the field', async () => {
    const outcomes = await Promise.all([
      outcomeOf(() => generateSecret(null as never)),
      outcomeOf(() => verifyCode(SECRET, WRONG_CODE, { clock: true as never })),
      outcomeOf(() => generateCode(SECRET, { clock: {} as never })),
      outcomeOf(() => generateSecret({ random: {} as never })),
    ]);
    for (const outcome of outcomes) expect(badThrow(outcome)).toBeNull();
    expect(outcomes.map((o) => (o.kind === 'threw' ? String(o.error) : o.kind))).toEqual([
      expect.stringContaining('"options" must be an object'),
      expect.stringContaining('"clock" must be a Clock'),
      expect.stringContaining('"clock" must be a Clock'),
      expect.stringContaining('"random" must be a RandomSource'),
    ]);
  });
});

describe.each(Object.entries(ENTRY_POINTS))('hostile values through %s', (_entry, { calls }) => {
  it.each(calls.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, spec) => {
      expect(await problemsOf(spec)).toEqual([]);
    },
    60_000,
  );
});
