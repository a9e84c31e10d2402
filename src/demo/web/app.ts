/**
 * The demo's state: the trainer clock, the simulated service (its Store in Web Storage), the
 * phones, what the site shows, and the last typed code, all saved after every change.
 */
import {
  LOW_COST_HASHING_FOR_TESTS,
  createAuthenticator,
  createProvider,
  type Authenticator,
  type FaultKind,
  type Language,
  type MailMessage,
  type Provider,
} from '../../index.js';
import { qrCamera } from '../../qr/index.js';
import { WebStorageStore, type KeyValueStorage } from '../../browser/index.js';
import type { RoomLink } from './room.js';
import { inPageLanguage, pageService, type SiteService } from './site-service.js';
import { textsFor, type TextKey } from './texts.js';
import { createTrainerClock, type TrainerClock } from './trainer-clock.js';

/** An enrollment or device change the site is showing. */
export interface SiteEnrollment {
  id: string;
  kind: 'enrollment' | 'device-change';
  /** The account being set up. */
  account: string;
  keyUri: string;
  secretText: string;
  showSecret: boolean;
  /** The törlőkód after the green tick; this is a simulator, so it is kept until Befejezés. */
  deletionCode: string | null;
}

/** A choice of e-mail as the second factor, waiting for the code from the mail. */
export interface SiteEmailSetup {
  setupId: string;
  account: string;
  sessionNumber: string;
}

/** What the site shows. */
export interface SiteState {
  username: string;
  signedIn: string | null;
  /** The signed-in account's second factor, as the settings page names it. */
  factor: 'app' | 'email';
  enrollment: SiteEnrollment | null;
  emailSetup: SiteEmailSetup | null;
  /** The session number of the last login code mailed, for the account it was mailed for. */
  emailSession: { username: string; sessionNumber: string } | null;
  /** The forced change of an expired password, for this account. */
  passwordChange: string | null;
}

/** Which step a typed code belonged to, worked out against the account's key (see {@link analyseTypedCode}). */
export interface TypedCode {
  username: string;
  /** The code's step, or null when it matches no step within ±TYPED_SEARCH_STEPS (typed-code.ts). */
  step: number | null;
  /** The server's step when it was typed. */
  serverStep: number;
  accepted: boolean;
  /** Why the service said no, from its audit log: a refusal reason, `fault`, or null. */
  reason?: string | null;
  /** An e-mailed code: it belongs to no step, so the ruler shows only why it was refused. */
  email?: boolean;
}

/** The phones' names on screen (Telefon A, Telefon B). */
export const PHONE_NAMES = ['A', 'B'] as const;

/** The demo's state and services. */
export interface DemoApp {
  lang: Language;
  t(key: TextKey): string;
  readonly clock: TrainerClock;
  /** The simulated service in the page (in room mode only the scenarios and local checks use it). */
  readonly provider: Provider;
  /** The service the site talks to: the page's provider, or the room's server. */
  readonly service: SiteService;
  /** The room, when the page runs against `totp-lab serve --api`. */
  readonly room: RoomLink | null;
  readonly store: WebStorageStore;
  readonly phones: Authenticator[];
  phoneCount: 1 | 2;
  faults: FaultKind[];
  /** The 90-second wait between Befejezés and a working code (the Ügyfélkapu+ profile); on by default. */
  activationDelay: boolean;
  /** The user's inbox: every mail the page's service sent, oldest first (in room mode: none). */
  readonly mail: MailMessage[];
  /** How long the service's mail takes to arrive, on the simulated clock (a trainer's "late e-mail"). */
  mailDelayMs: number;
  site: SiteState;
  typed: TypedCode | null;
  /** Saves everything to Web Storage. */
  save(): void;
}

interface SavedDemo {
  lang?: unknown;
  clock?: unknown;
  phones?: unknown;
  phoneCount?: unknown;
  faults?: unknown;
  activationDelay?: unknown;
  mail?: unknown;
  mailDelayMs?: unknown;
  site?: unknown;
  typed?: unknown;
}

