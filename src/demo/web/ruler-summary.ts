/**
 * The ruler's summary in words: the server's step, each phone's step and clock error, the step of
 * the last typed code (said against the server's step now), and, after a refusal, why.
 */
import { h } from 'preact';
import type { DemoApp, TypedCode } from './app.js';
import { isFault, reasonText } from './reasons.js';
import type { RulerSteps } from './ruler.js';
import { clockText } from './ui.js';

/** −4, 0, +2. */
function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function RulerSummary({ app, server, steps }: { app: DemoApp; server: number; steps: RulerSteps }) {
  const t = app.t;
  const now = app.clock.now();
  const phones = Array.from({ length: app.phoneCount }, (_, i) => {
    const phone = app.phones[i]!;
    const time = phone.now();
    const delta = Math.floor(time / steps.periodMs) - server;
    return h(
      'li',
      { class: Math.abs(delta) <= steps.windowSteps ? 'ok' : 'bad' },
      `${t('phone')} ${'AB'[i]}: ${t('step')} ${signed(delta)} (${clockText(time, app.lang)}, ${phone.driftMs / 1000} ${t('sec')})`,
    );
  });
  return h(
    'ul',
    { class: 'ruler-summary' },
    h('li', null, `${t('server')}: ${t('step')} ${server} (${clockText(now, app.lang)})`),
    phones,
    app.typed ? h(TypedLines, { app, typed: app.typed, server }) : null,
  );
}

function TypedLines({ app, typed, server }: { app: DemoApp; typed: TypedCode; server: number }) {
  const t = app.t;
  const why = reasonText(typed.reason, app.lang);
  const verdict = typed.accepted ? t('accepted') : isFault(typed.reason) ? t('notJudged') : t('refused');
  let stepLine = null;
  // An e-mailed code has no step on the ruler; the why line below says what was wrong.
  if (typed.email) stepLine = null;
  else if (typed.step === null)
    stepLine = h(
      'li',
      { class: 'bad', 'data-testid': 'typed-step' },
      typed.accepted ? t('accepted') : t('typedUnknown'),
    );
  else {
    // Said against the server's step now, so the words follow the marker as time moves on.
    const now = typed.step - server;
    const then = typed.step - typed.serverStep;
    const when = now === then ? '' : ` (${t('whenTyped')} ${signed(then)})`;
    stepLine = h(
      'li',
      { class: typed.accepted ? 'ok' : isFault(typed.reason) ? 'fault' : 'bad', 'data-testid': 'typed-step' },
      `${t('typedAt')} ${t('step')} ${signed(now)}${when} — ${verdict}`,
    );
  }
  return [
    stepLine,
    !typed.accepted && why
      ? h('li', { class: 'why', 'data-testid': 'why-refused' }, `${t('whyRefused')} ${why}`)
      : null,
  ];
}
