// Playwright Test-style fixtures on vitest's test.extend: `lab` runs the simulated Ügyfélkapu+
// service (`totp-lab serve --api`, with the page beside it) on a free port with seed.json's accounts,
// and `page` is a fresh Chromium page. With @playwright/test, keep `lab` as a fixture of its
// test.extend and take its own `page`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { test as base } from 'vitest';

/** The running service and its control API. */
export interface Lab {
  /** The page's address (the API is under api/, the control API under control/). */
  url: string;
  /** Calls the control API with the token; throws on an error answer. */
  control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
}

/** The command that runs totp-lab: TOTP_LAB_CMD, else the built CLI of this checkout. */
function totpLabCommand(): string[] {
  const given = process.env['TOTP_LAB_CMD'];
  if (given) return given.split(' ');
  const built = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
  if (!existsSync(built)) throw new Error('totp-lab not found: set TOTP_LAB_CMD or run npm run build');
  return [process.execPath, built];
}

async function startLab(): Promise<{ lab: Lab; server: ChildProcess }> {
  const token = randomBytes(24).toString('base64url'); // the control token, kept out of the command line
  const [command, ...args] = totpLabCommand();
  const seed = fileURLToPath(new URL('./seed.json', import.meta.url));
  const server = spawn(
    command!,
    [...args, 'serve', '--api', '--port', '0', '--seed', seed, '--hash-iterations', '1000'],
    {
      env: { ...process.env, TOTP_LAB_CONTROL_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const found = /HTTP API: (http:\/\/\S+?\/)api\//.exec(out);
      if (found) resolve(found[1]!);
    });
    server.stderr!.on('data', (chunk: Buffer) => (err += chunk));
    server.once('exit', (code) => reject(new Error(`totp-lab serve exited with ${code}: ${err.trim()}`)));
  });
  const lab: Lab = {
    url,
    async control(method, path, body) {
      const response = await fetch(new URL(path.replace(/^\//, ''), url), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const answer = await response.json();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    },
  };
  return { lab, server };
}

export const test = base.extend<{ lab: Lab; browser: Browser; page: Page }>({
  lab: async ({}, use) => {
    const { lab, server } = await startLab();
    await use(lab);
    await new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill('SIGTERM');
    });
  },
  browser: async ({}, use) => {
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    await use(browser);
    await browser.close();
  },
  page: async ({ browser }, use) => {
    const context = await browser.newContext({ locale: 'hu-HU', timezoneId: 'Europe/Budapest' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await use(page);
    await context.close();
  },
});

export { expect } from 'vitest';
