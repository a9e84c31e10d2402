import { SCENARIOS, findScenario, startScenario } from '../../sim/scenarios/index.js';
import { isLanguage, type Language } from '../../sim/language.js';
import { parse, quoteArg } from '../args.js';
import { attemptForJson, followAttempts, formatAttempt } from '../../demo/terminal/explain.js';
import { eventForJson, formatEvent, zoneNote } from '../../demo/terminal/format.js';
import { createStyle, localeLanguage, wantsColor } from '../../demo/terminal/style.js';
import type { ScenarioEvent } from '../../sim/scenarios/types.js';
import { EXIT_NO, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from '../io.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'walk through Ügyfélkapu+ setup and what goes wrong, on a simulated clock',
  help: `Usage: totp-lab demo [options]

Plays the trainer scenarios: setup with a real QR code, the activation delay,
second phones, moving accounts, the törlőkód, clock drift, replay, lockout,
DÁP and outages. Time is simulated, so it finishes in seconds. Every step says
what must happen and is checked; the exit code is 0 only if all behaved.

On a terminal it goes one step at a time, like slides: Enter shows the next
step, q (or Ctrl+C) leaves. Piped or redirected output, --json and --all print
everything at once.

Options:
  --language <hu|en>    language (default: Hungarian if the locale is Hungarian)
                        (--lang is the older name, still accepted)
  --scenario <id>       play one scenario (see --list)
  --list                list the scenarios
  --step                one step per Enter (the default on a terminal)
  --all                 everything at once (the default when piped or with --json)
  --explain             after each refused step, why the service refused (its
                        hidden reason) and what to tell the participant
  --interactive         play it yourself: type codes, move time with time +30s
                        (the clock stands still until you move it)
  --state <file>        with --interactive: keep the service's state and audit
                        log in a file
  --smtp <url>          with --interactive: also send the service's mail to this
                        SMTP server (better: set TOTP_LAB_SMTP_URL;
                        TOTP_LAB_SMTP_CA=<file> trusts its own TLS certificate)
  --no-qr               leave out the QR pictures
  --no-color            no colours (NO_COLOR is respected too)
  --show-secrets        show the törlőkód in full (hidden by default)
  --json                one JSON event per line (secrets hidden unless --show-secrets)
  -h, --help            show this help`,
  async run(args: string[], io: CliIo) {
    const { values } = parse(
      'demo',
      args,
      {
        language: { type: 'string' },
        lang: { type: 'string' },
        scenario: { type: 'string' },
        list: { type: 'boolean' },
        interactive: { type: 'boolean' },
        explain: { type: 'boolean' },
        step: { type: 'boolean' },
        all: { type: 'boolean' },
        state: { type: 'string' },
        smtp: { type: 'string' },
        'no-qr': { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'show-secrets': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      { min: 0, max: 0 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const language = demoLanguage(values.language, values.lang, io.env);
    const color = wantsColor(values['no-color'] ? false : undefined, io.env, io.isTty);
    const style = createStyle(color);
    if (values.list) {
      for (const s of SCENARIOS) io.out(`${style.bold(s.id.padEnd(24))}${s.title[language]}`);
      return EXIT_OK;
    }
    const chosen = values.scenario === undefined ? SCENARIOS : [findScenario(values.scenario)];
    if (chosen[0] === undefined)
      throw new UsageError(`demo: unknown scenario ${quoteArg(values.scenario!)} (see 'totp-lab demo --list')`);
    if (values.state !== undefined && !values.interactive)
      throw new UsageError('demo: --state goes with --interactive');
    if (values.smtp !== undefined && !values.interactive) throw new UsageError('demo: --smtp goes with --interactive');
    if (values.step && (values.all || values.json))
      throw new UsageError('demo: --step goes with neither --all nor --json');
    const showSecrets = Boolean(values['show-secrets']);
    if (values.interactive) {
      const { runInteractive } = await import('../../demo/terminal/interactive.js');
      const { setUpMail } = await import('../mail-option.js');
      const mail = await setUpMail(values.smtp, io.env);
      for (const warning of mail.warnings) io.err(warning);
      const outcome = await runInteractive({
        // Without an SMTP server the demo's own inbox is all there is.
        ...(mail.mailer !== null && { mailer: mail.mailer }),
        io,
        language,
        style,
        stateFile: values.state,
        showSecrets,
        explain: Boolean(values.explain),
        qr: !values['no-qr'],
      }).finally(() => mail.close());
      return outcome === 'played' ? EXIT_OK : EXIT_USAGE;
    }
    const stepping = values.step ? true : values.all || values.json ? false : Boolean(io.isTty && io.inputIsTty);
    if (stepping && !io.lines) throw new UsageError('demo: --step needs standard input');
    const typed = stepping ? io.lines!()[Symbol.asyncIterator]() : undefined;
    /** Waits for Enter; false when the presenter leaves (q, or the end of input). */
    const nextPressed = async (): Promise<boolean> => {
      const hint = language === 'hu' ? '⏎ Enter: következő lépés · q: kilépés ' : '⏎ Enter: next step · q: quit ';
      if (io.prompt) io.prompt(style.yellow(hint));
      else io.out(hint);
      const line = await typed!.next();
      return !line.done && !/^\s*q(uit)?\s*$/i.test(line.value);
    };

    const { qrCamera, renderQr } = await import('../../qr/index.js');
    const drawQr =
      values['no-qr'] || values.json ? undefined : (text: string) => renderQr(text, { format: 'terminal', color });
    let failedStep: number | null = null;
    const show = (event: ScenarioEvent) => {
      if (event.type === 'result') failedStep = event.failedStep;
      if (values.json) io.out(JSON.stringify(eventForJson(event, showSecrets)));
      else for (const line of formatEvent(event, { language, style, showSecrets, drawQr })) io.out(line);
    };
    if (!values.json) io.out(zoneNote(language));
    const reports: { id: string; passed: boolean; failedStep: number | null }[] = [];
    let first = true;
    for (const scenario of chosen as typeof SCENARIOS) {
      const played = startScenario(scenario, { camera: qrCamera, language, onEvent: show });
      const explained = values.explain ? followAttempts(played.context.provider, language) : null;
      while (!played.done) {
        if (stepping && !first && !(await nextPressed())) return EXIT_OK;
        first = false;
        await played.next();
        for (const found of explained ? await explained() : []) {
          if (values.json) io.out(JSON.stringify(attemptForJson(found)));
          else for (const line of formatAttempt(found, language, style)) io.out(line);
        }
      }
      reports.push({ id: scenario.id, passed: played.passed, failedStep });
    }
    const passed = reports.filter((r) => r.passed).length;
    if (!values.json) {
      io.out('');
      const summary =
        language === 'hu'
          ? `${passed}/${reports.length} forgatókönyv viselkedett az elvárt módon.`
          : `${passed} of ${reports.length} scenarios behaved as expected.`;
      io.out(passed === reports.length ? style.green(style.bold(summary)) : style.red(style.bold(summary)));
      for (const r of reports.filter((x) => !x.passed))
        io.out(
          style.red(`  ✗ ${r.id} (${language === 'hu' ? `${r.failedStep! + 1}. lépés` : `step ${r.failedStep! + 1}`})`),
        );
    }
    return passed === reports.length ? EXIT_OK : EXIT_NO;
  },
};

/** --language, or its older name --lang, checked once; the locale's language when neither is given. */
function demoLanguage(
  language: string | undefined,
  alias: string | undefined,
  env: Record<string, string | undefined>,
): Language {
  for (const [flag, value] of [
    ['language', language],
    ['lang', alias],
  ] as const) {
    if (value !== undefined && !isLanguage(value))
      throw new UsageError(`demo: --${flag} must be hu or en, got ${quoteArg(value)}`);
  }
  if (language !== undefined && alias !== undefined && language !== alias) {
    throw new UsageError(
      `demo: --language and its older name --lang disagree: ${quoteArg(language)} and ${quoteArg(alias)}`,
    );
  }
  return (language ?? alias ?? localeLanguage(env)) as Language;
}
