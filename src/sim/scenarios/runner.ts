/**
 * Runs scenarios: builds a fresh world for each (a manual clock, a provider with low-cost hashing,
 * phones made on demand), narrates every step and checks that what had to happen did.
 */
import { checkTime, manualClock } from '../../core/clock.js';
import { checkOptions, checkRandomSource } from '../../core/input.js';
import { InvalidArgumentError, describeValue } from '../../core/errors.js';
import { LOW_COST_HASHING_FOR_TESTS } from '../../core/password-hash.js';
import { cryptoRandom } from '../../core/random.js';
import { createAuthenticator, type Authenticator } from '../authenticator.js';
import { DEFAULT_LANGUAGE, checkLanguage, type Language } from '../language.js';
import { createProvider } from '../provider.js';
import type { Scenario, ScenarioContext, ScenarioEvent, RunOptions, Localized } from './types.js';

/** 2025-01-16 08:00 UTC: from this day the old one-factor login only served to request Ügyfélkapu+. */
export const DEFAULT_START_TIME = Date.UTC(2025, 0, 16, 8, 0, 0);

/** The outcome of one scenario. */
export interface ScenarioReport {
  id: string;
  passed: boolean;
  /** Index of the first step whose check failed, or null. */
  failedStep: number | null;
  events: ScenarioEvent[];
}

/** A scenario being played step by step (the browser demo's "next step"). */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly context: ScenarioContext;
  /** Index of the next step to play; equals steps.length when done. */
  readonly position: number;
  readonly done: boolean;
  readonly passed: boolean;
  /** Plays the next step and returns its events; an empty array when the scenario is over. */
  next(): Promise<ScenarioEvent[]>;
}

/** Starts a scenario without playing any step. */
export function startScenario(scenario: Scenario, options: RunOptions): ScenarioRun {
  checkScenario(scenario);
  options = checkOptions(options);
  if (typeof options.camera?.render !== 'function' || typeof options.camera.scan !== 'function') {
    throw new InvalidArgumentError(
      `"camera" must be a QrCamera (render and scan), got ${describeValue(options?.camera)}`,
    );
  }
  const lang = runLanguage(options);
  const clock = manualClock(options.startTime ?? DEFAULT_START_TIME);
  const random = options.random === undefined ? cryptoRandom : checkRandomSource(options.random);
  if (options.startTime !== undefined) checkTime(options.startTime, 'startTime');
  if (options.createProvider !== undefined && typeof options.createProvider !== 'function') {
    throw new InvalidArgumentError(`"createProvider" must be a function, got ${describeValue(options.createProvider)}`);
  }
  if (options.onEvent !== undefined && typeof options.onEvent !== 'function') {
    throw new InvalidArgumentError(`"onEvent" must be a function, got ${describeValue(options.onEvent)}`);
  }
  const make = options.createProvider ?? createProvider;
  const provider = make({ hashing: LOW_COST_HASHING_FOR_TESTS, ...scenario.provider, clock, random, language: lang });
  const phones = new Map<string, Authenticator>();
  let sink: ScenarioEvent[] = [];
  const emit = (event: ScenarioEvent) => {
    sink.push(event);
    options.onEvent?.(event);
  };
  const t = (text: Localized) => text[lang];
  const context: ScenarioContext = {
    language: lang,
    lang,
    clock,
    random,
    camera: options.camera,
    provider,
    user: { username: 'kovacs.janos', password: 'Tavaszi-Szel-2025', email: 'kovacs.janos@example.hu' },
    memo: new Map(),
    t,
    emit,
    phone(name, phoneOptions = {}) {
      let phone = phones.get(name);
      if (!phone) {
        phone = createAuthenticator({
          clock,
          camera: options.camera,
          random,
          language: lang,
          ...(phoneOptions.driftMs !== undefined && { driftMs: phoneOptions.driftMs }),
          ...(phoneOptions.app !== undefined && { app: phoneOptions.app }),
        });
        phones.set(name, phone);
      }
      return phone;
    },
    wait(ms, note) {
      clock.advance(ms);
      emit({ type: 'time', now: clock.now(), advancedMs: ms, note: note ? t(note) : '' });
    },
  };

  let position = 0;
  let failedStep: number | null = null;
  const run: ScenarioRun = {
    scenario,
    context,
    get position() {
      return position;
    },
    get done() {
      return position >= scenario.steps.length;
    },
    get passed() {
      return failedStep === null;
    },
    async next() {
      sink = [];
      if (position >= scenario.steps.length) return [];
      const index = position++;
      if (index === 0)
        emit({ type: 'scenario', id: scenario.id, title: t(scenario.title), summary: t(scenario.summary) });
      const step = scenario.steps[index]!;
      emit({ type: 'step', index, say: t(step.say), expect: t(step.expect) });
      let passed = false;
      let detail: string | null = null;
      try {
        const outcome = await step.act(context);
        passed = typeof outcome === 'boolean' ? outcome : outcome.passed;
        if (typeof outcome === 'object' && outcome.detail !== undefined) detail = outcome.detail;
      } catch (error) {
        detail = error instanceof Error ? error.message : String(error);
      }
      emit({ type: 'check', passed, expect: t(step.expect), detail });
      if (!passed && failedStep === null) failedStep = index;
      if (position === scenario.steps.length)
        emit({ type: 'result', id: scenario.id, passed: failedStep === null, failedStep });
      return sink;
    },
  };
  return run;
}

