// Secrets, törlőkód values and passwords never appear in errors, the audit log, or what the demo
// prints (terminal and --json) unless asked for with --show-secrets. Every scenario is run with a
// seeded random in both languages; every secret that exists in the run is collected from the
// provider's results, the QR codes shown and the phones' state, then every output is searched.
import { describe, expect, it } from 'vitest';
import { createProvider, decodeMigration, parseKeyUri, type Authenticator, type Provider } from '../../src/index.js';
import { qrCamera } from '../../src/qr/index.js';
import { SCENARIOS, startScenario, type ScenarioEvent } from '../../src/sim/scenarios/index.js';
import { seededRandom } from '../../src/testing/index.js';
import { eventForJson, formatEvent } from '../../src/demo/terminal/format.js';
import { createStyle } from '../../src/demo/terminal/style.js';
import { cli } from '../support/cli.js';

interface Run {
  events: ScenarioEvent[];
  provider: Provider;
  phones: Authenticator[];
  /** Every error message thrown by a provider call. */
  errors: string[];
  /** Secrets the provider handed out: TOTP keys and törlőkód values. */
  handedOut: { secrets: string[]; deletionCodes: string[] };
}

/** A provider whose every method result and error is recorded. */
function recordingProvider(run: Pick<Run, 'errors' | 'handedOut'>, made: (p: Provider) => void) {
  return (options: Parameters<typeof createProvider>[0]) => {
    const provider = createProvider(options);
    const recorded = new Proxy(provider, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          try {
            const result = (await (value as (...a: unknown[]) => unknown).apply(target, args)) as
              Record<string, unknown> | undefined;
            if (result && typeof result.secret === 'string') run.handedOut.secrets.push(result.secret);
            if (result && typeof result.deletionCode === 'string')
              run.handedOut.deletionCodes.push(result.deletionCode);
            return result;
          } catch (error) {
            run.errors.push(error instanceof Error ? error.message : String(error));
            throw error;
          }
        };
      },
    });
    made(recorded);
    return recorded;
  };
}

async function play(index: number, lang: 'hu' | 'en'): Promise<Run> {
  const scenario = SCENARIOS[index]!;
  const partial = {
    errors: [] as string[],
    handedOut: { secrets: [] as string[], deletionCodes: [] as string[] },
    phones: [] as Authenticator[],
  };
  let provider: Provider | undefined;
  const events: ScenarioEvent[] = [];
  const run = startScenario(scenario, {
    camera: qrCamera,
    lang,
    random: seededRandom(`${scenario.id}-${lang}`),
    onEvent: (e) => events.push(e),
    createProvider: recordingProvider(partial, (p) => (provider = p)),
  });
  const phone = run.context.phone.bind(run.context);
  (run.context as { phone: typeof phone }).phone = (name, options) => {
    const made = phone(name, options);
    if (!partial.phones.includes(made)) partial.phones.push(made);
    return made;
  };
  while (!run.done) await run.next();
  return { ...partial, events, provider: provider! };
}

/** The e-mailed codes of a run (from the inbox) and the addresses they went to. */
function mailSecretsOf(run: Run): { emailCodes: string[]; addresses: string[] } {
  const mails = run.provider.mailbox?.messages() ?? [];
  const emailCodes = mails.flatMap((m) => /(?<!\d)\d{6}(?!\d)/.exec(m.text)?.[0] ?? []);
  return { emailCodes, addresses: [...new Set(mails.map((m) => m.to))] };
}

/** A 6-digit code is looked for as a whole number, not inside a longer one (a timestamp). */
function expectNoCode(text: string, codes: string[], where: string) {
  for (const code of codes)
    expect(new RegExp(`(?<!\\d)${code}(?!\\d)`).test(text), `${where} shows an e-mail code`).toBe(false);
}

/** Every secret of a run, in each form it could be printed in. */
function secretsOf(run: Run, password: string): { keys: string[]; deletionCodes: string[]; passwords: string[] } {
  const keys = new Set(run.handedOut.secrets);
  for (const phone of run.phones) for (const account of phone.toJSON().accounts) keys.add(account.secret);
  for (const event of run.events) {
    if (event.type !== 'qr') continue;
    if (/^otpauth:/i.test(event.text)) keys.add(parseKeyUri(event.text).secret);
    if (/^otpauth-migration:/i.test(event.text))
      for (const a of decodeMigration(event.text).accounts) keys.add(a.secret);
  }
  const deletionCodes = new Set(run.handedOut.deletionCodes);
  for (const event of run.events) if (event.type === 'deletion-code') deletionCodes.add(event.code);
  const forms = (s: string) => [s, s.replace(/ /g, ''), s.replace(/(.{4})(?=.)/g, '$1 ')];
  return {
    keys: [...keys].flatMap((k) => [k, k.toLowerCase(), k.replace(/(.{4})(?=.)/g, '$1 ')]),
    deletionCodes: [...deletionCodes].flatMap(forms).filter((c) => c.length >= 8),
    passwords: [password],
  };
}

