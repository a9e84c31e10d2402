/**
 * createOidcProvider(): an OpenID Connect provider in front of the simulated Ügyfélkapu+, built on
 * oidc-provider (loaded on demand: install it beside totp-lab) with the project's Store as its
 * storage, its keys kept in that Store, and the sign-in done by the front's own pages through the
 * simulated service. The answer is a Node request handler for the front's paths; `serveHandler`
 * and `totp-lab serve --api --oidc` route those paths to it, the rest to the API.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type ProviderClass from 'oidc-provider';
import type { errors as OidcErrors } from 'oidc-provider';
import type { Clock } from '../../core/clock.js';
import { InvalidArgumentError, describeValue } from '../../core/errors.js';
import { checkList, checkOptions } from '../../core/input.js';
import { publicClient, readOidcClient, saveOidcClient } from '../../server/oidc-clients.js';
import type { SharedClock } from '../../server/shared-clock.js';
import { checkLanguage, type Language } from '../../sim/language.js';
import type { Provider as Service } from '../../sim/provider.js';
import type { Store, StoreValue } from '../../sim/store.js';
import { loadModule } from '../optional-driver.js';
import { frontConfiguration, LOGIN_PATH } from './configuration.js';
import { loadOidcKeys, OIDC_KEYS_KEY, offerKeys, readKeys, type OidcKeys } from './keys.js';
import { serveLogin } from './login-flow.js';
import { sendPage } from './page-io.js';
import { errorPage } from './pages.js';
import { storeAdapter, sweepExpired } from './store-adapter.js';
import { claimsOf } from './subjects.js';

/** The oidc-provider version this front is built and tested with. */
export const OIDC_PROVIDER_VERSION = '8.8.1';

/** The default `acr`: the simulated service's sign-in, password and second factor. */
export const DEFAULT_ACR = 'urn:totp-lab:ugyfelkapu-plus';

/** Options of {@link createOidcProvider}. */
export interface OidcProviderOptions {
  /** The simulated service (createProvider) whose sign-in the pages run. */
  provider: Service;
  /** The provider's Store: the front keeps its sessions, codes, grants, clients and keys there too. */
  store: Store;
  /** The provider's clock (a shared clock is refreshed on every request, as the API does). */
  clock: Clock | SharedClock;
  /** The issuer: the address relying parties are given, without a trailing slash (e.g. `http://127.0.0.1:6238`). */
  issuer: string;
  /** The `acr` claim of every sign-in (default {@link DEFAULT_ACR}). */
  acr?: string;
  /** The pages' language when the relying party names none in `ui_locales` (default: the provider's). */
  language?: Language;
  /** Clients to register at start (as `POST /control/oidc/clients` takes them). */
  clients?: readonly unknown[];
}

/** A running front. */
export interface OidcFront {
  readonly issuer: string;
  /** True for the paths the front answers: `/.well-known/openid-configuration` and `/oidc/…`. */
  handles(pathname: string): boolean;
  /** Answers a Node request for one of those paths. Never throws; an internal failure is a 500 page. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Registers (or replaces) a client, as `POST /control/oidc/clients` does; returns it without its secret. */
  registerClient(client: unknown): Promise<Record<string, unknown>>;
}

type OidcModule = { default: typeof ProviderClass; errors: typeof OidcErrors };

/** How often (real time) a front removes the Store entries whose simulated time has passed. */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Creates the front.
 * @throws {InvalidArgumentError} for a bad option or client
 * @throws {InvalidStateError} when the package oidc-provider is not installed
 * @example
 * const oidc = await createOidcProvider({ provider, store, clock, issuer: 'http://127.0.0.1:6238' });
 * await oidc.registerClient({ client_id: 'my-app', redirect_uris: ['http://127.0.0.1:3000/callback'] });
 * http.createServer((req, res) => (oidc.handles(new URL(req.url!, 'http://x').pathname) ? oidc.handle(req, res) : other(req, res)));
 */