/** Plays a whole scenario. Later steps still run after a failed check, so the story stays whole. */
export async function runScenario(scenario: Scenario, options: RunOptions): Promise<ScenarioReport> {
  const run = startScenario(scenario, options);
  const events: ScenarioEvent[] = [];
  while (!run.done) events.push(...(await run.next()));
  const result = events.at(-1);
  return {
    id: scenario.id,
    passed: run.passed,
    failedStep: result?.type === 'result' ? result.failedStep : null,
    events,
  };
}

/** A scenario is data the caller may build: check its shape before playing it. */
function checkScenario(scenario: unknown): asserts scenario is Scenario {
  const s = scenario as Partial<Scenario> | null;
  const localized = (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Localized).hu === 'string' &&
    typeof (v as Localized).en === 'string';
  if (
    typeof s !== 'object' ||
    s === null ||
    typeof s.id !== 'string' ||
    !localized(s.title) ||
    !localized(s.summary) ||
    !Array.isArray(s.steps)
  ) {
    throw new InvalidArgumentError(
      `"scenario" must be a Scenario (id, title, summary and steps), got ${describeValue(scenario)}`,
    );
  }
  if (s.steps.length > 1000)
    throw new InvalidArgumentError(`"scenario.steps" must hold at most 1000 steps, got ${s.steps.length}`);
  s.steps.forEach((step, i) => {
    if (
      typeof step !== 'object' ||
      step === null ||
      !localized(step.say) ||
      !localized(step.expect) ||
      typeof step.act !== 'function'
    ) {
      throw new InvalidArgumentError(
        `"scenario.steps[${i}]" must have say, expect and act(), got ${describeValue(step)}`,
      );
    }
  });
  if (s.provider !== undefined) checkOptions(s.provider, 'scenario.provider');
}

/** `language`, or its deprecated alias `lang`, checked once; DEFAULT_LANGUAGE when neither is given. */
function runLanguage(options: RunOptions): Language {
  const language = options.language === undefined ? undefined : checkLanguage(options.language);
  const alias = options.lang === undefined ? undefined : checkLanguage(options.lang, 'lang');
  if (language !== undefined && alias !== undefined && language !== alias) {
    throw new InvalidArgumentError(`"language" and its older name "lang" disagree: ${language} and ${alias}`);
  }
  return language ?? alias ?? DEFAULT_LANGUAGE;
}
