// (7) HTTP second-factor checks per second (POST /api/login/code, each a different account's first
// right code: a full check with the replay-guard write, MemoryStore) against a bare node:http
// hello-world, both in their own process, driven by autocannon in this one. Reported as a ratio,
// with both servers started with the Node options `totp-lab serve` runs with (SERVER_NODE_OPTIONS:
// a larger young generation), and again with Node's defaults, as a server that mounts the handler
// itself runs unless it is given them.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { SERVER_NODE_OPTIONS } from '../dist/node.js';

const DURATION = 4;
const ROUNDS = 3;
const CONNECTIONS = 32;
const PIPELINING = 1;

// On a machine with two or more cores the load tool (this process) runs on core 0 and each server
// on core 1, so neither steals the other's time and both servers get the same share: the ratio then
// compares the servers, not how the scheduler shared the cores. Without taskset both float.
const PINNED = (() => {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function start(nodeOptions, mode, extra = []) {
  const argv = [
    process.execPath,
    ...nodeOptions,
    new URL('./http-server.mjs', import.meta.url).pathname,
    mode,
    ...extra,
  ];
  const [command, ...args] = PINNED ? ['taskset', '-c', '1', ...argv] : argv;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, ...JSON.parse(line) }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

// CPU time a server process has used, in ms (all its threads, GC included), from /proc on Linux;
// undefined elsewhere. Divided by the requests it served, it says what a request costs the server
// whatever else runs on the machine, which the requests-per-second ratio cannot when the load tool
// itself is the limit of the hello-world run.
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, pipelining: PIPELINING, duration: DURATION, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** CPU µs per request between two cpuMs readings, or undefined. */
function perRequestUs(before, after, requests) {
  return before === undefined || after === undefined || requests === 0
    ? undefined
    : ((after - before) * 1000) / requests;
}

/** One round: the hello-world, then the API, each for DURATION seconds on fresh servers. */
async function round(servers, nodeOptions) {
  const hello = await start(nodeOptions, 'hello');
  servers.push(hello.child);
  const helloCpu = cpuMs(hello.child.pid);
  const helloResult = await load({ url: `http://127.0.0.1:${hello.port}/` });
  const helloUs = perRequestUs(helloCpu, cpuMs(hello.child.pid), helloResult.requests.total);
  hello.child.kill('SIGINT');
  // Enough tickets that none is used twice in the run.
  const api = await start(nodeOptions, 'api', [
    String(Math.ceil(helloResult.requests.average * DURATION * 0.6) + 2000),
  ]);
  servers.push(api.child);
  let next = 0;
  const apiCpu = cpuMs(api.child.pid);
  const apiResult = await load({
    url: `http://127.0.0.1:${api.port}`,
    requests: [
      {
        method: 'POST',
        path: '/api/login/code',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ loginTicket: api.tickets[next++ % api.tickets.length], code: api.code }),
        }),
      },
    ],
  });
  const apiUs = perRequestUs(apiCpu, cpuMs(api.child.pid), apiResult.requests.total);
  api.child.kill('SIGINT');
  const accepted = apiResult['2xx'];
  return {
    helloRps: helloResult.requests.average,
    checksPerSecond: accepted / DURATION,
    accepted,
    sent: apiResult.requests.total,
    ratio: accepted / DURATION / helloResult.requests.average,
    helloCpuUs: helloUs,
    checkCpuUs: apiUs,
    cpuRatio: helloUs !== undefined && apiUs !== undefined ? helloUs / apiUs : undefined,
    ticketsUsedTwice: next > api.tickets.length,
  };
}

/** The middle value of `values` (they are few and odd in number). */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * ROUNDS rounds, each pairing a hello-world run with an API run made right after it, both servers
 * started with `nodeOptions`; the figures are those of the round with the median ratio, and
 * `ratios` lists every round's. On a shared machine the hello-world alone varied by a third from
 * one minute to the next: one pair would report that noise, the median of pairs measured close
 * together reports the servers.
 */
async function rounds(servers, nodeOptions) {
  const all = [];
  for (let i = 0; i < ROUNDS; i++) all.push(await round(servers, nodeOptions));
  const ratios = all.map((r) => r.ratio);
  const middle = all.find((r) => r.ratio === median(ratios));
  const cpuRatios = all.map((r) => r.cpuRatio);
  return {
    ...middle,
    ratios,
    cpuRatios,
    cpuRatio: cpuRatios.includes(undefined) ? undefined : median(cpuRatios),
    nodeOptions,
    ticketsUsedTwice: all.some((r) => r.ticketsUsedTwice),
  };
}

/**
 * { helloRps, checksPerSecond, ratio, ratios, helloCpuUs, checkCpuUs, cpuRatio, …, defaults } or
 * { skipped }: the rounds with both servers started with SERVER_NODE_OPTIONS, and `defaults`, the
 * same with Node's default options.
 */
export async function benchHttp() {
  const servers = [];
  try {
    const served = await rounds(servers, SERVER_NODE_OPTIONS);
    const defaults = await rounds(servers, []);
    return {
      ...served,
      defaults,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      pipelining: PIPELINING,
      seconds: DURATION,
      pinned: PINNED,
    };
  } catch (error) {
    return { skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  } finally {
    for (const child of servers) child.kill('SIGINT');
  }
}
