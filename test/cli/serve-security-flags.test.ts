// The security settings of `totp-lab serve --api` that are checked before anything starts: a CORS
// origin must be a real origin (never "null", which every sandboxed frame, file: page and data: URL
// sends), and the session lifetime a whole number of hours. The same checks guard the library.
import { describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider } from '../../src/index.js';
import { createProviderHandler } from '../../src/server/index.js';
import { serveHandler } from '../../src/node/index.js';
import { cli } from '../support/cli.js';

function expectUsage(r: { code: number; stdout: string; stderr: string }, message: string) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`totp-lab: ${message}`);
}

describe('--cors-origin', () => {
  it('refuses null in one line', async () => {
    expectUsage(
      await cli('serve', '--api', '--cors-origin', 'null', '--port', '0'),
      '--cors-origin must be an origin like https://trainer.example.hu, not null: null is what sandboxed frames, file: pages and data: URLs send',
    );
  });

  it('refuses something that is not an origin', async () => {
    expectUsage(
      await cli('serve', '--api', '--cors-origin', 'https://lab.example/path', '--port', '0'),
      '--cors-origin must be an origin like https://trainer.example.hu (scheme, host and port only), got "https://lab.example/path"',
    );
  });
});

describe('--session-lifetime', () => {
  it('takes whole hours from 1 to 720', async () => {
    expectUsage(
      await cli('serve', '--api', '--session-lifetime', '0', '--port', '0'),
      '--session-lifetime must be a whole number of hours from 1 to 720, got "0"',
    );
    expectUsage(await cli('serve', '--session-lifetime', '12'), '--session-lifetime needs --api');
  });
});

describe('the library refuses the null origin too', () => {
  const store = new MemoryStore();
  const provider = createProvider({ store, hashing: LOW_COST_HASHING_FOR_TESTS });

  it('in createProviderHandler', () => {
    expect(() => createProviderHandler(provider, { store, corsOrigins: ['null'] })).toThrow(
      /"corsOrigins" must hold origins like https:\/\/trainer.example.hu, not null/,
    );
  });

  it('in serveHandler', async () => {
    await expect(
      serveHandler(createProviderHandler(provider, { store }), { port: 0, allowedOrigins: ['null'] }),
    ).rejects.toThrow(/"allowedOrigins" must hold origins like https:\/\/trainer.example.hu, not null/);
  });
});
