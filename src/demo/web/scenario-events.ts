/** One line of a scenario's log: a step, the time, a QR code, the site's answer, a mail, a check. */
import { h } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { drawQr } from '../../browser/index.js';
import type { ScenarioEvent } from '../../sim/scenarios/index.js';
import type { DemoApp } from './app.js';
import { clockText, groupCode } from './ui.js';

export function ScenarioEventItem({ app, event: e }: { app: DemoApp; event: ScenarioEvent }) {
  const t = app.t;
  const tag = (text: string) => h('span', { class: 'tag' }, text);
  switch (e.type) {
    case 'scenario':
      return h('li', { class: 'ev scenario' }, h('h3', null, e.title), h('p', null, e.summary));
    case 'step':
      return h(
        'li',
        { class: 'ev step' },
        h('strong', null, `${e.index + 1}. ${e.say}`),
        h('span', { class: 'expect' }, ` → ${e.expect}`),
      );
    case 'time':
      return h(
        'li',
        { class: 'ev time' },
        tag(t('evTime')),
        ` ${clockText(e.now, app.lang)} (+${e.advancedMs / 1000} ${t('sec')}) ${e.note}`,
      );
    case 'qr':
      return h(QrEvent, { text: e.text, caption: e.caption, who: e.who });
    case 'site':
      return h('li', { class: `ev site ${e.ok ? 'ok' : 'bad'}` }, `${e.ok ? '✓' : '✗'} ${e.message}`);
    case 'deletion-code':
      return h(
        'li',
        { class: 'ev deletion' },
        `${t('deletionCode')}: `,
        h(Masked, { app, value: e.code, mask: '•••• •••• •••• •••• ••••' }),
      );
    case 'mail': {
      // The inbox line, its code masked like the törlőkód until revealed.
      const session = e.sessionNumber === null ? '' : ` (${e.sessionNumber})`;
      return h(
        'li',
        { class: 'ev mail' },
        `✉ ${e.subject}${session}: `,
        h(Masked, { app, value: e.code, mask: '••••••' }),
      );
    }
    case 'phone':
      return h(
        'li',
        { class: 'ev phone' },
        tag(t('phone')),
        ` ${e.phone} (${e.driftMs / 1000} ${t('sec')}): `,
        e.accounts.map((a) =>
          h(
            'span',
            { class: 'mini-code' },
            `${a.issuer ?? ''} ${a.account} ${a.code === null ? '—' : groupCode(a.code)}`,
          ),
        ),
      );
    case 'user':
      return h('li', { class: 'ev user' }, tag(t('evUser')), ` ${e.text}`);
    case 'note':
      return h('li', { class: 'ev note' }, tag(t('evNote')), ` ${e.text}`);
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

/** A QR step: its own small box (the site's 200 px QR style would spill over the log's border). */
function QrEvent({ text, caption, who }: { text: string; caption: string; who: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => void (canvas.current && drawQr(canvas.current, text, 2)), [text]);
  return h(
    'li',
    { class: 'ev qr-step' },
    h('span', { class: 'caption' }, `${who}: ${caption}`),
    h('canvas', { class: 'log-qr', role: 'img', 'aria-label': caption, ref: canvas }),
  );
}

/** A secret shown as dots until Megjelenítés. */
function Masked({ app, value, mask }: { app: DemoApp; value: string; mask: string }) {
  const [shown, setShown] = useState(false);
  return [
    h('code', null, shown ? value : mask),
    shown ? null : ' ',
    shown ? null : h('button', { type: 'button', onClick: () => setShown(true) }, app.t('show')),
  ];
}
