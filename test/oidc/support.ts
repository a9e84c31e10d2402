// Shared by the OpenID Connect front's tests: a server with the API and the front on a free
// loopback port, an account with an app second factor, a relying party made with openid-client, and
// a small user agent (cookies, redirects, the pages' forms) standing in for a browser.
import * as client from 'openid-client';
import {
  LOW_COST_HASHING_FOR_TESTS,
  MemoryStore,
  createProvider,
  generateCode,
  manualClock,
  type Provider,
  type ProviderOptions,
  type Store,
} from '../../src/index.js';
import { serveHandler, type RunningServer } from '../../src/node/index.js';
import { createProviderHandler, createSharedClock, type SharedClock } from '../../src/server/index.js';

/** The simulated time the tests start at: 2025-01-16 08:00:05 UTC, far from the real time. */
export const T0 = Date.UTC(2025, 0, 16, 8, 0, 5);
export const USER = 'kovacs.janos';
export const PASSWORD = 'Tölgyfa-Kilenc-42';
export const EMAIL = 'janos@example.hu';
export const TOKEN = 'oidc-test-control-token-0123456789';
export const REDIRECT = 'http://127.0.0.1:9/callback';

export interface OidcLab {
  url: string;
  issuer: string;
  provider: Provider;
  store: Store;
  clock: SharedClock;
  /** The base clock under the shared one: moving it moves the simulated time of this instance's process. */
  base: ReturnType<typeof manualClock>;
  server: RunningServer;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** A server on `store` (a fresh memory store by default) with the front on it. */
export async function startLab(
  options: { store?: Store; provider?: ProviderOptions; base?: ReturnType<typeof manualClock> } = {},
): Promise<OidcLab> {
  const store = options.store ?? new MemoryStore();
  const base = options.base ?? manualClock(T0);
  const clock = createSharedClock(store, base);
  await clock.refresh();
  const provider = createProvider({ store, clock, hashing: LOW_COST_HASHING_FOR_TESTS, ...options.provider });
  const handler = createProviderHandler(provider, { store, clock, controlToken: TOKEN });
  const server = await serveHandler(handler, { port: 0, oidc: { provider, store, clock } });
  const url = server.url.replace(/\/$/, '');
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  };
  return {
    url,
    issuer: url,
    provider,
    store,
    clock,
    base,
    server,
    control,
    close: async () => {
      await server.close();
      await (store as { close?: () => Promise<void> }).close?.();
    },
  };
}

/** Registers `username` with an active app second factor; returns the phone's code now. */
export async function enroll(lab: OidcLab, username = USER, password = PASSWORD): Promise<() => string> {
  const p = lab.provider;
  await lab.clock.refresh();
  const registered = await p.register({ username, password, email: EMAIL });
  if (!registered.ok) throw new Error(`register: ${registered.messageKey}`);
  const started = await p.startEnrollment({ username, password });
  if (!started.ok) throw new Error(`start: ${started.messageKey}`);
  const code = () => generateCode(started.secret, { clock: lab.clock });
  const confirmed = await p.confirmEnrollment({ enrollmentId: started.enrollmentId, code: code() });
  if (!confirmed.ok) throw new Error(`confirm: ${confirmed.messageKey}`);
  const finished = await p.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
  if (!finished.ok) throw new Error(`finish: ${finished.messageKey}`);
  // Past the activation delay and on to the next step, so the first code of the login is fresh.
  await lab.clock.advanceBy(Math.max(0, finished.activeFrom - lab.clock.now()) + 30_000);
  return code;
}

/** A relying party for `lab` (public with PKCE unless a secret is given), registered through the control API. */
export async function relyingParty(
  lab: OidcLab,
  clientId = 'test-app',
  secret?: string,
): Promise<client.Configuration> {
  const registered = await lab.control('POST', '/control/oidc/clients', {
    client_id: clientId,
    redirect_uris: [REDIRECT],
    post_logout_redirect_uris: ['http://127.0.0.1:9/'],
    ...(secret !== undefined && { client_secret: secret }),
  });
  if (registered.status !== 201 && registered.status !== 200) throw new Error(JSON.stringify(registered.body));
  return client.discovery(
    new URL(lab.issuer),
    clientId,
    secret,
    secret === undefined ? client.None() : client.ClientSecretBasic(secret),
    { execute: [client.allowInsecureRequests] },
  );
}

/** An authorization request with PKCE: the address, and what the relying party keeps for the callback. */
export async function authorization(config: client.Configuration, extra: Record<string, string> = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...extra,
  });
  return { url, verifier, state };
}

/** An answer as the user agent saw it. */
export type Seen = { status: number; url: string; html: string; location: string | null };

/** A browser stand-in: a cookie jar, redirects followed up to the relying party's callback. */
export class UserAgent {
  readonly cookies = new Map<string, string>();

  async get(url: string | URL): Promise<Seen> {
    return this.#follow(String(url), { method: 'GET' });
  }

  /** Posts the fields to `action` (relative to `from`) as an HTML form does. */
  async post(from: string, action: string, fields: Record<string, string>): Promise<Seen> {
    const body = new URLSearchParams(fields).toString();
    return this.#follow(new URL(action, from).href, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(from).origin },
    });
  }

  async #follow(url: string, init: RequestInit): Promise<Seen> {
    for (let hops = 0; hops < 10; hops++) {
      if (url.startsWith(REDIRECT)) return { status: 0, url, html: '', location: url };
      const headers = new Headers(init.headers);
      const jar = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (jar !== '') headers.set('Cookie', jar);
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        const name = pair!.slice(0, at);
        const value = pair!.slice(at + 1);
        if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        url = new URL(location, url).href;
        init = { method: 'GET' };
        continue;
      }
      return { status: response.status, url, html: await response.text(), location: null };
    }
    throw new Error('too many redirects');
  }
}

/** The action of the form whose action ends with `suffix`, from a page. */
export function formAction(page: Seen, suffix: string): string {
  const match = [...page.html.matchAll(/<form method="post" action="([^"]+)"/g)].find((m) => m[1]!.endsWith(suffix));
  if (!match) throw new Error(`no form ending in ${suffix} on ${page.url}:\n${page.html}`);
  return match[1]!.replaceAll('&amp;', '&');
}

/** Signs in through the pages: the password, then the code. Returns the last answer (the callback, when it worked). */
export async function signIn(
  agent: UserAgent,
  start: URL,
  code: () => string,
  { username = USER, password = PASSWORD } = {},
): Promise<Seen> {
  const page = await agent.get(start);
  const afterPassword = await agent.post(page.url, formAction(page, '/password'), { username, password });
  if (afterPassword.location !== null || !afterPassword.html.includes('name="code"')) return afterPassword;
  return agent.post(afterPassword.url, formAction(afterPassword, '/code'), { code: code() });
}

/** The text of every `role="alert"` line of a page. */
export function alerts(page: Seen): string[] {
  return [...page.html.matchAll(/<p role="alert">([^<]*)<\/p>/g)].map((m) => m[1]!);
}
