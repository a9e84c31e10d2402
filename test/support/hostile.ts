// The shared list of hostile values: what a careless or malicious caller may pass to any public
// function, in any argument position or option field. Every entry point is run through it.
import { TotpLabError } from '../../src/index.js';

/** One hostile value with a name for test output. Values are made fresh per use (some are mutable). */
export interface Hostile {
  name: string;
  make(): unknown;
}

/** The error a throwing Proxy raises; the caller's own object failed, so it may pass through unchanged. */
export class ProxyTrap extends Error {
  override name = 'ProxyTrap';
}

/** A Proxy that throws on every property read, `in`, key listing and prototype query. */
export function throwingProxy(target: object = {}): object {
  const trap = () => {
    throw new ProxyTrap('hostile proxy touched');
  };
  return new Proxy(target, {
    get: trap,
    has: trap,
    ownKeys: trap,
    getOwnPropertyDescriptor: trap,
    getPrototypeOf: trap,
  });
}

const MB = 1024 * 1024;

export const HOSTILE: readonly Hostile[] = [
  { name: 'undefined', make: () => undefined },
  { name: 'null', make: () => null },
  { name: 'true', make: () => true },
  { name: 'false', make: () => false },
  { name: 'NaN', make: () => Number.NaN },
  { name: 'Infinity', make: () => Infinity },
  { name: '-Infinity', make: () => -Infinity },
  { name: '-0', make: () => -0 },
  { name: '-1', make: () => -1 },
  { name: '0.5', make: () => 0.5 },
  { name: '2^53', make: () => 2 ** 53 },
  { name: 'MAX_VALUE', make: () => Number.MAX_VALUE },
  { name: '-MAX_SAFE_INTEGER', make: () => -Number.MAX_SAFE_INTEGER },
  { name: 'BigInt', make: () => 123456n },
  { name: 'Symbol', make: () => Symbol('hostile') },
  { name: 'function', make: () => () => '123456' },
  { name: 'empty string', make: () => '' },
  { name: 'spaces', make: () => '   ' },
  { name: '1 MB string', make: () => 'A'.repeat(MB) },
  { name: '1 MB digits', make: () => '1'.repeat(MB) },
  { name: 'NUL and control characters', make: () => 'abc\u0000\u0001\u001b[31m\r\n\u007f' },
  { name: 'lone high surrogate', make: () => '\uD800' },
  { name: 'lone low surrogate in text', make: () => 'JBSW\uDC00Y3DP' },
  { name: 'numeric string with exponent', make: () => '1e6' },
  { name: '__proto__ string', make: () => '__proto__' },
  { name: 'constructor string', make: () => 'constructor' },
  { name: 'empty object', make: () => ({}) },
  {
    name: '__proto__ key',
    make: () => JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}'),
  },
  { name: 'toString key', make: () => ({ toString: () => '123456', valueOf: () => 123456 }) },
  {
    name: 'throwing toString',
    make: () => ({
      toString: () => {
        throw new ProxyTrap('toString');
      },
    }),
  },
  { name: 'throwing proxy', make: () => throwingProxy() },
  { name: 'throwing array proxy', make: () => throwingProxy([]) },
  { name: 'empty array', make: () => [] },
  { name: 'array of strings', make: () => ['123456', 'JBSWY3DPEHPK3PXP'] },
  { name: 'sparse huge array', make: () => new Array(2 ** 31) },
  { name: 'frozen object', make: () => Object.freeze({ now: 1 }) },
  { name: 'null-prototype object', make: () => Object.create(null) as object },
  { name: 'Date', make: () => new Date(0) },
  { name: 'empty Uint8Array', make: () => new Uint8Array(0) },
  { name: '16 MB Uint8Array', make: () => new Uint8Array(16 * MB) },
  { name: 'detached-looking DataView', make: () => new DataView(new ArrayBuffer(4)) },
];

/** What a call did. */
export type Outcome = { kind: 'returned'; value: unknown } | { kind: 'threw'; error: unknown };

/** Calls `fn` (sync or async) and records what happened; a promise that does not settle in `ms` fails. */
export async function outcomeOf(fn: () => unknown, ms = 10_000): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const value = await Promise.race([
      Promise.resolve().then(fn),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
      }),
    ]);
    return { kind: 'returned', value };
  } catch (error) {
    return { kind: 'threw', error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why an outcome is not acceptable, or null if it is: a throw must be a TotpLabError with a stable
 * `code` and a short one-line message, or the caller's own trap passing through.
 */
export function badThrow(outcome: Outcome): string | null {
  if (outcome.kind !== 'threw') return null;
  const { error } = outcome;
  if (error instanceof ProxyTrap) return null;
  if (!(error instanceof TotpLabError)) return `threw ${describe(error)}`;
  if (typeof error.code !== 'string' || error.code.length === 0) return 'TotpLabError without a code';
  if (error.message.length > 500) return `message of ${error.message.length} characters`;
  if (/[\u0000-\u0009\u000b-\u001f]/.test(error.message)) return 'control characters in the message';
  return null;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message.slice(0, 200)}`;
  return typeof error;
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype] as const;
const BEFORE = PROTOTYPES.map((p) => Reflect.ownKeys(p).length);

/** True when no built-in prototype has gained a property since this module loaded, and `{}` has no stray key. */
export function prototypeIsClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    PROTOTYPES.every((p, i) => Reflect.ownKeys(p).length === BEFORE[i]) &&
    probe.polluted === undefined &&
    Object.keys(probe).length === 0
  );
}

/**
 * How many times more fuzz runs than usual: 1 in `npm test`, more under `npm run soak`
 * (TOTP_LAB_FUZZ_SCALE).
 */
export const FUZZ_SCALE = Math.max(1, Math.floor(Number(process.env.TOTP_LAB_FUZZ_SCALE) || 1));

/** `runs` fast-check runs, scaled by {@link FUZZ_SCALE}. */
export const fuzzRuns = (runs: number) => ({ numRuns: runs * FUZZ_SCALE });
