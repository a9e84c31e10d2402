import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProvider, MESSAGES_HU, type Provider, type ProviderOptions } from '../../src/index.js';
import { qrCamera } from '../../src/qr/index.js';
import { SCENARIOS, runScenario, startScenario } from '../../src/sim/scenarios/index.js';
import { describeShared, readShared } from '../support/shared.js';

const CONTEXT = 'context/ugyfelkapu-plus.md';

describe('every scenario behaves, in both languages, through real QR pixels', () => {
  for (const scenario of SCENARIOS) {
    for (const lang of ['hu', 'en'] as const) {
      it(`${scenario.id} (${lang})`, async () => {
        const report = await runScenario(scenario, { camera: qrCamera, lang });
        const failed = report.events.filter((e) => e.type === 'check' && !e.passed);
        expect(failed).toEqual([]);
        expect(report.passed).toBe(true);
        expect(report.events.filter((e) => e.type === 'check')).toHaveLength(scenario.steps.length);
      });
    }
  }

  it('has the nineteen scenarios with unique ids', () => {
    expect(SCENARIOS).toHaveLength(19);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(19);
  });

  it('plays step by step', async () => {
    const run = startScenario(SCENARIOS[0]!, { camera: qrCamera, lang: 'en' });
    expect(run.position).toBe(0);
    const first = await run.next();
    expect(first[0]).toMatchObject({ type: 'scenario', id: 'happy-path' });
    expect(run.position).toBe(1);
    while (!run.done) await run.next();
    expect(await run.next()).toEqual([]);
    expect(run.passed).toBe(true);
  });
});

/** Wraps the real provider and breaks one promise, to show the checks can fail. */
type Breakage = (real: Provider) => Partial<Provider>;
const broken =
  (breakage: Breakage) =>
  (options: ProviderOptions): Provider => {
    const real = createProvider(options);
    return Object.assign(
      Object.create(null),
      real,
      { faults: real.faults, language: real.language, issuer: real.issuer },
      breakage(real),
    ) as Provider;
  };
const ok = (username: string) => ({ ok: true as const, messageKey: 'login.ok' as const, message: 'ok', username });

const DOUBLES: Array<[string, Breakage, string[]]> = [
  [
    'accepts a replayed code',
    (real) => {
      let last = '';
      return {
        async login(input) {
          if (input.code === last) return ok(input.username);
          const r = await real.login(input);
          if (r.ok) last = input.code;
          return r;
        },
      };
    },
    ['replay'],
  ],
  [
    'ignores the activation delay',
    (real) => ({
      async login(input) {
        const r = await real.login(input);
        return !r.ok && (await real.accountStatus(input.username)).secondFactor === 'pending-activation'
          ? ok(input.username)
          : r;
      },
    }),
    ['activation-delay'],
  ],
  [
    'accepts any code with the right password',
    () => ({
      async login(input) {
        return ok(input.username);
      },
    }),
    ['second-phone-wrong', 'clock-drift', 'lockout', 'replay', 'activation-delay', 'service-down', 'phishing-email'],
  ],
  [
    'never locks an account',
    (real) => ({
      async accountStatus(username) {
        return { ...(await real.accountStatus(username)), locked: false };
      },
    }),
    ['lockout'],
  ],
  [
    'lets a törlőkód work twice',
    (real) => ({
      async redeemDeletionCode(input) {
        const r = await real.redeemDeletionCode(input);
        return r.ok ? r : { ok: true, messageKey: 'deletionCode.redeemed', message: 'ok', username: input.username };
      },
    }),
    ['lost-phone', 'deletion-code-not-saved'],
  ],
  [
    'ignores faults',
    (real) => ({
      faults: { ...real.faults, schedule() {}, start() {} },
    }),
    ['service-down'],
  ],
  [
    'refuses every login',
    (real) => ({
      async login() {
        return { ok: false, messageKey: 'login.refused', message: MESSAGES_HU['login.refused'] };
      },
    }),
    // The e-mail scenarios log in in two steps (verifyPassword, then verifySecondFactor), not with login.
    SCENARIOS.map((s) => s.id).filter((id) => !['transfer', 'email-code-late', 'lost-phone-email'].includes(id)),
  ],
];

/** The reason of the provider's latest audited refusal. */
const lastReason = (real: Provider): string | undefined => real.auditLog().at(-1)?.reason;
/** A provider that answers a second step refused for `reason` as accepted. */
const acceptsEmailCode =
  (reason: string): Breakage =>
  (real) => ({
    async verifySecondFactor(input) {
      const r = await real.verifySecondFactor(input);
      return !r.ok && lastReason(real) === reason ? ok(input.username) : r;
    },
  });

