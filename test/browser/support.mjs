// Shared by the real-browser tests: start the built demo with `totp-lab serve --port 0`, launch
// Debian's Chromium through playwright-core with a fresh profile, and keep it on loopback.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Debian's Chromium, or another build named by the CHROMIUM environment variable. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../../test-results/', import.meta.url);

/** Chromium for tests that open several contexts (one per person in a room), each with its own cookies. */
export function launchRoomBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/**
 * One person's browser in a room: a fresh context (its own cookies and storage) of a
 * {@link launchRoomBrowser} browser, at the room's page, once its site panel shows. Page errors go
 * into `seen.problems`; with `seen.foreign`, requests off the machine go there; with
 * `seen.consoleErrors`, console errors not matching `seen.expectedConsole` go into `seen.problems`.
 */
export async function openRoomPerson(browser, url, seen, { timeout = 8000 } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'hu-HU',
    timezoneId: 'Europe/Budapest',
  });
  if (seen.foreign)
    context.on('request', (request) => {
      if (new URL(request.url()).hostname !== '127.0.0.1') seen.foreign.push(request.url());
    });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  page.on('pageerror', (error) => seen.problems.push(error.message));
  if (seen.consoleErrors)
    page.on('console', (m) => {
      if (m.type() === 'error' && !seen.expectedConsole?.test(m.text())) seen.problems.push(m.text());
    });
  await page.goto(url);
  await page.locator('section.site').waitFor();
  return { context, page };
}

/** Starts the built CLI's server on a free port (with `args` added); resolves with its URL and a stop function. */
export async function startServer(args = []) {
  const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`totp-lab serve exited with ${code}: ${out}`)));
  });
  return {
    url,
    /** What the server printed so far. */
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Launches Chromium headless with a fresh user-data dir. Every request that is not to the demo
 * server fails the test: the page promises that nothing leaves the machine.
 */
export async function launchBrowser(extraArgs = []) {
  const profile = await mkdtemp(join(tmpdir(), 'totp-lab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
    viewport: { width: 1400, height: 1000 },
    locale: 'hu-HU',
    timezoneId: 'Europe/Budapest',
  });
  const foreign = [];
  const problems = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') foreign.push(request.url());
  });
  return {
    context,
    foreign,
    problems,
    /** A new tab that records console errors and page errors (CSP violations show up there). */
    async page() {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under test-results/. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/**
 * The demo served and open in a fresh Chromium profile: { server, browser, page, close() }.
 * `browserArgs` go to Chromium (the fake camera, say); `timeout` is each action's default.
 */
export async function openDemo({ serverArgs = [], browserArgs = [], timeout = 5000 } = {}) {
  const server = await startServer(serverArgs);
  const browser = await launchBrowser(browserArgs);
  const page = await browser.page();
  page.setDefaultTimeout(timeout);
  try {
    // The first load starts a cold browser: on a busy machine that alone can take several seconds.
    await page.goto(server.url, { timeout: Math.max(timeout, 30_000) });
  } catch (error) {
    // A page that never loaded must not leave its server running (the test would never end).
    await browser.close();
    await server.stop();
    throw error;
  }
  return {
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
