// A small relying party: a web app that signs people in through an OpenID Connect provider with
// openid-client (authorization code flow with PKCE), here the simulated Ügyfélkapu+ of
// `totp-lab serve --api --oidc`. Plain node:http, no framework, nothing stored on disk.
//
//   OIDC_ISSUER    the provider's issuer (default http://127.0.0.1:6238)
//   OIDC_CLIENT_ID the client_id registered there (default oidc-app)
//   OIDC_CLIENT_SECRET  only for a confidential client (kept out of the command line this way)
//   PORT, HOST     where this app listens (default 3000 on 127.0.0.1; PORT=0 picks a free port)
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import * as oidc from 'openid-client';

const issuer = new URL(process.env.OIDC_ISSUER ?? 'http://127.0.0.1:6238');
const clientId = process.env.OIDC_CLIENT_ID ?? 'oidc-app';
const secret = process.env.OIDC_CLIENT_SECRET || undefined;
const host = process.env.HOST ?? '127.0.0.1';

// A local simulator speaks plain http; openid-client insists on https unless told otherwise.
const config = await oidc.discovery(
  issuer,
  clientId,
  secret,
  secret === undefined ? oidc.None() : oidc.ClientSecretBasic(secret),
  issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
);

const TEXTS = {
  hu: {
    title: 'Mintaalkalmazás',
    signIn: 'Bejelentkezés Ügyfélkapu+-szal',
    other: 'Sign in (English)',
    signedIn: 'Bejelentkezve',
    signOut: 'Kijelentkezés',
    failed: 'A bejelentkezés nem sikerült',
  },
  en: {
    title: 'Example app',
    signIn: 'Sign in with Ügyfélkapu+',
    other: 'Bejelentkezés (magyarul)',
    signedIn: 'Signed in',
    signOut: 'Sign out',
    failed: 'Sign-in failed',
  },
};

/** Sessions by a random cookie value: the PKCE verifier and state while signing in, then the claims. */
const sessions = new Map();
const COOKIE = 'oidc_app_session';

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function sessionOf(req, res) {
  const id = /(?:^|;\s*)oidc_app_session=([0-9a-f]{64})/.exec(req.headers.cookie ?? '')?.[1];
  if (id !== undefined && sessions.has(id)) return sessions.get(id);
  const fresh = randomBytes(32).toString('hex');
  const session = { lang: 'hu' };
  sessions.set(fresh, session);
  res.setHeader('Set-Cookie', `${COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Lax`);
  return session;
}

function page(res, status, lang, body) {
  const t = TEXTS[lang];
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'",
    'Cache-Control': 'no-store',
  });
  res.end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${t.title}</title></head>
<body><h1>${t.title}</h1>${body}</body></html>`);
}

function home(res, session) {
  const t = TEXTS[session.lang];
  if (session.claims === undefined) {
    const error = session.error === undefined ? '' : `<p role="alert">${t.failed}: ${escape(session.error)}</p>`;
    return page(
      res,
      200,
      session.lang,
      `${error}<p><a href="/login?lang=hu">${TEXTS.hu.signIn}</a></p>
<p><a href="/login?lang=en">${TEXTS.en.signIn}</a></p>`,
    );
  }
  const c = session.claims;
  const rows = ['sub', 'preferred_username', 'email', 'amr', 'acr', 'auth_time']
    .filter((name) => c[name] !== undefined)
    .map((name) => {
      const value = name === 'auth_time' ? new Date(c[name] * 1000).toISOString() : [c[name]].flat().join(' ');
      return `<tr><th>${name}</th><td id="claim-${name}">${escape(value)}</td></tr>`;
    });
  page(
    res,
    200,
    session.lang,
    `<p>${t.signedIn}: <strong id="user">${escape(c.preferred_username ?? c.sub)}</strong></p>
<table>${rows.join('')}</table><p><a href="/logout">${t.signOut}</a></p>`,
  );
}

async function login(req, res, session, url, base) {
  session.lang = url.searchParams.get('lang') === 'en' ? 'en' : 'hu';
  session.verifier = oidc.randomPKCECodeVerifier();
  session.state = oidc.randomState();
  delete session.error;
  const target = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${base}/callback`,
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(session.verifier),
    code_challenge_method: 'S256',
    state: session.state,
    ui_locales: session.lang,
  });
  res.writeHead(303, { Location: target.href }).end();
}

async function callback(res, session, url) {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: session.verifier,
      expectedState: session.state,
    });
    session.claims = tokens.claims();
    session.idToken = tokens.id_token;
  } catch (error) {
    // access_denied (Mégse/Cancel), an expired code: say which, never the stack.
    session.error = error?.error ?? error?.code ?? 'error';
  }
  delete session.verifier;
  delete session.state;
  res.writeHead(303, { Location: '/' }).end();
}

function logout(res, session, base) {
  const hint = session.idToken;
  delete session.claims;
  delete session.idToken;
  if (hint === undefined) return res.writeHead(303, { Location: '/' }).end();
  const target = oidc.buildEndSessionUrl(config, {
    id_token_hint: hint,
    post_logout_redirect_uri: `${base}/`,
    ui_locales: session.lang,
  });
  res.writeHead(303, { Location: target.href }).end();
}

const server = createServer((req, res) => {
  const base = `http://${host}:${server.address().port}`;
  const url = new URL(req.url ?? '/', base);
  const session = sessionOf(req, res);
  const done = (() => {
    if (url.pathname === '/') return home(res, session);
    if (url.pathname === '/login') return login(req, res, session, url, base);
    if (url.pathname === '/callback') return callback(res, session, url);
    if (url.pathname === '/logout') return logout(res, session, base);
    res.writeHead(404).end();
  })();
  Promise.resolve(done).catch(() => res.headersSent || res.writeHead(500).end());
});

server.listen(Number(process.env.PORT ?? 3000), host, () => {
  const base = `http://${host}:${server.address().port}`;
  console.log(`oidc-app: ${base}/`);
  console.log(`register it with redirect_uris ["${base}/callback"] and post_logout_redirect_uris ["${base}/"]`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