DOUBLES.push(
  ['accepts an expired e-mail code', acceptsEmailCode('email-code-expired'), ['email-code-late']],
  ['accepts a superseded e-mail code', acceptsEmailCode('email-code-superseded'), ['email-code-late']],
  ['accepts a used e-mail code', acceptsEmailCode('email-code-used'), ['lost-phone-email']],
  [
    'never locks an expired password',
    (real) => ({
      async login(input) {
        const r = await real.login(input);
        return !r.ok && lastReason(real) === 'password-expired-locked' ? ok(input.username) : r;
      },
      async accountStatus(username) {
        const status = await real.accountStatus(username);
        return status.password === 'expired-locked' ? { ...status, locked: false, password: 'expired' } : status;
      },
    }),
    ['password-expired-lock'],
  ],
  [
    'never requires the change of an expired password',
    (real) => ({
      async login(input) {
        const r = await real.login(input);
        return !r.ok && r.messageKey === 'password.expired' ? ok(input.username) : r;
      },
    }),
    ['password-expired-lock'],
  ],
  [
    'gives no warning before a password expires',
    (real) => ({
      async login(input) {
        const r = await real.login(input);
        return r.ok ? ok(r.username) : r;
      },
    }),
    ['password-expiry-warning'],
  ],
  [
    'delivers mail at once, however late it should be',
    (real) => {
      const mailbox = real.mailbox!;
      const prompt = Object.assign(Object.create(Object.getPrototypeOf(mailbox) as object) as typeof mailbox, {
        send: mailbox.send.bind(mailbox),
        messages: mailbox.messages.bind(mailbox),
        clear: mailbox.clear.bind(mailbox),
        delayMs: 0,
      });
      return { mailbox: prompt };
    },
    ['email-code-late'],
  ],
);

describe('a deliberately broken provider makes the matching scenarios fail', () => {
  it.each(DOUBLES)('a provider that %s', async (_name, breakage, expectedFailures) => {
    const failures: string[] = [];
    for (const scenario of SCENARIOS) {
      const report = await runScenario(scenario, { camera: qrCamera, lang: 'en', createProvider: broken(breakage) });
      if (!report.passed) failures.push(scenario.id);
    }
    for (const id of expectedFailures) expect(failures).toContain(id);
  });
});

/** Whitespace folded: lines in a document wrap anywhere. */
const fold = (text: string) => text.replace(/\s+/g, ' ');
/** The real site's texts the project relies on: the first column of docs/real-site-wording.md's tables. */
const siteTexts = readFileSync(fileURLToPath(new URL('../../docs/real-site-wording.md', import.meta.url)), 'utf8')
  .split('\n')
  .flatMap((line) => /^\| „([^”]+)” \|/.exec(line)?.[1] ?? []);

describe('the Hungarian texts', () => {
  const texts = SCENARIOS.flatMap((s) => [s.title, s.summary, ...s.steps.flatMap((step) => [step.say, step.expect])]);

  it('quote the real site exactly: every „…” phrase is one of the texts recorded from the site', () => {
    const quoted = texts.flatMap((t) => [...t.hu.matchAll(/„([^”]+)”/g)].map((m) => m[1]!));
    expect(quoted.length).toBeGreaterThan(10);
    for (const phrase of new Set(quoted)) {
      // A phrase may end in an ellipsis where the narration cuts a long message short.
      const cut = phrase.endsWith('…');
      const found = siteTexts.some((text) => (cut ? text.startsWith(phrase.slice(0, -1)) : text === phrase));
      expect(found, phrase).toBe(true);
    }
  });

  it('are translated, not copied, and use Hungarian letters', () => {
    for (const t of texts) expect(t.hu).not.toBe(t.en);
    expect(texts.filter((t) => /[áéíóöőúüű]/i.test(t.hu)).length).toBeGreaterThan(texts.length * 0.9);
  });

  it('the provider refuses logins and wrong codes with the messages users meet on the real site', () => {
    // The site's refusal is a sentence ending in a full stop; quoted in running text, the record leaves it out.
    expect(MESSAGES_HU['login.refused']).toMatch(/[^.]\.$/);
    expect(siteTexts).toContain(MESSAGES_HU['login.refused'].slice(0, -1));
    expect(siteTexts).toContain(MESSAGES_HU['code.wrong']);
  });
});

describeShared('the recorded wording against the description of the real service', [CONTEXT], () => {
  it('every text recorded from the site appears in the description, word for word', () => {
    const context = fold(readShared(CONTEXT));
    expect(siteTexts.length).toBeGreaterThan(15);
    for (const text of siteTexts) expect(context, text).toContain(text);
  });
});
