/**
 * The user's inbox: the mail the page's simulated service sent (the e-mail codes), newest first,
 * each shown once the simulated clock reaches the time it arrives. Hidden until the first mail.
 */
import { h } from 'preact';
import type { MailMessage } from '../../index.js';
import type { DemoApp } from './app.js';
import { clockText } from './ui.js';

/** The inbox of the page's own service. */
export function InboxPanel({ app, typeCode }: { app: DemoApp; typeCode: (code: string) => void }) {
  return h(Inbox, { app, mail: app.mail, typeCode });
}

/** An inbox of `mail`, shown as it arrives on the simulated clock. */
export function Inbox({
  app,
  mail,
  typeCode,
}: {
  app: DemoApp;
  mail: readonly MailMessage[];
  typeCode: (code: string) => void;
}) {
  const t = app.t;
  const now = app.clock.now();
  const arrived = mail.filter((m) => m.sentAt <= now);
  return h(
    'section',
    { class: 'panel inbox', 'aria-labelledby': 'inbox-title', hidden: mail.length === 0 },
    h('h2', { id: 'inbox-title' }, t('inbox')),
    h('p', { class: 'hint', hidden: arrived.length === mail.length }, t('inboxWaiting')),
    h('ul', { class: 'mails' }, arrived.map((m, i) => h(Mail, { app, mail: m, typeCode, key: i })).reverse()),
  );
}

function Mail({ app, mail: m, typeCode }: { app: DemoApp; mail: MailMessage; typeCode: (code: string) => void }) {
  const code = /\b\d{6}\b/.exec(m.text)?.[0];
  return h(
    'li',
    { class: 'mail' },
    h('p', { class: 'mail-head' }, h('strong', null, m.subject), ` · ${clockText(m.sentAt, app.lang)}`),
    h('p', { class: 'mail-to' }, m.to),
    h('pre', { class: 'mail-text' }, m.text),
    code ? h('button', { type: 'button', onClick: () => typeCode(code) }, app.t('typeMailCode')) : null,
  );
}
