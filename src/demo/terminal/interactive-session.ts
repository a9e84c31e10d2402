/**
 * What the commands of `demo --interactive` share: the service, the phones, the clock, where lines
 * go, and what the site's screen shows (a QR code during a setup, the code page after the password).
 */
import type { Authenticator, AuthenticatorAppId, ManualClock, MemoryMailbox, Provider, QrCamera } from '../../index.js';
import { LOGIN_TICKET_TTL_MS } from '../../server/index.js';
import type { ScenarioEvent } from '../../sim/scenarios/index.js';
import type { Language } from '../../index.js';
import { DEMO_USER, SAY, type PhoneId } from './interactive-texts.js';
import type { Style } from './style.js';

/** The site's screen: the setup being shown, and whether the login is on its code page. */
export interface SiteScreen {
  /** The key URI of the QR code on screen, or null. */
  uri: string | null;
  /** The setup (enrollment or device change) the QR code belongs to, or null. */
  enrollmentId: string | null;
  /** Until when the code page is on screen after the password page (ms; 0: the password page is). */
  codePageUntil: number;
}

export interface DemoSession {
  readonly provider: Provider;
  readonly inbox: MemoryMailbox;
  readonly clock: ManualClock;
  readonly camera: QrCamera;
  readonly language: Language;
  readonly style: Style;
  readonly showSecrets: boolean;
  readonly phones: Map<PhoneId, Authenticator>;
  readonly screen: SiteScreen;
  /** A phone with `app` in place of the one there (its clock error kept, its entries not). */
  installApp(id: PhoneId, app: AuthenticatorAppId): Authenticator;
  out(line: string): void;
  fail(text: string): void;
  done(text: string): void;
  /** Prints a scenario-style event (the site's answer, a phone's screen, a QR code…). */
  show(event: ScenarioEvent): void;
  /** The site's answer. */
  site(result: { ok: boolean; message: string }): void;
  /** The user's current password (it changes with `password`). */
  password(): string;
  setPassword(password: string): Promise<void>;
}

/**
 * The password page, unless it was passed in the last few minutes: true when the code page is on screen.
 * Shows the refusal, or the warning of a password about to expire.
 */
export async function passwordPage(s: DemoSession): Promise<boolean> {
  if (s.clock.now() < s.screen.codePageUntil) return true;
  const r = await s.provider.verifyPassword({ username: DEMO_USER.username, password: s.password() });
  if (!r.ok) return (s.site(r), false);
  if (r.passwordWarning !== undefined) s.site({ ok: true, message: r.passwordWarning.message });
  s.site({ ok: true, message: SAY[s.language].stepTwo });
  // The code page lasts as long as the service's login ticket: then it is the password page again.
  s.screen.codePageUntil = s.clock.now() + LOGIN_TICKET_TTL_MS;
  return true;
}
