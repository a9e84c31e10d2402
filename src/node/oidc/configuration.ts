/**
 * oidc-provider's configuration for the front: the authorization code flow only (PKCE with S256,
 * required for public clients), discovery, JWKS, token, userinfo, revocation and RP-initiated
 * logout, every route under /oidc/ (discovery at the issuer's /.well-known/openid-configuration),
 * the login handed to the front's own pages, the Store as its storage and the pages in hu/en.
 */
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { SESSION_TTL_MS } from '../../server/sessions.js';
import type { Language } from '../../sim/language.js';
import { languageOf } from './page-texts.js';
import { errorPage, loggedOutPage, logoutPage, PAGE_HEADERS } from './pages.js';
import type { AdapterClass } from './store-adapter.js';
import type { OidcKeys } from './keys.js';
import type { AccountClaims } from './subjects.js';

/** Where the front's pages are: `/oidc/login/<interaction uid>`. */
export const LOGIN_PATH = '/oidc/login/';

/** The routes oidc-provider answers, all under /oidc/ so they never meet the API's or the page's. */
export const OIDC_ROUTES = {
  authorization: '/oidc/auth',
  token: '/oidc/token',
  jwks: '/oidc/jwks',
  userinfo: '/oidc/userinfo',
  end_session: '/oidc/session/end',
  revocation: '/oidc/token/revocation',
  introspection: '/oidc/token/introspection',
  registration: '/oidc/reg',
  pushed_authorization_request: '/oidc/par',
  code_verification: '/oidc/device',
  device_authorization: '/oidc/device/auth',
  backchannel_authentication: '/oidc/backchannel',
} as const;

/** Lifetimes in seconds (oidc-provider's unit). The session is as long as the site's. */
const TTL = {
  AccessToken: 10 * 60,
  AuthorizationCode: 60,
  IdToken: 60 * 60,
  Interaction: 60 * 60,
  Session: SESSION_TTL_MS / 1000,
  Grant: 14 * 24 * 60 * 60,
} as const;

export interface FrontConfigurationInput {
  adapter: AdapterClass;
  keys: OidcKeys;
  /** The `acr` of every sign-in (OIDC Core §2). */
  acr: string;
  /** The pages' language when the request names none (`ui_locales`). */
  language: Language;
  /** The claims of the account behind a `sub`, or null. */
  claimsOf(sub: string): Promise<AccountClaims | null>;
}

/** The configuration object for `new Provider(issuer, configuration)`. */
export function frontConfiguration(input: FrontConfigurationInput): Configuration {
  const pageLanguage = (ctx: KoaContextWithOIDC) => languageOf(ctx.oidc?.params?.['ui_locales'], input.language);
  const html = (ctx: KoaContextWithOIDC, body: string) => {
    ctx.set(PAGE_HEADERS as Record<string, string>);
    ctx.body = body;
  };
  return {
    adapter: input.adapter as unknown as Configuration['adapter'],
    jwks: { keys: [input.keys.signing] },
    cookies: {
      keys: input.keys.cookies,
      names: { session: 'totp_lab_oidc', interaction: 'totp_lab_oidc_interaction', resume: 'totp_lab_oidc_resume' },
      // Lax, not None: a None cookie needs Secure, which a loopback http server cannot set.
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    acrValues: [input.acr],
    scopes: ['openid', 'profile', 'email'],
    // acr, amr and auth_time with `openid`: in every ID token, not only when the claims parameter asks.
    claims: {
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      profile: ['preferred_username'],
      email: ['email'],
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
    },
    // The scope's claims in the ID token too, which most relying-party libraries read first.
    conformIdTokenClaims: false,
    // OIDC Core §3.1.2.1: redirect_uri is required, even with a single one registered.
    allowOmittingSingleRegisteredRedirectUri: false,
    pkce: { methods: ['S256'], required: (_ctx, client) => client.clientAuthMethod === 'none' },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => html(ctx, logoutPage(pageLanguage(ctx), form)),
        postLogoutSuccessSource: async (ctx) => html(ctx, loggedOutPage(pageLanguage(ctx))),
      },
    },
    routes: OIDC_ROUTES,
    interactions: { url: (_ctx, interaction) => `${LOGIN_PATH}${interaction.uid}` },
    discovery: { ui_locales_supported: ['hu', 'en'] },
    ttl: {
      AccessToken: TTL.AccessToken,
      AuthorizationCode: TTL.AuthorizationCode,
      IdToken: TTL.IdToken,
      Interaction: TTL.Interaction,
      Session: TTL.Session,
      Grant: TTL.Grant,
    },
    // A browser may call userinfo and token from the origins of the client's redirect URIs.
    clientBasedCORS: (_ctx, origin, client) =>
      (client.redirectUris ?? []).some((uri) => URL.canParse(uri) && new URL(uri).origin === origin),
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      html(ctx, errorPage(pageLanguage(ctx), String(out.error), out.error_description));
    },
    async findAccount(_ctx, sub) {
      const claims = await input.claimsOf(sub);
      return claims === null ? undefined : { accountId: sub, claims: () => claims };
    },
  };
}
