/**
 * The trainer's room view: every account on the shared service, its stage, its last refusals with
 * the hidden reason and what to tell the participant (from the service's attempt trail, read with
 * GET /control/room every other second), and one click to unlock, end a fault or show the mail.
 */
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { FaultKind, MailMessage } from '../../index.js';
import type { DemoApp } from './app.js';
import { friendlyError } from './error-texts.js';
import { MailList } from './inbox-panel.js';
import type { RoomLink } from './room.js';
import { roomTextsFor, stageText } from './room-texts.js';
import type { RoomAccount } from './room-view-data.js';
import type { DemoSession } from './session.js';
import { clockText, StatusLine, useStatus, type Status } from './ui.js';

interface RoomActions {
  unlock(username: string): void;
  endFault(kind: FaultKind): void;
  toggleMail(account: RoomAccount): void;
}

export function RoomPanel({ session, room }: { session: DemoSession; room: RoomLink }) {
  const app = session.app;
  const r = roomTextsFor(app.lang);
  const status = useStatus();
  const [mail, setMail] = useState<{ username: string; messages: MailMessage[] } | null>(null);
  const act = roomActions(session, room, status, mail, setMail);
  const view = room.view;
  const fault = view?.fault ?? null;
  return h(
    'section',
    { class: 'panel room-view', 'aria-labelledby': 'room-title' },
    h('h2', { id: 'room-title' }, r.roomTitle),
    h('p', { class: 'hint' }, r.roomHint),
    fault
      ? h(
          'p',
          { class: 'room-fault' },
          `${r.faultOn} ${app.t(fault.kind)} `,
          h('button', { type: 'button', onClick: () => act.endFault(fault.kind) }, r.endFault),
        )
      : null,
    h(StatusLine, { status, detailsLabel: app.t('details') }),
    view === null || view.accounts.length === 0
      ? h('p', { class: 'room-empty' }, r.roomEmpty)
      : h(RoomTable, { app, accounts: view.accounts, act, mailOf: mail?.username ?? null }),
    mail
      ? h(
          'div',
          { class: 'room-mail', role: 'region', 'aria-label': `${r.mailOf} ${mail.username}` },
          h('h3', null, `${r.mailOf} ${mail.username}`),
          mail.messages.length === 0 ? h('p', null, r.noMail) : null,
          h(MailList, { app, mail: mail.messages }),
        )
      : null,
  );
}

function RoomTable(props: { app: DemoApp; accounts: RoomAccount[]; act: RoomActions; mailOf: string | null }) {
  const r = roomTextsFor(props.app.lang);
  return h(
    'table',
    { class: 'room-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [r.colName, r.colStage, r.colWhy, r.colAdvice, r.colActions].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      null,
      props.accounts.map((a) => h(RoomRow, { ...props, account: a, key: a.username })),
    ),
  );
}

function RoomRow({
  app,
  account: a,
  act,
  mailOf,
}: {
  app: DemoApp;
  account: RoomAccount;
  act: RoomActions;
  mailOf: string | null;
}) {
  const r = roomTextsFor(app.lang);
  const newest = a.attempts[0];
  const faulted = newest?.reason === 'fault';
  const button = (text: string, onClick: () => void, label: string) =>
    h('button', { type: 'button', onClick, 'aria-label': label }, text);
  return h(
    'tr',
    { 'data-account': a.username, 'data-stage': a.stage },
    h('th', { scope: 'row' }, a.username),
    h('td', { class: `stage stage-${a.stage}` }, stageText(a.stage, app.lang)),
    h(
      'td',
      { class: 'why' },
      h(
        'ul',
        null,
        a.attempts.map((x) => h('li', { 'data-reason': x.reason }, `${clockText(x.time, app.lang)} ${x.text}`)),
      ),
    ),
    h('td', { class: 'advice' }, newest?.advice ?? r.noAdvice),
    h(
      'td',
      { class: 'actions' },
      a.stage === 'locked' ? button(r.unlockOne, () => act.unlock(a.username), `${r.unlockOne}: ${a.username}`) : null,
      faulted ? button(r.endFault, () => act.endFault('outage'), `${r.endFault}: ${a.username}`) : null,
      a.email !== null
        ? button(
            mailOf === a.username ? r.hideMail : r.showMail,
            () => act.toggleMail(a),
            `${r.showMail}: ${a.username}`,
          )
        : null,
    ),
  );
}

function roomActions(
  session: DemoSession,
  room: RoomLink,
  status: Status,
  mail: { username: string } | null,
  setMail: (m: { username: string; messages: MailMessage[] } | null) => void,
): RoomActions {
  const app = session.app;
  const run = async (action: () => Promise<void>) => {
    try {
      await action();
      await room.sync(app.clock, app.lang);
    } catch (error) {
      const f = friendlyError(error, app.lang);
      status.show(f.text, false, f.details);
    }
    session.changed();
  };
  return {
    unlock: (username) =>
      void run(async () => {
        await room.control('POST', 'control/unlock', { username });
        status.show(`${app.t('unlocked')} ${username}`, true);
      }),
    // A fault is the service's, not one account's: ending it ends it for everyone, whichever kind is on.
    endFault: (kind) =>
      void run(
        async () => void (await room.control('POST', 'control/faults/stop', { kind: room.view?.fault?.kind ?? kind })),
      ),
    toggleMail: (account) =>
      void run(async () => {
        if (mail?.username === account.username) return setMail(null);
        const box = await room.control('GET', `control/mailbox?to=${encodeURIComponent(account.email ?? '')}`);
        setMail({ username: account.username, messages: (box['messages'] as MailMessage[] | undefined) ?? [] });
      }),
  };
}
