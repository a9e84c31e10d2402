// (7) HTTP second-factor checks per second (POST /api/login/code, each a different account's first
// right code: a full check with the replay-guard write, MemoryStore) against a bare node:http
// hello-world, both in their own process, driven by autocannon in this one. Reported as a ratio,
// with both servers on Node's default options, as `totp-lab serve` runs, and again with the
// load-test tuning docs/http-api.md describes (LOAD_TEST_NODE_OPTIONS: a larger young generation).
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { PINNED, cpuMs, median, rssBytes, spawnServer, stop } from './processes.mjs';

const DURATION = 4;
const ROUNDS = 3;
const CONNECTIONS = 32;
const PIPELINING = 1;
/** The load-test tuning: 64 MB young-generation semi-spaces instead of Node's 16 MB. */
export const LOAD_TEST_NODE_OPTIONS = ['--max-semi-space-size=64'];

function start(nodeOptions, mode, extra = []) {
  const child = spawnServer(nodeOptions, new URL('./http-server.mjs', import.meta.url).pathname, [mode, ...extra]);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, ...JSON.parse(line) }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
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
  const helloRss = rssBytes(hello.child.pid);
  await stop(hello.child);
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
  const apiRss = rssBytes(api.child.pid);
  await stop(api.child);
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
    helloRss,
    apiRss,
    accounts: api.tickets.length,
    ticketsUsedTwice: next > api.tickets.length,
  };
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
 * { helloRps, checksPerSecond, ratio, ratios, helloCpuUs, checkCpuUs, cpuRatio, helloRss, apiRss,
 * …, tuned } or { skipped }: the rounds with both servers on Node's default options, as `totp-lab
 * serve` runs, and `tuned`, the same with LOAD_TEST_NODE_OPTIONS.
 */
export async function benchHttp() {
  const servers = [];
  try {
    const defaults = await rounds(servers, []);
    const tuned = await rounds(servers, LOAD_TEST_NODE_OPTIONS);
    return {
      ...defaults,
      tuned,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      pipelining: PIPELINING,
      seconds: DURATION,
      pinned: PINNED,
    };
  } catch (error) {
    return { skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  } finally {
    await Promise.all(servers.map(stop));
  }
}
