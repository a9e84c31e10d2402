// `totp-lab serve --api --mail-delay <duration>`: the duration is read as the terminal
// walkthrough's jumps are (90s, 10m, 1h), at most a day; anything else stops start-up with one line
// and exit 2, before a store is opened or a port taken. What a good value does is run across real
// processes in test/node/serve-mail-delay.test.ts.
import { describe, expect, it } from 'vitest';
import { readMailDelay } from '../../src/cli/mail-option.js';
import { setUpApi } from '../../src/cli/serve-api.js';
import { cli } from '../support/cli.js';

function expectUsage(r: { code: number; stdout: string; stderr: string }, message: string) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`totp-lab: ${message}`);
}

const SHAPE = '--mail-delay must be a whole number and a unit, s, m, h or d (90s, 10m, 1h), or 0';

describe('--mail-delay', () => {
  it('reads seconds, minutes, hours and days, and 0', () => {
    expect(readMailDelay('90s')).toBe(90_000);
    expect(readMailDelay('11m')).toBe(660_000);
    expect(readMailDelay(' 1h ')).toBe(3_600_000);
    expect(readMailDelay('1d')).toBe(86_400_000);
    expect(readMailDelay('24h')).toBe(86_400_000);
    expect(readMailDelay('0')).toBe(0);
  });

  it('refuses anything else in one line, exit 2', async () => {
    for (const bad of ['10', '-5m', '1.5m', '10 min', 'm', '', '10M', '0x10s'])
      expectUsage(
        await cli('serve', '--api', '--port', '0', '--mail-delay', bad),
        `${SHAPE}, got ${JSON.stringify(bad)}`,
      );
    expectUsage(
      await cli('serve', '--api', '--port', '0', '--mail-delay', '25h'),
      '--mail-delay must be at most 24h, got "25h"',
    );
    expectUsage(
      await cli('serve', '--api', '--port', '0', '--mail-delay', '9'.repeat(20) + 'd'),
      `--mail-delay must be at most 24h, got "${'9'.repeat(20)}d"`,
    );
  });

  it('needs --api, and mail kept in the store rather than sent by SMTP', async () => {
    expectUsage(await cli('serve', '--port', '0', '--mail-delay', '10m'), '--mail-delay needs --api');
    expectUsage(
      await cli('serve', '--api', '--port', '0', '--mail-delay', '10m', '--smtp', 'smtp://127.0.0.1:2525'),
      '--mail-delay applies to the mail kept in the store, not to mail sent by SMTP',
    );
  });
});

describe('what serve --api sets up with it', () => {
  const flags = {
    store: undefined,
    controlToken: 'mail-delay-control-token-0123',
    noControl: false,
    corsOrigins: [],
    hashIterations: 1000,
    language: 'en' as const,
    env: {},
  };

  it('puts the delay in the store and says so in the start-up line about mail', async () => {
    const api = await setUpApi({ ...flags, mailDelayMs: 90_000 });
    try {
      expect(api.mail.description).toMatch(/^Mail: kept in the store, arriving 90 s late on the service's clock;/);
      const answer = await api.handler(
        new Request('http://127.0.0.1/control/mailbox/delay', {
          headers: { authorization: `Bearer ${flags.controlToken}` },
        }),
      );
      expect(await answer.json()).toEqual({ delayMs: 90_000 });
    } finally {
      await api.close();
    }
    const plain = await setUpApi(flags);
    expect(plain.mail.description).toMatch(/^Mail: kept in the store; read it/);
    await plain.close();
  });
});
