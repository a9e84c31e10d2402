/**
 * The whole page: the header, the trainer's controls, the "Kezdje itt" guide, the stage (the
 * site, the phones, the ruler and the inbox) and the scenarios.
 */
import { Fragment, h } from 'preact';
import { useMemo } from 'preact/hooks';
import { GuidePanel } from './guide.js';
import { InboxPanel } from './inbox-panel.js';
import { PhonePanel } from './phone-panel.js';
import { RoomPanel } from './room-panel.js';
import { TimeRuler } from './ruler.js';
import { ScenarioPanel } from './scenario-panel.js';
import type { DemoSession } from './session.js';
import { createSiteBridge } from './site-bridge.js';
import { SitePanel } from './site-panel.js';
import { TrainerPanel } from './trainer-panel.js';

/** The page of one session; built anew (a new key) when the session is rebuilt. */
export function DemoPage({ session }: { session: DemoSession }) {
  const app = session.app;
  const t = app.t;
  const room = session.options.room;
  // How the phones and the inbox reach the site: its QR code and its code field.
  const bridge = useMemo(createSiteBridge, []);
  const changed = session.changed;
  const notice = room ? 'noticeRoom' : session.options.serverState ? 'noticeServerState' : 'notice';
  return h(
    Fragment,
    null,
    h('header', { class: 'top' }, h('h1', null, t('title')), h('p', { class: 'notice' }, t(notice))),
    h(TrainerPanel, { session }),
    room?.trainer ? h(RoomPanel, { session, room }) : null,
    h(GuidePanel, { app, root: session.root }),
    // The ruler sits in the stage, so presentation mode can put it beside the phones.
    h(
      'main',
      { class: `stage phones-${app.phoneCount}` },
      h(SitePanel, { app, bridge, changed }),
      h(
        'div',
        { class: 'phones' },
        Array.from({ length: app.phoneCount }, (_, index) =>
          h(PhonePanel, { key: index, app, index, bridge, changed }),
        ),
      ),
      h(TimeRuler, { app, changes: session.changes }),
      h(InboxPanel, { app, typeCode: bridge.typeCode }),
    ),
    h(ScenarioPanel, { app }),
  );
}
