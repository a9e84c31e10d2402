/**
 * The time ruler: the steps (30 s by default) around the server's step, the window the service accepts
 * (RFC 6238 §5.2: ±1 step by default), the steps already used (the replay guard), where each
 * phone's clock is, and which step the last typed code belonged to. The picture that explains
 * drift and replay.
 */
import { DEFAULT_PERIOD, DEFAULT_WINDOW } from '../../index.js';
import { stepsOf, type DemoApp } from './app.js';
import { clockText, h } from './dom.js';
import { isFault, reasonText } from './reasons.js';

/** Steps shown either side of the server's step. */
const SPAN = 4;

/** Renders the ruler; `update()` redraws it for the current time. */
export function timeRuler(app: DemoApp): { el: HTMLElement; update(): void; refresh(): Promise<void> } {
  const t = app.t;
  const track = h('div', { class: 'ruler-track', 'aria-hidden': 'true' });
  const summary = h('ul', { class: 'ruler-summary' });
  const el = h(
    'section',
    { class: 'panel ruler', 'aria-labelledby': 'ruler-title' },
    h('h2', { id: 'ruler-title' }, t('ruler')),
    h('p', { class: 'hint' }, t('rulerHelp')),
    track,
    summary,
  );
  let lastStep = -1;
  // The library's defaults until the service has told its own (see refresh).
  let periodMs = DEFAULT_PERIOD * 1000;
  let windowSteps = DEFAULT_WINDOW;

  function update() {
    const now = app.clock.now();
    const server = Math.floor(now / periodMs);
    const first = server - SPAN;
    const count = 2 * SPAN + 1;
    const at = (ms: number) => Math.min(100, Math.max(0, ((ms / periodMs - first) / count) * 100));
    const cells = [];
    for (let i = 0; i < count; i++) {
      const step = first + i;
      const delta = step - server;
      const classes = [
        'cell',
        Math.abs(delta) <= windowSteps ? 'accepted' : '',
        step <= lastStep ? 'used' : '',
        delta === 0 ? 'current' : '',
      ].join(' ');
      cells.push(
        h(
          'div',
          { class: classes },
          h('span', { class: 'delta' }, delta > 0 ? `+${delta}` : String(delta)),
          h('span', { class: 'start' }, clockText(step * periodMs, app.lang)),
          step <= lastStep && Math.abs(delta) <= windowSteps ? h('span', { class: 'used-label' }, t('used')) : null,
        ),
      );
    }
    // Positions go through the CSSOM: the page's Content-Security-Policy forbids style attributes.
    const marker = (cls: string, left: number, label: string) => {
      const m = h('div', { class: `marker ${cls}` }, h('span', {}, label));
      m.style.left = `${left}%`;
      return m;
    };
    const markers = [marker('server', at(now), t('server'))];
    const lines = [h('li', {}, `${t('server')}: ${t('step')} ${server} (${clockText(now, app.lang)})`)];
    for (let i = 0; i < app.phoneCount; i++) {
      const phone = app.phones[i]!;
      const time = phone.now();
      const delta = Math.floor(time / periodMs) - server;
      const name = `${t('phone')} ${'AB'[i]}`;
      markers.push(marker(`phone phone-${i}`, at(time), 'AB'[i]!));
      lines.push(
        h(
          'li',
          { class: Math.abs(delta) <= windowSteps ? 'ok' : 'bad' },
          `${name}: ${t('step')} ${signed(delta)} (${clockText(time, app.lang)}, ${phone.driftMs / 1000} ${t('sec')})`,
        ),
      );
    }
    const typed = app.typed;
    if (typed) {
      const why = reasonText(typed.reason, app.lang);
      const verdict = typed.accepted ? t('accepted') : isFault(typed.reason) ? t('notJudged') : t('refused');
      if (typed.email) {
        // An e-mailed code has no step on the ruler; the why line below says what was wrong.
      } else if (typed.step === null)
        lines.push(
          h('li', { class: 'bad', 'data-testid': 'typed-step' }, typed.accepted ? t('accepted') : t('typedUnknown')),
        );
      else {
        // Said against the server's step now, so the words follow the marker as time moves on.
        const now = typed.step - server;
        const then = typed.step - typed.serverStep;
        const mark = `${typed.accepted ? '✓' : '✗'} ${t('typed')}`;
        const middle = (typed.step + 0.5) * periodMs;
        markers.push(marker(`typed ${typed.accepted ? 'ok' : 'bad'}`, at(middle), mark));
        const when = now === then ? '' : ` (${t('whenTyped')} ${signed(then)})`;
        lines.push(
          h(
            'li',
            { class: typed.accepted ? 'ok' : isFault(typed.reason) ? 'fault' : 'bad', 'data-testid': 'typed-step' },
            `${t('typedAt')} ${t('step')} ${signed(now)}${when} — ${verdict}`,
          ),
        );
      }
      if (!typed.accepted && why)
        lines.push(h('li', { class: 'why', 'data-testid': 'why-refused' }, `${t('whyRefused')} ${why}`));
    }
    track.replaceChildren(h('div', { class: 'cells' }, ...cells), ...markers);
    summary.replaceChildren(...lines);
  }

  return {
    el,
    update,
    async refresh() {
      const steps = await stepsOf(app, app.typed?.username ?? app.site.signedIn ?? app.site.username);
      lastStep = steps.lastStep;
      periodMs = steps.period * 1000;
      windowSteps = steps.window;
      update();
    },
  };
}

/** −4, 0, +2. */
function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
