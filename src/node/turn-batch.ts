/**
 * Serving API requests in batches, one per turn of the event loop. Under load one turn reads many
 * requests (one per connection that has sent one). Handled as each is parsed, and answered as each
 * is ready, the work of a check alternates with Node's parsing and with system calls, each of which
 * wakes the client, and every step starts with caches the other has just filled. Instead:
 *
 * 1. `afterTurn` holds each request until the turn that read it ends; then the handlers of all of
 *    them run back to back (in the loop's check phase);
 * 2. `writeSoon` queues each answer, and the answers go out together: those of a released batch
 *    as soon as its handlers have run as far as they can without I/O (a MemoryStore needs none), in
 *    the same check phase; any others after the turn that made them.
 *
 * Measured with 32 connections, writing in batches took about two fifths off the server CPU time of
 * a second-factor check, and handling in batches a tenth to a fifth of what was left. A request
 * waits at most until the end of the turn that read it, and its answer until the end of the turn
 * that made it.
 */
import type { ServerResponse } from 'node:http';

type Write = { res: ServerResponse; write: () => void };

let held: Array<() => void> = [];
let queue: Write[] = [];

/** Resolves once the current turn of the event loop has ended, together with all others held in it. */
export function afterTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (held.push(resolve) !== 1) return;
    setImmediate(release);
    // Queued right behind the release, this flush runs once the released handlers have run as far
    // as they can without waiting for I/O: their answers go out in the same turn.
    setImmediate(flush);
  });
}

function release(): void {
  const due = held;
  held = [];
  for (const resolve of due) resolve();
}

/** Calls `write` (which writes the whole answer to `res`) with the other answers due, at the latest after this turn. */
export function writeSoon(res: ServerResponse, write: () => void): void {
  if (queue.push({ res, write }) === 1) setImmediate(flush);
}

function flush(): void {
  const due = queue;
  queue = [];
  for (const { res, write } of due) {
    try {
      write();
    } catch {
      // One answer that cannot be written (its client gone, say) must not hold up the others.
      res.destroy();
    }
  }
}
