// (8) What `totp-lab serve --api` costs before any load, started as a user starts it
// (`node dist/cli.js serve --api`, Node's default options), against a bare node:http hello-world
// started the same way (`node bench/http-server.mjs hello`): the time from starting the process to
// its first answered request, and its resident memory once idle. Pairs run interleaved; medians.
import { get } from 'node:http';
import { createInterface } from 'node:readline';
import { median, rssBytes, spawnServer, stop } from './processes.mjs';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const HELLO = new URL('./http-server.mjs', import.meta.url).pathname;
/** How long a server is left alone after its first answer before its memory is read. */
const IDLE_MS = 1000;

const servers = {
  bare: {
    args: [HELLO, ['hello']],
    // It prints {"port":…} when it listens.
    address: (line) => {
      const port = /^\{"port":(\d+)/.exec(line)?.[1];
      return port && `http://127.0.0.1:${port}/`;
    },
  },
  serve: {
    args: [CLI, ['serve', '--api', '--port', '0']],
    // The first request a user's test suite makes: the public clock.
    address: (line) => {
      const api = /^HTTP API: (http:\/\/\S+\/api\/)/.exec(line)?.[1];
      return api && `${api}clock`;
    },
  },
};

/** GETs `url` on a connection of its own, closed after the answer (no keep-alive to hold up the stop). */
function firstAnswer(url) {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      response.once('end', () =>
        response.statusCode === 200 ? resolve() : reject(new Error(`${url} answered ${response.statusCode}`)),
      );
    }).once('error', reject);
  });
}

/** Starts one server; resolves with the ms to its first answer and its resident memory when idle. */
async function measure({ args, address }) {
  const started = performance.now();
  const child = spawnServer([], ...args);
  try {
    const url = await new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const found = address(line);
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    });
    await firstAnswer(url);
    const readyMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { readyMs, idleRss: rssBytes(child.pid) };
  } finally {
    await stop(child);
  }
}

/**
 * { runs, bare: { readyMs, idleRss }, serve: { … }, readyRatio, idleRssRatio } (medians; ratios of
 * serve to bare), or { skipped }.
 */
export async function benchServeStart({ runs = 7 } = {}) {
  try {
    const samples = { bare: [], serve: [] };
    for (let i = 0; i < runs; i++) {
      // Alternating which starts first, so neither always follows the other's exit.
      const order = i % 2 === 0 ? ['bare', 'serve'] : ['serve', 'bare'];
      for (const name of order) samples[name].push(await measure(servers[name]));
    }
    const summary = (list) => ({
      readyMs: median(list.map((s) => s.readyMs)),
      idleRss: list.some((s) => s.idleRss === undefined) ? undefined : median(list.map((s) => s.idleRss)),
    });
    const bare = summary(samples.bare);
    const serve = summary(samples.serve);
    return {
      runs,
      bare,
      serve,
      readyRatio: serve.readyMs / bare.readyMs,
      idleRssRatio: serve.idleRss === undefined ? undefined : serve.idleRss / bare.idleRss,
    };
  } catch (error) {
    return { skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
