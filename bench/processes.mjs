// What the HTTP benchmarks need to start server processes alike and read what they cost, from /proc
// on Linux (undefined elsewhere).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

// On a machine with two or more cores the load tool (this process) runs on core 0 and each server
// on core 1, so neither steals the other's time and every server gets the same share: a ratio then
// compares the servers, not how the scheduler shared the cores. Without taskset both float.
export const PINNED = (() => {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Starts `node [nodeOptions] script args` as a server, on core 1 when pinned, with NODE_OPTIONS
 * cleared so that only `nodeOptions` apply. Its standard output is a pipe; errors go to ours.
 */
export function spawnServer(nodeOptions, script, args = []) {
  const argv = [process.execPath, ...nodeOptions, script, ...args];
  const [command, ...rest] = PINNED ? ['taskset', '-c', '1', ...argv] : argv;
  return spawn(command, rest, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } });
}

/** Stops a server and waits for it to be gone. */
export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

// CPU time a process has used, in ms (all its threads, GC included). Divided by the requests it
// served, it says what a request costs the server whatever else runs on the machine, which the
// requests-per-second ratio cannot when the load tool itself is the limit of the hello-world run.
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Resident memory of a process in bytes (VmRSS). */
export function rssBytes(pid) {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** The middle value of `values` (they are few and odd in number). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
