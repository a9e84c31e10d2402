/**
 * The shape of a trainer scenario: data plus steps that drive the public API. Each step says what
 * happens and what must happen; the runner checks that it did. The terminal and the browser demo
 * render the same events.
 */
import type { ManualClock } from '../../core/clock.js';
import type { QrCamera } from '../../core/image.js';
import type { RandomSource } from '../../core/random.js';
import type { Authenticator } from '../authenticator.js';
import type { Language, Localized as LocalizedIn } from '../language.js';
import type { AuthenticatorAppId } from '../phone/apps.js';
import type { AccountView } from '../phone-types.js';
import type { Provider } from '../provider.js';
import type { ProviderOptions } from '../provider-options.js';

/** A text in both languages the simulator speaks (see language.ts). */
export type Localized = LocalizedIn;

/** What a scenario run shows, in order. Sensitive values are marked so renderers can hide them. */
export type ScenarioEvent =
  | { type: 'scenario'; id: string; title: string; summary: string }
  | { type: 'step'; index: number; say: string; expect: string }
  | { type: 'time'; now: number; advancedMs: number; note: string }
  /** The site shows a QR code (the key URI or a transfer payload); renderers draw `text`, never print it. */
  | { type: 'qr'; who: string; text: string; caption: string }
  /** What the site (or a phone app) answered. */
  | { type: 'site'; ok: boolean; message: string }
  /** The törlőkód as the site shows it once; renderers mask it unless asked to show secrets. */
  | { type: 'deletion-code'; code: string }
  /**
   * A mail arrived in the user's inbox (the e-mail second factor): its subject, the session number
   * it repeats, and the code, which renderers mask unless asked to show secrets. Never the address.
   */
  | { type: 'mail'; subject: string; sessionNumber: string | null; code: string }
  /** What a phone's screen shows now. */
  | { type: 'phone'; phone: string; driftMs: number; accounts: AccountView[] }
  /** What the person does (types a code, ticks a box, waits). */
  | { type: 'user'; text: string }
  /** An explanation for the audience. */
  | { type: 'note'; text: string }
  | { type: 'check'; passed: boolean; expect: string; detail: string | null }
  | { type: 'result'; id: string; passed: boolean; failedStep: number | null };

/** What a step's action may use. */
export interface ScenarioContext {
  readonly language: Language;
  /** @deprecated the same as {@link ScenarioContext.language}, kept for older scenarios. */
  readonly lang: Language;
  readonly clock: ManualClock;
  readonly random: RandomSource;
  readonly camera: QrCamera;
  readonly provider: Provider;
  /** The simulated person's credentials (the password is never shown). */
  readonly user: { readonly username: string; readonly password: string; readonly email: string };
  /** A phone by name, made on first use with an optional clock error and app (default: the faithful one). */
  phone(name: string, options?: { driftMs?: number; app?: AuthenticatorAppId }): Authenticator;
  /** Values the steps of one run share (the törlőkód the user wrote down, an enrollment id…). */
  readonly memo: Map<string, unknown>;
  /** Picks the text in the run's language. */
  t(text: Localized): string;
  emit(event: ScenarioEvent): void;
  /** Moves simulated time on and says so. */
  wait(ms: number, note?: Localized): void;
}

/**
 * A step's verdict: true/false, or with a detail that says what was seen instead.
 * Throwing also fails the step, with the error's message as the detail.
 */
export type StepOutcome = boolean | { passed: boolean; detail?: string };

export interface ScenarioStep {
  /** What happens, narrated. */
  say: Localized;
  /** What must happen; the runner checks the action's verdict against it. */
  expect: Localized;
  act(ctx: ScenarioContext): Promise<StepOutcome>;
}

export interface Scenario {
  /** A short name for `--scenario`, e.g. `replay`. */
  id: string;
  title: Localized;
  summary: Localized;
  /** Provider options this scenario needs on top of the defaults (the activation delay, say). */
  provider?: Omit<ProviderOptions, 'clock' | 'random' | 'store' | 'language'>;
  steps: readonly ScenarioStep[];
}

/** How to run scenarios. */
export interface RunOptions {
  /** The language of the run's texts, the provider and the phones (default hu, DEFAULT_LANGUAGE). */
  language?: Language;
  /** @deprecated use `language`; still accepted. When both are given they must agree. */
  lang?: Language;
  /** Draws and reads QR codes (from `totp-lab/qr`, or a test's own). */
  camera: QrCamera;
  /** Default: the platform CSPRNG. Tests pass a seeded one. */
  random?: RandomSource;
  /** Simulated start time (default 2025-01-16T08:00:00Z, the day Ügyfélkapu+ became mandatory). */
  startTime?: number;
  /** Makes the provider; tests pass a deliberately broken one to prove the checks are real. */
  createProvider?: (options: ProviderOptions) => Provider;
  /** Receives every event as it happens. */
  onEvent?: (event: ScenarioEvent) => void;
}
