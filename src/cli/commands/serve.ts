import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NULL_ORIGIN_REASON, ORIGIN_EXAMPLE, originProblem } from '../../server/cors-origins.js';
import { DEFAULT_LANGUAGE, isLanguage } from '../../sim/language.js';
import { parse, parseInteger, quoteArg } from '../args.js';
import { INSECURE_AUTH_FLAG, readMailDelay } from '../mail-option.js';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: "serve the browser demo page (and the simulated service's HTTP API) on this machine",
  help: `Usage: totp-lab serve [--port <n>] [--host <address>] [--state <store>]
                      [--api [--store <store>] [--seed <file>] [--oidc]]

Serves the browser demo (the simulated Ügyfélkapu+ site and phones side by
side) and prints its local address. Everything runs in the page; the server
only hands out its files, with a Content-Security-Policy that lets the page
load nothing from elsewhere and send nothing anywhere. Stop it with Ctrl+C.

With --state, the page also keeps its state (accounts, phones, clock) in
that file through this server, so a trainer's setup survives a browser reset
and a second window (the projector) opens the same state after a reload; the
page may then talk to this server, and only to it. A damaged state file stops
the server (exit 2); it is never reset.

With --api, the simulated Ügyfélkapu+ service answers on the same port: JSON
under /api/ (register, two-step login, enrollment, device change, törlőkód),
the control API under /control/ (clock, faults, unlock, audit log, reset;
bearer token) and the OpenAPI document at /openapi.json. Every instance on
one --store shares accounts, sessions, the simulated clock and the faults.
The page then runs in room mode: its site talks to this service, so every
browser in the room uses one service, and the trainer's one-time link
(printed; it works once, then the browser keeps a control cookie) adds the
clock and fault controls and the room view. Another link: POST
/control/trainer-link with the bearer token.
A store is a file path (JSON), a sqlite: URL or .db/.sqlite file (SQLite), or
a postgres:// URL (PostgreSQL; install the pg package).

With --seed, accounts from a JSON file are put in at start-up, each as POST
/control/accounts puts it (created, or replaced): {"accounts": [{"username":
…, "password": …, "secret": …, "factor": "app"}, …]}. The file is checked
whole first; a bad entry stops start-up (exit 2) with one line naming it.
Without --smtp the service's mail is kept in the store, so every instance on
it reads it (GET /control/mailbox/latest?to=…). --mail-delay 11m makes it
arrive 11 minutes late on the service's clock (the e-mail code that expires
on its way); the delay is kept in the store for every instance, and PUT
/control/mailbox/delay changes it while the service runs.

With --oidc (and --api), an OpenID Connect provider answers on the same port
(install the oidc-provider package): point your app at the printed discovery
address; register it with POST /control/oidc/clients or in the seed file's
"clients" list ({"client_id": …, "redirect_uris": […]}). People sign in
through the simulated Ügyfélkapu+ pages: the password, then the app or
e-mail code.

The server runs in this process with Node's default options. For a load
test, NODE_OPTIONS=--max-semi-space-size=64 (a larger young generation) lets
it answer more requests per second for more memory.

Options:
  --port <n>          TCP port (default 6238; 0 picks a free one)
  --host <address>    address to listen on (default 127.0.0.1: this machine
                      only; anything else exposes the demo to the network)
  --root <dir>        serve another directory (default: the built page)
  --state <store>     keep the page's state in this store (created if missing)
  --allow-host <name> also answer requests addressed to this host name
  --api               serve the simulated service's HTTP API too
  --store <store>     where the service keeps its state (default: memory)
  --seed <file>       put the accounts of this seed file in at start-up
  --control-token <t> the control API's bearer token (better: set
                      TOTP_LAB_CONTROL_TOKEN; default: a new one, printed)
  --no-control        switch the control API off
  --cors-origin <o>   a browser origin allowed to call the API (CORS), such as
                      https://trainer.example.hu (never null)
  --session-lifetime <hours>  the longest a session lives after its login,
                      used or not, on the simulated clock (default 12)
  --language <hu|en>  the language of the service's messages (default hu)
  --profile <p>       standard (default) or ugyfelkapu: the real site's 90 s
                      activation wait after Befejezés (use it for a room)
  --hash-iterations <n>  password hashing cost (default 600000; lower it
                      only for tests and demos)
  --smtp <url>        send the service's mail to this SMTP server (better:
                      set TOTP_LAB_SMTP_URL; default: kept in the store);
                      TOTP_LAB_SMTP_CA=<file> trusts its own TLS certificate
  --mail-delay <d>    mail arrives this much later on the service's clock:
                      90s, 10m, 1h (at most 24h; 0: at once; default: as
                      the store has it, at once for a new store)
  --smtp-allow-insecure-auth  send the SMTP user name and password even
                      when the server offers no STARTTLS (a local mail catcher
                      only; or TOTP_LAB_SMTP_ALLOW_INSECURE_AUTH=1)
  --oidc              serve an OpenID Connect provider too (docs/oidc.md)
  --oidc-issuer <url> its issuer (default: this server's address), when apps
                      reach it at another (allow that host with --allow-host)
  --oidc-acr <value>  the acr claim of a sign-in (default
                      urn:totp-lab:ugyfelkapu-plus)
  -h, --help          show this help

Example:
  totp-lab serve --port 8080
  totp-lab serve --state training.json
  totp-lab serve --api --store sqlite:lab.db --port 8080
  totp-lab serve --api --port 0 --seed accounts.json
  totp-lab serve --api --profile ugyfelkapu --mail-delay 11m
  totp-lab serve --api --oidc --store sqlite:lab.db --seed lab.json`,
  async run(args: string[], io: CliIo) {
    const { values } = parse(
      'serve',
      args,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        root: { type: 'string' },
        state: { type: 'string' },
        'allow-host': { type: 'string' },
        api: { type: 'boolean' },
        store: { type: 'string' },
        seed: { type: 'string' },
        'control-token': { type: 'string' },
        'no-control': { type: 'boolean' },
        'cors-origin': { type: 'string' },
        'session-lifetime': { type: 'string' },
        language: { type: 'string' },
        'hash-iterations': { type: 'string' },
        profile: { type: 'string' },
        smtp: { type: 'string' },
        'smtp-allow-insecure-auth': { type: 'boolean' },
        'mail-delay': { type: 'string' },
        oidc: { type: 'boolean' },
        'oidc-issuer': { type: 'string' },
        'oidc-acr': { type: 'string' },
      },
      { min: 0, max: 0 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const port = values.port === undefined ? undefined : parseInteger(values.port, 'port');
    if (port !== undefined && port > 65_535) throw new UsageError(`--port must be from 0 to 65535, got ${port}`);
    const host = values.host ?? '127.0.0.1';
    // The built CLI sits next to the built page: dist/cli.js and dist/web/.
    const root = values.root ?? fileURLToPath(new URL('./web/', import.meta.url));
    if (values.state === '')
      throw new UsageError('--state must be a file path, sqlite: URL or postgres:// URL, got ""');
    const apiOnly = [
      'store',
      'seed',
      'control-token',
      'no-control',
      'cors-origin',
      'language',
      'hash-iterations',
      'session-lifetime',
      'profile',
      'smtp',
      'smtp-allow-insecure-auth',
      'mail-delay',
      'oidc',
    ].filter((f) => values[f as 'store'] !== undefined);
    if (!values.api && apiOnly.length > 0) throw new UsageError(`--${apiOnly[0]} needs --api`);
    const oidcOnly = ['oidc-issuer', 'oidc-acr'].filter((f) => values[f as 'oidc-acr'] !== undefined);
    if (!values.oidc && oidcOnly.length > 0) throw new UsageError(`--${oidcOnly[0]} needs --oidc`);
    const language = values.language ?? DEFAULT_LANGUAGE;
    if (!isLanguage(language)) throw new UsageError(`--language must be hu or en, got ${JSON.stringify(language)}`);
    const profile = values.profile;
    if (profile !== undefined && profile !== 'standard' && profile !== 'ugyfelkapu')
      throw new UsageError(`--profile must be standard or ugyfelkapu, got ${JSON.stringify(profile)}`);
    const hashIterations =
      values['hash-iterations'] === undefined ? undefined : parseInteger(values['hash-iterations'], 'hash-iterations');
    const corsOrigin = values['cors-origin'];
    if (corsOrigin !== undefined) checkCorsOrigin(corsOrigin);
    const sessionHours = values['session-lifetime'];
    if (sessionHours !== undefined && (!/^[1-9]\d{0,2}$/.test(sessionHours) || Number(sessionHours) > 720))
      throw new UsageError(
        `--session-lifetime must be a whole number of hours from 1 to 720, got ${quoteArg(sessionHours)}`,
      );
    const mailDelayMs = values['mail-delay'] === undefined ? undefined : readMailDelay(values['mail-delay']);
    const { serveStatic } = await import('../../node/serve.js');
    const { issuerOf } = await import('../../node/oidc/mount.js');
    const { setUpApi } = await import('../serve-api.js');
    const api = values.api
      ? await setUpApi({
          store: values.store,
          controlToken: values['control-token'],
          noControl: values['no-control'] === true,
          corsOrigins: values['cors-origin'] === undefined ? [] : [values['cors-origin']],
          hashIterations,
          language,
          ...(profile !== undefined && { profile }),
          env: io.env,
          smtp: values.smtp,
          smtpAllowInsecureAuth: values['smtp-allow-insecure-auth'] === true,
          ...(mailDelayMs !== undefined && { mailDelayMs }),
          ...(sessionHours !== undefined && { sessionLifetimeMs: Number(sessionHours) * 3_600_000 }),
          seed: values.seed,
        })
      : undefined;
    const pageBuilt = existsSync(join(root, 'index.html'));
    const server = await serveStatic({
      root,
      host,
      ...(port !== undefined && { port }),
      ...(values.state !== undefined && { state: values.state }),
      ...(values['allow-host'] !== undefined && { allowedHosts: [values['allow-host']] }),
      ...(values['cors-origin'] !== undefined && { allowedOrigins: [values['cors-origin']] }),
      ...(api !== undefined && { api: api.handler }),
      ...(api !== undefined &&
        values.oidc && {
          oidc: {
            provider: api.provider,
            store: api.store,
            clock: api.clock,
            language,
            ...(values['oidc-issuer'] !== undefined && { issuer: values['oidc-issuer'] }),
            ...(values['oidc-acr'] !== undefined && { acr: values['oidc-acr'] }),
            ...(sessionHours !== undefined && { sessionLifetimeMs: Number(sessionHours) * 3_600_000 }),
          },
        }),
    });
    // Listening for the stop before anything is printed: whoever starts the server may stop it as
    // soon as it has read the address, and that must close it, not kill it.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    io.out(
      pageBuilt
        ? `totp-lab browser demo: ${server.url}`
        : `The demo page is not built (run npm run build); serving the API only.`,
    );
    if (api !== undefined) {
      io.out(`HTTP API: ${server.url}api/ (OpenAPI document: ${server.url}openapi.json)`);
      if (pageBuilt) io.out(`Room (participants): ${server.url}`);
      // The generated token is shown on this one line only. The trainer's page gets a one-time
      // link instead (in the fragment, which browsers never send): the page trades it for a control
      // cookie, so the address left in the browser's history opens nothing.
      if (api.control === null) io.out('Control API: off');
      else {
        const token = api.control.generated ? api.control.token : '<the token you gave>';
        io.out(`Control API: ${server.url}control/ (bearer token: ${token})`);
        if (pageBuilt) io.out(`Trainer (one-time link, keep to yourself): ${server.url}#trainer=${api.trainerLink}`);
      }
      if (values.oidc)
        io.out(`OpenID Connect: ${values['oidc-issuer'] ?? issuerOf(server.url)}/.well-known/openid-configuration`);
      io.out(api.mail.description);
      if (values.seed !== undefined) {
        const clients = api.seededClients > 0 ? ` and ${api.seededClients} OpenID Connect client(s)` : '';
        io.out(`Seeded ${api.seededAccounts} account(s)${clients} from ${values.seed}`);
      }
      for (const warning of api.mail.warnings) io.err(warning);
    }
    if (values.state !== undefined)
      io.out(`State kept in ${values.state.includes('://') ? 'the database' : resolve(values.state)}`);
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1')
      io.err('warning: listening beyond this machine; anyone who can reach it can use the demo');
    io.out('Press Ctrl+C to stop.');
    await stopped;
    await server.close();
    await api?.close();
    return EXIT_OK;
  },
};

/** A CORS origin from the command line: an origin, never null. */
function checkCorsOrigin(origin: string): void {
  const problem = originProblem(origin);
  if (problem === 'null')
    throw new UsageError(`--cors-origin must be an origin like ${ORIGIN_EXAMPLE}, not null: ${NULL_ORIGIN_REASON}`);
  if (problem === 'shape')
    throw new UsageError(
      `--cors-origin must be an origin like ${ORIGIN_EXAMPLE} (scheme, host and port only), got ${quoteArg(origin)}`,
    );
}