/** Builds the demo's state from `storage` (or fresh, when there is nothing saved). */
export function loadDemo(
  storage: KeyValueStorage,
  prefix: string,
  language: Language | undefined,
  room: RoomLink | null = null,
): DemoApp {
  const stateKey = `${prefix}:demo`;
  const saved = readJson(storage.getItem(stateKey)) as SavedDemo;
  const lang: Language = saved.lang === 'en' || saved.lang === 'hu' ? saved.lang : (language ?? 'hu');
  const clock = createTrainerClock(saved.clock);
  const store = new WebStorageStore(storage, `${prefix}:provider`);
  const activationDelay = saved.activationDelay !== false;
  const mail = readMail(saved.mail);
  const provider = createProvider({
    // The inbox is kept with the page's state, so mail survives a reload; a message carries the
    // time it was sent on the simulated clock and shows once the clock reaches it (+ the delay).
    mailer: {
      async send(message) {
        mail.push({ ...message, sentAt: message.sentAt + app.mailDelayMs });
        if (mail.length > MAIL_KEPT) mail.splice(0, mail.length - MAIL_KEPT);
      },
    },
    clock,
    store,
    language: lang,
    profile: activationDelay ? 'ugyfelkapu' : 'standard',
    // A simulator in a page: cheap hashing keeps every click instant (never do this on a real service).
    hashing: LOW_COST_HASHING_FOR_TESTS,
    // A time-out fault moves the simulated clock on instead of freezing the page.
    wait: async (ms) => void clock.advance(ms),
  });
  const savedPhones = Array.isArray(saved.phones) ? saved.phones : [];
  const phones = PHONE_NAMES.map((_, i) => makePhone(clock, savedPhones[i], lang));
  const faults = (Array.isArray(saved.faults) ? saved.faults : []).filter(
    (k): k is FaultKind => k === 'maintenance' || k === 'outage' || k === 'timeout',
  );
  for (const kind of faults) provider.faults.start(kind);
  const app: DemoApp = {
    lang,
    t: (key) => textsFor(app.lang)[key],
    clock,
    provider,
    // A room's server speaks its own language; its answers are shown in the page's.
    service: room ? inPageLanguage(room.service, () => app.lang) : pageService(provider),
    room,
    store,
    phones,
    phoneCount: saved.phoneCount === 2 ? 2 : 1,
    faults,
    activationDelay,
    mail,
    mailDelayMs: typeof saved.mailDelayMs === 'number' && saved.mailDelayMs > 0 ? saved.mailDelayMs : 0,
    site: readSite(saved.site),
    typed: (saved.typed as TypedCode | null | undefined) ?? null,
    save() {
      const data = {
        lang: app.lang,
        clock: clock.toJSON(),
        phones: phones.map((p) => p.toJSON()),
        phoneCount: app.phoneCount,
        faults: app.faults,
        activationDelay: app.activationDelay,
        mail: app.mail,
        mailDelayMs: app.mailDelayMs,
        site: app.site,
        typed: app.typed,
      };
      storage.setItem(stateKey, JSON.stringify(data));
    },
  };
  return app;
}

/** Removes everything the demo saved under `prefix`. */
export function clearDemo(storage: KeyValueStorage, prefix: string): void {
  storage.removeItem(`${prefix}:demo`);
  storage.removeItem(`${prefix}:provider`);
}

function makePhone(clock: TrainerClock, state: unknown, language: Language): Authenticator {
  try {
    if (state !== undefined) return createAuthenticator({ clock, camera: qrCamera, state, language });
  } catch {
    // A saved phone this version cannot read starts empty rather than breaking the page.
  }
  return createAuthenticator({ clock, camera: qrCamera, language });
}

function readSite(value: unknown): SiteState {
  const s = (typeof value === 'object' && value !== null ? value : {}) as Partial<SiteState>;
  const object = <T>(v: T | null | undefined): T | null => (typeof v === 'object' && v !== null ? v : null);
  return {
    username: typeof s.username === 'string' ? s.username : 'kovacs.janos',
    signedIn: typeof s.signedIn === 'string' ? s.signedIn : null,
    factor: s.factor === 'email' ? 'email' : 'app',
    enrollment: object(s.enrollment),
    emailSetup: object(s.emailSetup),
    emailSession: object(s.emailSession),
    passwordChange: typeof s.passwordChange === 'string' ? s.passwordChange : null,
  };
}

/** The mails kept in the page's inbox. */
export const MAIL_KEPT = 30;

function readMail(value: unknown): MailMessage[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (m): m is MailMessage =>
      typeof m === 'object' &&
      m !== null &&
      typeof m.to === 'string' &&
      typeof m.subject === 'string' &&
      typeof m.text === 'string' &&
      typeof m.sentAt === 'number',
  );
}

function readJson(text: string | null): unknown {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}
