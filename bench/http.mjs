// (7) HTTP second-factor checks per second (POST /api/login/code, each a different account's first
// right code: a full check with the replay-guard write, MemoryStore) against a bare node:http
// hello-world, both in their own process, driven by autocannon in this one. Reported as a ratio.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const DURATION = 4;
const CONNECTIONS = 32;

function start(mode, extra = []) {
  const child = spawn(process.execPath, [new URL('./http-server.mjs', import.meta.url).pathname, mode, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, ...JSON.parse(line) }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** { helloRps, checksPerSecond, ratio, accepted } or { skipped }. */
export async function benchHttp() {
  const servers = [];
  try {
    const hello = await start('hello');
    servers.push(hello.child);
    const helloResult = await load({ url: `http://127.0.0.1:${hello.port}/` });
    hello.child.kill();
    // Enough tickets that none is used twice in the run.
    const api = await start('api', [String(Math.ceil(helloResult.requests.average * DURATION * 0.6) + 2000)]);
    servers.push(api.child);
    let next = 0;
    const apiResult = await load({
      url: `http://127.0.0.1:${api.port}`,
      requests: [{
        method: 'POST', path: '/api/login/code', headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ loginTicket: api.tickets[next++ % api.tickets.length], code: api.code }) }),
      }],
    });
    const sent = apiResult.requests.total;
    const accepted = apiResult['2xx'];
    return {
      helloRps: helloResult.requests.average, checksPerSecond: accepted / DURATION, accepted, sent,
      ratio: accepted / DURATION / helloResult.requests.average, connections: CONNECTIONS, seconds: DURATION, ticketsUsedTwice: next > api.tickets.length,
    };
  } catch (error) {
    return { skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  } finally {
    for (const child of servers) child.kill();
  }
}
