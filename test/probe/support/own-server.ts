// totp-lab's own HTTP API on a real socket, as an application mounts it: the Fetch handler from
// totp-lab/server on the Node listener, with the control API (the enrol script moves its clock).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider } from '../../../src/index.js';
import { serveHandler } from '../../../src/node/index.js';
import { createProviderHandler, createSharedClock } from '../../../src/server/index.js';
import type { CommandRunner } from '../../../src/testing/index.js';

export const OWN_TOKEN = 'probe-test-control-token-0123456789';
export const ENROL_SCRIPT = fileURLToPath(new URL('./enrol-own-server.mjs', import.meta.url));

export async function startOwnServer() {
  const store = new MemoryStore();
  const clock = createSharedClock(store);
  await clock.refresh();
  const provider = createProvider({ store, clock, language: 'en', hashing: LOW_COST_HASHING_FOR_TESTS });
  const handler = createProviderHandler(provider, { store, clock, controlToken: OWN_TOKEN });
  const server = await serveHandler(handler, { port: 0 });
  return { url: server.url.replace(/\/$/, ''), provider, close: () => server.close() };
}

/** The verify request of the probe against the own server: password + code in one request. */
export const OWN_VERIFY = {
  request: 'POST {url}/api/device-change',
  body: '{"username":"{username}","password":"{password}","code":"{code}"}',
};

/** Runs a program without a shell, as the CLI does. */
export const runProgram: CommandRunner = (argv, env) =>
  new Promise((resolve, reject) => {
    execFile(
      argv[0]!,
      argv.slice(1),
      { env: { ...process.env, ...env }, encoding: 'buffer', timeout: 20_000 },
      (error, stdout) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (error && typeof code !== 'number') reject(error);
        else resolve({ exitCode: typeof code === 'number' ? code : 0, stdout });
      },
    );
  });
