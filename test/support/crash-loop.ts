// Runs store-worker.mjs in "crash" mode, kills it with SIGKILL at random moments, and after each
// kill checks the store file: valid JSON in the right envelope, readable by FileStore, and holding
// every operation the worker acknowledged (printed after its update resolved).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { FileStore } from '../../src/node/file-store.js';
import type { StoreValue } from '../../src/sim/store.js';
import { seededRandom as seededFloats } from './images.js';

const WORKER = fileURLToPath(new URL('./store-worker.mjs', import.meta.url));

export interface CrashLoopOptions {
  /** The transpiled file-store module the worker imports. */
  compiled: string;
  storePath: string;
  /** Stop after this many kills… */
  kills: number;
  /** …or once this much time has passed, whichever comes first. */
  durationMs: number;
  seed: number;
}

export interface CrashLoopStats {
  kills: number;
  acknowledged: number;
  /** Kills after which a lock file was left behind (recovered by the next worker). */
  locksLeft: number;
  /** Kills after which a temporary file was left behind (cleaned by the next worker). */
  tempFilesLeft: number;
}

type Message =
  | { op: 'ready' }
  | { op: 'try'; kind: 'counter' | 'set' | 'delete' | 'touch'; key: string; value?: StoreValue }
  | { op: 'ack'; value?: StoreValue };

/** Starts a worker and kills it `delayMs` after it is ready (or, with `beforeReady`, after it starts). */
function killedRun(options: CrashLoopOptions, run: number, delayMs: number, beforeReady: boolean): Promise<Message[]> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [WORKER, options.compiled, options.storePath, 'crash', String(run)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Message[] = [];
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    // A worker that makes no progress (a lock never recovered) fails the run instead of hanging it.
    let stuck = false;
    const watchdog = setTimeout(() => {
      stuck = true;
      kill();
    }, 15_000);
    if (beforeReady) timer = setTimeout(kill, delayMs);
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!; // a line cut by the kill was never acknowledged
      for (const line of lines) {
        const ack = JSON.parse(line) as Message;
        acks.push(ack);
        if (ack.op === 'ready' && !beforeReady) timer = setTimeout(kill, delayMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(watchdog);
      if (stuck) reject(new Error(`worker ${run} was still running after 15 s (delay ${delayMs} ms): ${stderr}`));
      else if (signal !== 'SIGKILL' || stderr !== '')
        reject(new Error(`worker ${run} ended with ${signal ?? code}: ${stderr}`));
      else resolveRun(acks);
    });
  });
}

/** Runs the loop and checks the store after every kill; throws (via expect) on the first violation. */
export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopStats> {
  const random = seededFloats(options.seed);
  const expected = new Map<string, StoreValue | undefined>();
  let counter = 0;
  const stats: CrashLoopStats = { kills: 0, acknowledged: 0, locksLeft: 0, tempFilesLeft: 0 };
  const started = Date.now();
  const dir = dirname(options.storePath);
  const context = () => `seed ${options.seed}, kill ${stats.kills}`;
  while (stats.kills < options.kills && Date.now() - started < options.durationMs) {
    // Mostly kill while operations run; sometimes during start-up, while the worker may be
    // recovering the previous worker's lock or cleaning its temporary file.
    const beforeReady = random() < 0.2;
    const messages = await killedRun(options, stats.kills, Math.floor(random() * 150), beforeReady);
    stats.kills++;
    let inFlight: (Message & { op: 'try' }) | undefined;
    for (const message of messages) {
      if (message.op === 'try') inFlight = message;
      if (message.op !== 'ack' || !inFlight) continue;
      stats.acknowledged++;
      if (inFlight.kind === 'counter') counter = message.value as number;
      else if (inFlight.kind === 'delete') expected.set(inFlight.key, undefined);
      else expected.set(inFlight.key, message.value);
      inFlight = undefined;
    }
    if (existsSync(`${options.storePath}.lock`)) stats.locksLeft++;
    if (existsSync(dir) && readdirSync(dir).some((name) => name.startsWith(`.${basename(options.storePath)}.`)))
      stats.tempFilesLeft++;
    if (!existsSync(options.storePath)) {
      expect(stats.acknowledged, context()).toBe(0);
      continue;
    }
    // Read the file independently of FileStore first, then through it.
    const raw = JSON.parse(readFileSync(options.storePath, 'utf8')) as {
      format: unknown;
      version: unknown;
      data: Record<string, StoreValue>;
    };
    expect([raw.format, raw.version], context()).toEqual(['totp-lab-store', 1]);
    const snapshot = await new FileStore(options.storePath).snapshot();
    expect(snapshot, context()).toEqual(raw.data);
    // The one operation in flight at the kill may or may not have landed; every acknowledged one has.
    if (inFlight) {
      const before = inFlight.kind === 'counter' ? counter : expected.get(inFlight.key);
      const after =
        inFlight.kind === 'counter'
          ? counter + 1
          : inFlight.kind === 'set'
            ? inFlight.value
            : inFlight.kind === 'delete'
              ? undefined
              : { ...(before as Record<string, StoreValue>), touched: true };
      const landed = snapshot[inFlight.key];
      expect([before, after], `${context()}: ${inFlight.kind} ${inFlight.key} in flight`).toContainEqual(landed);
      if (inFlight.kind === 'counter') counter = landed as number;
      else expected.set(inFlight.key, landed);
    }
    expect(snapshot.counter ?? 0, `${context()}: counter`).toBe(counter);
    for (const [key, value] of expected) expect(snapshot[key], `${context()}: ${key}`).toEqual(value);
    // Nothing the worker never wrote appears either.
    const written = [...expected].filter(([, v]) => v !== undefined).map(([k]) => k);
    expect(
      Object.keys(snapshot)
        .filter((k) => k !== 'counter')
        .sort(),
      context(),
    ).toEqual(written.sort());
  }
  return stats;
}