const style = createStyle(false);
const terminal = (events: ScenarioEvent[], lang: 'hu' | 'en', showSecrets: boolean) =>
  events.flatMap((e) => formatEvent(e, { language: lang, style, showSecrets, drawQr: undefined })).join('\n');
const json = (events: ScenarioEvent[], showSecrets: boolean) =>
  events.map((e) => JSON.stringify(eventForJson(e, showSecrets))).join('\n');

function expectAbsent(text: string, needles: string[], where: string) {
  for (const needle of needles) expect(text.includes(needle), `${where} shows ${needle.slice(0, 6)}…`).toBe(false);
}

describe.each(['hu', 'en'] as const)('every scenario in %s', (lang) => {
  it.each(SCENARIOS.map((s, i) => [s.id, i] as const))('%s: no secret in the outputs', async (_id, index) => {
    const run = await play(index, lang);
    const password = 'Tavaszi-Szel-2025';
    const { keys, deletionCodes, passwords } = secretsOf(run, password);
    const { emailCodes, addresses } = mailSecretsOf(run);
    expect(keys.length + deletionCodes.length + emailCodes.length, 'the run had secrets to look for').toBeGreaterThan(
      0,
    );
    const hidden = [...keys, ...deletionCodes, ...passwords, ...addresses];
    // The recording provider makes every method async: await the audit log, or the search sees "{}".
    const audit = JSON.stringify(await run.provider.auditLog());
    expect(audit).toContain('"type"');
    const details = run.events.flatMap((e) => (e.type === 'check' && e.detail ? [e.detail] : []));
    const outputs: [string, string][] = [
      [terminal(run.events, lang, false), 'the terminal'],
      [json(run.events, false), '--json'],
      [audit, 'the audit log'],
      [run.errors.join('\n'), 'an error'],
      [details.join('\n'), 'a check detail'],
    ];
    for (const [text, where] of outputs) {
      expectAbsent(text, hidden, where);
      expectNoCode(text, emailCodes, where);
    }
    // --show-secrets shows the törlőkód, but still no key or password on the terminal.
    expectAbsent(terminal(run.events, lang, true), [...keys, ...passwords], 'the terminal with --show-secrets');
    // The search can fail: what --show-secrets reveals is found.
    const shown = run.events.find((e) => e.type === 'deletion-code');
    if (shown?.type === 'deletion-code') expect(terminal(run.events, lang, true)).toContain(shown.code);
    const mail = run.events.find((e) => e.type === 'mail');
    if (mail?.type === 'mail') expect(terminal(run.events, lang, true)).toContain(mail.code);
    if (run.events.some((e) => e.type === 'qr'))
      expect(keys.some((k) => json(run.events, true).includes(k))).toBe(true);
  });
});

describe('the demo command itself', () => {
  it('prints no key, migration payload, password or whole törlőkód without --show-secrets', async () => {
    for (const args of [
      ['demo', '--json', '--lang', 'en'],
      ['demo', '--no-qr', '--lang', 'hu', '--no-color'],
    ]) {
      const { code, stdout } = await cli(...args);
      expect(code).toBe(0);
      expect(stdout).not.toContain('Tavaszi-Szel-2025');
      expect(stdout).not.toMatch(/secret=(?!\(hidden\))/i);
      expect(stdout).not.toMatch(/data=(?!\(hidden\))/i);
      // A törlőkód shows its first group only: never two groups of digits in a row.
      expect(stdout).not.toMatch(/törlőkód\W+\d{4} \d{4}/);
      if (args.includes('--json')) {
        for (const line of stdout.split('\n')) {
          const event = JSON.parse(line) as ScenarioEvent;
          if (event.type === 'deletion-code') expect(event.code).toMatch(/^\d+( •+)+$/);
        }
      }
    }
  });

  it('shows the törlőkód and the QR payloads only with --show-secrets', async () => {
    const { stdout } = await cli('demo', '--json', '--show-secrets', '--scenario', 'happy-path');
    const events = stdout.split('\n').map((l) => JSON.parse(l) as ScenarioEvent);
    expect(events.some((e) => e.type === 'deletion-code' && /^\d{4}( \d{4})+$/.test(e.code))).toBe(true);
    expect(events.some((e) => e.type === 'qr' && /secret=[A-Z2-7]{16,}/.test(e.text))).toBe(true);
  });
});

describe('import and export print secrets because that is their job, and say so', () => {
  it.each(['import', 'export'])('%s --help warns that the output holds the secret keys', async (name) => {
    const { stdout } = await cli(name, '--help');
    expect(stdout).toMatch(/holds? the secret keys: treat it like a password/i);
  });
});