export async function createOidcProvider(options: OidcProviderOptions): Promise<OidcFront> {
  const o = checkOptions(options);
  if (typeof o.provider?.verifySecondFactor !== 'function')
    throw new InvalidArgumentError(
      `"provider" must be a provider from createProvider, got ${describeValue(o.provider)}`,
    );
  if (typeof o.store?.update !== 'function')
    throw new InvalidArgumentError('"store" must be the Store the provider uses');
  if (typeof o.clock?.now !== 'function') throw new InvalidArgumentError('"clock" must be the clock the provider uses');
  const issuer = checkIssuer(o.issuer);
  const acr = o.acr ?? DEFAULT_ACR;
  if (typeof acr !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(acr))
    throw new InvalidArgumentError(`"acr" must be 1 to 200 printable ASCII characters, got ${describeValue(acr)}`);
  const language = checkLanguage(o.language ?? o.provider.language);
  const clients = checkList(o.clients ?? [], 'clients', 1000).map(readOidcClient);
  const { default: Provider, errors } = await loadModule<OidcModule>(
    'oidc-provider',
    OIDC_PROVIDER_VERSION,
    'the OpenID Connect front',
  );
  const { store, clock, provider: service } = o;
  const adapter = storeAdapter(store, clock, errors.InvalidGrant);
  const build = (keys: OidcKeys) => {
    const oidc = new Provider(
      issuer,
      frontConfiguration({ adapter, keys, acr, language, claimsOf: (sub) => claimsOf(store, sub) }),
    );
    // Koa would print a failed request's stack; the front answers it with a 500 page instead.
    oidc.app.on('error', () => {});
    return { oidc, keys, callback: oidc.callback() };
  };
  let current = build(await loadOidcKeys(store));
  for (const client of clients) await saveOidcClient(store, client);
  let lastSweep = 0;

  /** The instance for the keys now in the Store: put back after a reset, or rebuilt when another instance's are there. */
  async function instance() {
    const stored = readKeys(await store.get<StoreValue>(OIDC_KEYS_KEY)) ?? (await offerKeys(store, current.keys));
    if (stored.signing['kid'] !== current.keys.signing['kid'] || stored.cookies[0] !== current.keys.cookies[0])
      current = build(stored);
    return current;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if ('refresh' in clock) await clock.refresh(service.faults);
      const { oidc, callback } = await instance();
      if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = Date.now();
        sweepExpired(store, clock).catch(() => {});
      }
      const url = new URL(req.url ?? '/', 'http://front.invalid');
      const login = /^\/oidc\/login\/([A-Za-z0-9_-]{1,64})(?:\/([a-z-]{1,20}))?$/.exec(url.pathname);
      if (login !== null) {
        const deps = { oidc, errors, service, store, clock, acr, language };
        return await serveLogin(deps, req, res, login[1]!, login[2] ?? '', url.searchParams);
      }
      if (url.pathname.startsWith(LOGIN_PATH))
        return sendPage(res, 404, errorPage(language, 'invalid_request', undefined));
      await callback(req, res);
    } catch {
      // Never a stack trace: the failure (a store that is down, say) gets the generic error page.
      sendPage(res, 500, errorPage(language, 'server_error', undefined));
    }
  }

  return {
    issuer,
    handles: isOidcPath,
    handle,
    async registerClient(client) {
      const record = readOidcClient(client);
      await saveOidcClient(store, record);
      return publicClient(record);
    },
  };
}

/** True for the paths the front answers: discovery and everything under /oidc/. */
export function isOidcPath(pathname: string): boolean {
  return pathname === '/.well-known/openid-configuration' || pathname.startsWith('/oidc/');
}

/** An issuer: an http(s) URL with no query, fragment or trailing slash (OIDC Discovery §3). */
function checkIssuer(value: unknown): string {
  const bad = () =>
    new InvalidArgumentError(
      `"issuer" must be an http(s) URL without a query, fragment or trailing slash, got ${describeValue(value)}`,
    );
  if (typeof value !== 'string' || value.length > 500 || !URL.canParse(value)) throw bad();
  const url = new URL(value);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || value.endsWith('/'))
    throw bad();
  if (value.includes('#') || value.includes('?') || url.username || url.password) throw bad();
  return value;
}
