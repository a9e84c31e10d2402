/**
 * The user's inbox: the mail the page's simulated service sent (the e-mail codes), newest first,
 * each shown once the simulated clock reaches the time it arrives. Hidden until the first mail.
 */
import type { DemoApp } from './app.js';
import { clockText, h } from './dom.js';

/** Renders the inbox; `update()` shows mail that has arrived since. */
export function inboxPanel(app: DemoApp, typeCode: (code: string) => void): { el: HTMLElement; update(): void } {
  const t = app.t;
  const list = h('ul', { class: 'mails' });
  const waiting = h('p', { class: 'hint', hidden: true }, t('inboxWaiting'));
  const el = h(
    'section',
    { class: 'panel inbox', 'aria-labelledby': 'inbox-title', hidden: true },
    h('h2', { id: 'inbox-title' }, t('inbox')),
    waiting,
    list,
  );
  let shown = '';

  function update() {
    const now = app.clock.now();
    const arrived = app.mail.filter((m) => m.sentAt <= now);
    el.hidden = app.mail.length === 0;
    waiting.hidden = arrived.length === app.mail.length;
    // Redrawn only when the mail changes, not every second.
    const signature = `${arrived.length}:${arrived.at(-1)?.sentAt ?? 0}`;
    if (signature === shown) return;
    shown = signature;
    list.replaceChildren(
      ...arrived
        .slice()
        .reverse()
        .map((m) => {
          const code = /\b\d{6}\b/.exec(m.text)?.[0];
          return h(
            'li',
            { class: 'mail' },
            h('p', { class: 'mail-head' }, h('strong', {}, m.subject), ` · ${clockText(m.sentAt, app.lang)}`),
            h('p', { class: 'mail-to' }, m.to),
            h('pre', { class: 'mail-text' }, m.text),
            code ? h('button', { type: 'button', onclick: () => typeCode(code) }, t('typeMailCode')) : null,
          );
        }),
    );
  }
  update();
  return { el, update };
}
