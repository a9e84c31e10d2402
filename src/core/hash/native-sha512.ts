/**
 * SHA-512 computed by the runtime itself, where it offers a one-shot call: Node's `crypto.hash`
 * (Node 20.12 and later), reached through `process.getBuiltinModule` (20.16 and later) rather than
 * an import, so core still imports no `node:*` module and a browser bundle pulls in nothing.
 * Everywhere else this is undefined and the JavaScript SHA-512 does all the work.
 *
 * Only SHA-512 is worth it: JavaScript has to split its 64-bit words into 32-bit halves, so the
 * four compressions a plain secret costs take longer than two native calls. SHA-1 and SHA-256 in
 * JavaScript are faster than the overhead of a native call (docs/benchmarks.md).
 */
import { digest } from './hash.js';
import { sha512 } from './sha512.js';

/**
 * The SHA-512 digest of `data` as a string of 64 characters, one per byte (Node's 'binary'
 * encoding, latin1): in Node 20 the string forms of `crypto.hash` are about three times faster
 * than its Buffer form.
 */
export type OneShotHash = (data: Uint8Array) => string;

interface NodeCryptoHash {
  hash?: (algorithm: string, data: Uint8Array, outputEncoding: 'binary') => string;
}

interface Runtime {
  getBuiltinModule?: (id: string) => unknown;
}

let found: OneShotHash | null | undefined;

/** The runtime's SHA-512, or undefined where there is none (browsers, Node before 20.16). */
export function nativeSha512(): OneShotHash | undefined {
  if (found === undefined) found = oneShotSha512Of(typeof process === 'undefined' ? undefined : process) ?? null;
  return found ?? undefined;
}

/** The one-shot SHA-512 that `runtime` (Node's `process`, where there is one) offers, if it works. */
export function oneShotSha512Of(runtime: Runtime | undefined): OneShotHash | undefined {
  try {
    const crypto = runtime?.getBuiltinModule?.('node:crypto') as NodeCryptoHash | undefined;
    const hash = crypto?.hash;
    if (typeof hash !== 'function') return undefined;
    const oneShot: OneShotHash = (data) => hash('sha512', data, 'binary');
    // A runtime whose call of the same name answers differently is not used: it must agree with
    // the JavaScript SHA-512 on a sample before it computes any code.
    const sample = Uint8Array.of(0x61, 0x62, 0x63);
    const mine = digest(sha512, sample);
    const theirs = oneShot(sample);
    const agrees =
      typeof theirs === 'string' &&
      theirs.length === mine.length &&
      mine.every((byte, i) => theirs.charCodeAt(i) === byte);
    return agrees ? oneShot : undefined;
  } catch {
    return undefined;
  }
}
