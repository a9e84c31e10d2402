/**
 * Plays the trainer scenarios step by step. Each run has its own simulated service, clock and
 * phones (see startScenario), so the events are shown here rather than on the site and phones.
 */
import { h } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { qrCamera } from '../../qr/index.js';
import { SCENARIOS, startScenario, type ScenarioEvent, type ScenarioRun } from '../../sim/scenarios/index.js';
import type { DemoApp } from './app.js';
import { ScenarioEventItem } from './scenario-events.js';
import { useUid } from './ui.js';

/** The scenario picker, its buttons and the events so far. */
export function ScenarioPanel({ app }: { app: DemoApp }) {
  const t = app.t;
  const pickId = useUid('scenario');
  const pick = useRef<HTMLSelectElement>(null);
  const log = useRef<HTMLOListElement>(null);
  const run = useRef<ScenarioRun | null>(null);
  const [events, setEvents] = useState<Array<{ event: ScenarioEvent; key: number }>>([]);
  const [state, setState] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useLayoutEffect(() => log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' }), [events.length]);
  const restart = () => {
    run.current = null;
    setEvents([]);
    setState('');
    setDone(false);
  };
  const next = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const scenario = SCENARIOS.find((s) => s.id === pick.current?.value) ?? SCENARIOS[0]!;
      const current = (run.current ??= startScenario(scenario, { camera: qrCamera, lang: app.lang }));
      const more = await current.next();
      setEvents((old) => [...old, ...more.map((event, i) => ({ event, key: old.length + i }))]);
      setState(current.done ? t('scenarioDone') : `${current.position} / ${current.scenario.steps.length}`);
      setDone(current.done);
    } finally {
      setBusy(false);
    }
  };
  return h(
    'section',
    { class: 'panel scenarios', 'aria-labelledby': 'scenarios-title' },
    h('h2', { id: 'scenarios-title' }, t('scenarios')),
    h('p', { class: 'hint' }, t('scenarioNote')),
    h(
      'div',
      { class: 'group' },
      h('label', { for: pickId }, `${t('scenario')}:`),
      h(
        'select',
        { id: pickId, ref: pick, onChange: restart },
        SCENARIOS.map((s) => h('option', { value: s.id }, s.title[app.lang])),
      ),
      h('button', { type: 'button', class: 'primary', disabled: busy || done, onClick: next }, t('nextStep')),
      h('button', { type: 'button', onClick: restart }, t('restart')),
    ),
    h('p', { class: 'status', role: 'status' }, state),
    h(
      'ol',
      { class: 'events', 'aria-live': 'polite', ref: log },
      events.map((e) => h(ScenarioEventItem, { app, event: e.event, key: e.key })),
    ),
  );
}
