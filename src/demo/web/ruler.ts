/**
 * The time ruler: the steps (30 s by default) around the server's step, the window the service accepts
 * (RFC 6238 §5.2: ±1 step by default), the steps already used (the replay guard), where each
 * phone's clock is, and which step the last typed code belonged to. The picture that explains
 * drift and replay.
 */
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_PERIOD, DEFAULT_WINDOW } from '../../index.js';
import type { DemoApp } from './app.js';
import { RulerSummary } from './ruler-summary.js';
import { stepsOf } from './typed-code.js';
import { clockText } from './ui.js';

/** Steps shown either side of the server's step. */
const SPAN = 4;

/** What the ruler draws with: the service's period and window, and the account's last used step. */
export interface RulerSteps {
  periodMs: number;
  windowSteps: number;
  lastStep: number;
}

/** The ruler; `changes` counts the page's changes, after each of which the service is asked again. */
export function TimeRuler({ app, changes }: { app: DemoApp; changes: number }) {
  const t = app.t;
  // The library's defaults until the service has told its own.
  const [steps, setSteps] = useState<RulerSteps>({
    periodMs: DEFAULT_PERIOD * 1000,
    windowSteps: DEFAULT_WINDOW,
    lastStep: -1,
  });
  useEffect(() => {
    void stepsOf(app, app.typed?.username ?? app.site.signedIn ?? app.site.username).then((s) =>
      setSteps({ periodMs: s.period * 1000, windowSteps: s.window, lastStep: s.lastStep }),
    );
  }, [changes]);
  const now = app.clock.now();
  const server = Math.floor(now / steps.periodMs);
  const first = server - SPAN;
  const count = 2 * SPAN + 1;
  const at = (ms: number) => Math.min(100, Math.max(0, ((ms / steps.periodMs - first) / count) * 100));
  return h(
    'section',
    { class: 'panel ruler', 'aria-labelledby': 'ruler-title' },
    h('h2', { id: 'ruler-title' }, t('ruler')),
    h('p', { class: 'hint' }, t('rulerHelp')),
    h(
      'div',
      { class: 'ruler-track', 'aria-hidden': 'true' },
      h(
        'div',
        { class: 'cells' },
        Array.from({ length: count }, (_, i) => h(Cell, { app, steps, step: first + i, server })),
      ),
      h(Marker, { kind: 'server', left: at(now), label: t('server') }),
      Array.from({ length: app.phoneCount }, (_, i) =>
        h(Marker, { kind: `phone phone-${i}`, left: at(app.phones[i]!.now()), label: 'AB'[i]! }),
      ),
      h(TypedMarker, { app, at, periodMs: steps.periodMs }),
    ),
    h(RulerSummary, { app, server, steps }),
  );
}

function Cell({ app, steps, step, server }: { app: DemoApp; steps: RulerSteps; step: number; server: number }) {
  const delta = step - server;
  const accepted = Math.abs(delta) <= steps.windowSteps;
  const used = step <= steps.lastStep;
  const classes = ['cell', accepted ? 'accepted' : '', used ? 'used' : '', delta === 0 ? 'current' : ''].join(' ');
  return h(
    'div',
    { class: classes },
    h('span', { class: 'delta' }, delta > 0 ? `+${delta}` : String(delta)),
    h('span', { class: 'start' }, clockText(step * steps.periodMs, app.lang)),
    used && accepted ? h('span', { class: 'used-label' }, app.t('used')) : null,
  );
}

/** A marker over the track; its position goes through the CSSOM (the page's policy forbids style attributes). */
function Marker({ kind, left, label }: { kind: string; left: number; label: string }) {
  return h('div', { class: `marker ${kind}`, style: { left: `${left}%` } }, h('span', null, label));
}

/** The step of the last typed code, ✓ or ✗. */
function TypedMarker({ app, at, periodMs }: { app: DemoApp; at: (ms: number) => number; periodMs: number }) {
  const typed = app.typed;
  if (!typed || typed.email || typed.step === null) return null;
  const label = `${typed.accepted ? '✓' : '✗'} ${app.t('typed')}`;
  return h(Marker, { kind: `typed ${typed.accepted ? 'ok' : 'bad'}`, left: at((typed.step + 0.5) * periodMs), label });
}
