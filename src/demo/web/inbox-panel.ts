/**
 * The user's inbox: the mail the service sent (the e-mail codes), newest first, each shown once
 * the simulated clock reaches the time it arrives. Hidden until the first mail. In the page's own
 * mode the page's service keeps the mail; in a room, the participant's own inbox on the server.
 */
import { h } from 'preact';
import type { MailMessage } from '../../index.js';
import type { DemoApp } from './app.js';
import { clockText } from './ui.js';

/** The inbox of the page's own service, or of the participant in a room. */
export function InboxPanel({ app, typeCode }: { app: DemoApp; typeCode: (code: string) => void }) {
  const t = app.t;
  const mail = app.room ? (app.room.inbox ?? []) : app.mail;
  const arrived = mail.filter((m) => m.sentAt <= app.clock.now());
  return h(
    'section',
    { class: 'panel inbox', 'aria-labelledby': 'inbox-title', hidden: mail.length === 0 },
    h('h2', { id: 'inbox-title' }, t('inbox')),
    h('p', { class: 'hint', hidden: arrived.length === mail.length }, t('inboxWaiting')),
    h(MailList, { app, mail: arrived, typeCode }),
  );
}

/** Mails, newest first; with `typeCode`, each with a button that types its code on the site. */
export function MailList(props: { app: DemoApp; mail: readonly MailMessage[]; typeCode?: (code: string) => void }) {
  return h('ul', { class: 'mails' }, props.mail.map((m, i) => h(Mail, { ...props, mail: m, key: i })).reverse());
}

function Mail({ app, mail: m, typeCode }: { app: DemoApp; mail: MailMessage; typeCode?: (code: string) => void }) {
  const code = /\b\d{6}\b/.exec(m.text)?.[0];
  return h(
    'li',
    { class: 'mail' },
    h('p', { class: 'mail-head' }, h('strong', null, m.subject), ` · ${clockText(m.sentAt, app.lang)}`),
    h('p', { class: 'mail-to' }, m.to),
    h('pre', { class: 'mail-text' }, m.text),
    code && typeCode ? h('button', { type: 'button', onClick: () => typeCode(code) }, app.t('typeMailCode')) : null,
  );
}
