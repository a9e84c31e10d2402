// What `totp-lab serve --api` builds: a store, the shared clock, the provider and its HTTP handler.
import { toBase32 } from '../core/base32.js';
import { randomBytes } from '../core/random.js';
import { renderQr } from '../qr/render.js';
import { createProviderHandler } from '../server/handler.js';
import { createSharedClock, type SharedClock } from '../server/shared-clock.js';
import { issueTrainerLink } from '../server/trainer-link.js';
import type { Language } from '../sim/language.js';
import { createProvider, type Provider } from '../sim/provider.js';
import { MemoryStore, type Store } from '../sim/store.js';
import { createStoreMailbox } from '../sim/store-mailbox.js';
import type { FetchHandler } from '../server/handler.js';
import { UsageError } from './io.js';
import { SMTP_URL_ENV, setUpMail, type MailSetup } from './mail-option.js';

/** The environment variable that gives the control API's token (kept out of shell history). */
export const CONTROL_TOKEN_ENV = 'TOTP_LAB_CONTROL_TOKEN';

export interface ApiSetup {
  handler: FetchHandler;
  /** What the handler runs on, for the OpenID Connect front (--oidc) to share. */
  provider: Provider;
  store: Store;
  clock: SharedClock;
  /** The control token, when the control API is on; `generated` when this process made it up. */
  control: { token: string; generated: boolean } | null;
  /** A one-time trainer link for the page (`#trainer=…`), when the control API is on. */
  trainerLink: string | null;
  /** Where the service's mail goes. */
  mail: MailSetup;
  /** How many accounts the seed file put in (0 without one). */
  seededAccounts: number;
  /** How many OpenID Connect clients it put in. */
  seededClients: number;
  close(): Promise<void>;
}

export interface ApiFlags {
  store: string | undefined;
  controlToken: string | undefined;
  noControl: boolean;
  corsOrigins: string[];
  hashIterations: number | undefined;
  language: Language;
  /** --profile: `ugyfelkapu` adds the real site's activation wait after Befejezés (default standard). */
  profile?: 'standard' | 'ugyfelkapu';
  env: Record<string, string | undefined>;
  /** --smtp: an smtp:// URL (TOTP_LAB_SMTP_URL when absent); mail stays in the store without either. */
  smtp?: string | undefined;
  /** --smtp-allow-insecure-auth: SMTP credentials may go without TLS. */
  smtpAllowInsecureAuth?: boolean;
  /** --session-lifetime, in ms. */
  sessionLifetimeMs?: number;
  /** --seed: a seed file of accounts to put in at start-up. */
  seed?: string | undefined;
  /** --mail-delay, in ms: written to the store at start-up (absent: the store's delay stays). */
  mailDelayMs?: number;
}

export async function setUpApi(flags: ApiFlags): Promise<ApiSetup> {
  // The seed file is checked whole before the store is opened: a bad one changes nothing.
  if (flags.seed === '') throw new UsageError('--seed must be the path of a seed file, got ""');
  // The delay belongs to the mailbox in the store; mail sent to SMTP leaves at once.
  if (flags.mailDelayMs !== undefined && (flags.smtp ?? flags.env[SMTP_URL_ENV] ?? '') !== '')
    throw new UsageError('--mail-delay applies to the mail kept in the store, not to mail sent by SMTP');
  const seed = flags.seed === undefined ? null : await (await import('../node/seed-file.js')).readSeedFile(flags.seed);
  let store: Store & { close?(): Promise<void> } = new MemoryStore();
  if (flags.store !== undefined) {
    if (flags.store === '') throw new UsageError('--store must be a file path, sqlite: URL or postgres:// URL, got ""');
    const { openStore } = await import('../node/open-store.js');
    store = await openStore(flags.store);
  }
  const mail = await setUpMail(flags.smtp, flags.env, { allowInsecureAuth: flags.smtpAllowInsecureAuth === true });
  const clock = createSharedClock(store);
  await clock.refresh();
  const storeMailbox = mail.mailer === null ? createStoreMailbox(store, { clock }) : null;
  if (storeMailbox !== null && flags.mailDelayMs !== undefined) await storeMailbox.setDelayMs(flags.mailDelayMs);
  const provider = createProvider({
    store,
    clock,
    language: flags.language,
    ...(flags.profile !== undefined && { profile: flags.profile }),
    // Without SMTP the mail is kept in the store, so every instance on it reads what any one sent.
    mailer: mail.mailer ?? storeMailbox!,
    ...(flags.hashIterations !== undefined && { hashing: { iterations: flags.hashIterations } }),
  });
  let control: ApiSetup['control'] = null;
  if (!flags.noControl) {
    const given = flags.controlToken ?? flags.env[CONTROL_TOKEN_ENV];
    control =
      given !== undefined && given !== ''
        ? { token: given, generated: false }
        : { token: toBase32(randomBytes(20)).toLowerCase(), generated: true };
  }
  const handler = createProviderHandler(provider, {
    store,
    clock,
    corsOrigins: flags.corsOrigins,
    ...(flags.sessionLifetimeMs !== undefined && { sessionLifetimeMs: flags.sessionLifetimeMs }),
    qr: (text) => ({ svg: renderQr(text, { format: 'svg' }), png: renderQr(text, { format: 'png' }) }),
    ...(control !== null && { controlToken: control.token }),
  });
  const seeded =
    seed === null ? null : await (await import('../node/seed-apply.js')).applySeed(seed, { provider, store });
  // Without SMTP the mail is in the store rather than in this process's memory: say so.
  const delay = (await storeMailbox?.delayMs()) ?? 0;
  const late = delay === 0 ? '' : `, arriving ${delay / 1000} s late on the service's clock`;
  const where =
    mail.mailer === null
      ? {
          ...mail,
          description: `Mail: kept in the store${late}; read it with GET /control/mailbox (set TOTP_LAB_SMTP_URL to send it to an SMTP server)`,
        }
      : mail;
  return {
    handler,
    provider,
    store,
    clock,
    control,
    trainerLink: control === null ? null : await issueTrainerLink(store),
    mail: where,
    seededAccounts: seeded?.accounts.length ?? 0,
    seededClients: seeded?.clients.length ?? 0,
    close: async () => {
      await mail.close();
      await store.close?.();
    },
  };
}
