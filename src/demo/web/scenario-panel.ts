/**
 * Plays the trainer scenarios step by step. Each run has its own simulated service, clock and
 * phones (see startScenario), so the events are shown here rather than on the site and phones.
 */
import { qrCamera } from '../../qr/index.js';
import { SCENARIOS, startScenario, type ScenarioEvent, type ScenarioRun } from '../../sim/scenarios/index.js';
import { drawQr } from '../../browser/index.js';
import type { DemoApp } from './app.js';
import { clockText, groupCode, h, uid } from './dom.js';

/** Renders the scenario picker, its buttons and the events so far. */
export function scenarioPanel(app: DemoApp): { el: HTMLElement } {
  const t = app.t;
  const pickId = uid('scenario');
  const pick = h(
    'select',
    { id: pickId, onchange: () => restart() },
    ...SCENARIOS.map((s) => h('option', { value: s.id }, s.title[app.lang])),
  );
  const log = h('ol', { class: 'events', 'aria-live': 'polite' });
  const state = h('p', { class: 'status', role: 'status' });
  let run: ScenarioRun | null = null;
  let busy = false;

  const nextButton = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      onclick: async () => {
        if (busy) return;
        busy = true;
        nextButton.disabled = true;
        try {
          run ??= startScenario(SCENARIOS.find((s) => s.id === pick.value) ?? SCENARIOS[0]!, {
            camera: qrCamera,
            lang: app.lang,
          });
          for (const event of await run.next()) log.append(render(event));
          log.lastElementChild?.scrollIntoView({ block: 'nearest' });
          state.textContent = run.done ? t('scenarioDone') : `${run.position} / ${run.scenario.steps.length}`;
        } finally {
          busy = false;
          nextButton.disabled = run?.done ?? false;
        }
      },
    },
    t('nextStep'),
  );
  const restart = () => {
    run = null;
    log.replaceChildren();
    state.textContent = '';
    nextButton.disabled = false;
  };

  function render(e: ScenarioEvent): HTMLElement {
    switch (e.type) {
      case 'scenario':
        return h('li', { class: 'ev scenario' }, h('h3', {}, e.title), h('p', {}, e.summary));
      case 'step':
        return h(
          'li',
          { class: 'ev step' },
          h('strong', {}, `${e.index + 1}. ${e.say}`),
          h('span', { class: 'expect' }, ` → ${e.expect}`),
        );
      case 'time':
        return h(
          'li',
          { class: 'ev time' },
          h('span', { class: 'tag' }, t('evTime')),
          ` ${clockText(e.now, app.lang)} (+${e.advancedMs / 1000} ${t('sec')}) ${e.note}`,
        );
      case 'qr': {
        // Its own small box: the site's 200 px QR style would spill over the log's border.
        const canvas = h('canvas', { class: 'log-qr', role: 'img', 'aria-label': e.caption });
        drawQr(canvas, e.text, 2);
        return h('li', { class: 'ev qr-step' }, h('span', { class: 'caption' }, `${e.who}: ${e.caption}`), canvas);
      }
      case 'site':
        return h('li', { class: `ev site ${e.ok ? 'ok' : 'bad'}` }, `${e.ok ? '✓' : '✗'} ${e.message}`);
      case 'deletion-code': {
        const value = h('code', {}, '•••• •••• •••• •••• ••••');
        const reveal = h(
          'button',
          { type: 'button', onclick: () => ((value.textContent = e.code), reveal.remove()) },
          t('show'),
        );
        return h('li', { class: 'ev deletion' }, `${t('deletionCode')}: `, value, ' ', reveal);
      }
      case 'mail': {
        // The inbox line, its code masked like the törlőkód until revealed.
        const value = h('code', {}, '••••••');
        const reveal = h(
          'button',
          { type: 'button', onclick: () => ((value.textContent = e.code), reveal.remove()) },
          t('show'),
        );
        const session = e.sessionNumber === null ? '' : ` (${e.sessionNumber})`;
        return h('li', { class: 'ev mail' }, `✉ ${e.subject}${session}: `, value, ' ', reveal);
      }
      case 'phone':
        return h(
          'li',
          { class: 'ev phone' },
          h('span', { class: 'tag' }, t('phone')),
          ` ${e.phone} (${e.driftMs / 1000} ${t('sec')}): `,
          ...e.accounts.map((a) =>
            h(
              'span',
              { class: 'mini-code' },
              `${a.issuer ?? ''} ${a.account} ${a.code === null ? '—' : groupCode(a.code)}`,
            ),
          ),
        );
      case 'user':
        return h('li', { class: 'ev user' }, h('span', { class: 'tag' }, t('evUser')), ` ${e.text}`);
      case 'note':
        return h('li', { class: 'ev note' }, h('span', { class: 'tag' }, t('evNote')), ` ${e.text}`);
      case 'check':
        return h(
          'li',
          { class: `ev verdict ${e.passed ? 'ok' : 'bad'}`, 'data-check': e.passed ? 'passed' : 'failed' },
          `${e.passed ? '✓' : '✗'} ${e.expect}`,
          e.detail ? h('span', { class: 'detail' }, ` (${e.detail})`) : null,
        );
      case 'result':
        return h(
          'li',
          { class: `ev result ${e.passed ? 'ok' : 'bad'}`, 'data-result': e.passed ? 'passed' : 'failed' },
          `${t('scenarioDone')} ${e.passed ? t('passed') : t('failed')}`,
        );
    }
  }

  const el = h(
    'section',
    { class: 'panel scenarios', 'aria-labelledby': 'scenarios-title' },
    h('h2', { id: 'scenarios-title' }, t('scenarios')),
    h('p', { class: 'hint' }, t('scenarioNote')),
    h(
      'div',
      { class: 'group' },
      h('label', { for: pickId }, `${t('scenario')}:`),
      pick,
      nextButton,
      h('button', { type: 'button', onclick: restart }, t('restart')),
    ),
    state,
    log,
  );
  return { el };
}
