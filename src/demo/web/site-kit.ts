/**
 * What every card of the simulated site shares: running one action at a time with its answer on
 * the status line, the password kept in memory, the card in use, and the trainer's picture of a
 * typed code (which step it belonged to, and why the service said no).
 */
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { AuditEvent } from '../../index.js';
import { analyseTypedCode } from './typed-code.js';
import type { DemoApp } from './app.js';
import { friendlyError } from './error-texts.js';
import type { SiteBridge } from './site-bridge.js';
import { useBusyGuard, useStatus, type Status } from './ui.js';

/** The card in use, so presentation mode can hide the others (login always shows). */
export type CardInUse = 'register' | 'login' | 'lost-phone';

/** A provider's answer as the site shows it. */
type Answer = { ok: boolean; message: string };

/** The site's shared parts, made once per site panel. */
export interface SiteKit {
  readonly app: DemoApp;
  readonly bridge: SiteBridge;
  readonly status: Status;
  /** Kept in memory only, so a redraw keeps what was typed; never saved. */
  password: string;
  inUse: CardInUse;
  /** The password warning of the last login (near expiry); cleared by the next answer. */
  warning: string | null;
  /** Runs `action` (one at a time), shows a thrown error, saves, and redraws the page. */
  run(action: () => Promise<void>): Promise<boolean>;
  /** Shows a provider's answer. */
  report(result: Answer): void;
  /** Calls the service with a typed code and notes, for the trainer, which step it was and why it was refused. */
  judged<R extends Answer>(username: string, code: string, pending: boolean, call: () => Promise<R>): Promise<R>;
  /** Keeps what a password step says beyond yes or no: the warning, or the forced change. */
  notePassword(
    username: string,
    result: { ok: boolean; messageKey?: string; passwordWarning?: { message: string } },
  ): void;
}

/** The kit of one site panel; `root` is the panel's element (its controls are disabled while an action runs). */
export function useSiteKit(
  app: DemoApp,
  bridge: SiteBridge,
  changed: () => void,
  root: RefObject<HTMLElement | null>,
): SiteKit {
  const status = useStatus();
  const guard = useBusyGuard(root);
  const [, redraw] = useState(0);
  const kit = useRef<SiteKit | null>(null);
  kit.current ??= {
    app,
    bridge,
    status,
    password: 'Tavaszi-Szel-2025',
    inUse: 'register',
    warning: null,
    run: (action) =>
      guard(async () => {
        try {
          await action();
        } catch (error) {
          const f = friendlyError(error, app.lang);
          kit.current!.status.show(f.text, false, f.details);
        }
        app.save();
        redraw((n) => n + 1);
        changed();
      }),
    report: (result) => kit.current!.status.show(result.message, result.ok),
    judged: (username, code, pending, call) => judged(kit.current!, username, code, pending, call),
    notePassword(username, result) {
      kit.current!.warning = result.ok && result.passwordWarning ? result.passwordWarning.message : null;
      if (!result.ok && result.messageKey === 'password.expired') app.site.passwordChange = username.trim();
    },
  };
  return kit.current;
}

async function judged<R extends Answer>(
  kit: SiteKit,
  username: string,
  code: string,
  pending: boolean,
  call: () => Promise<R>,
): Promise<R> {
  const app = kit.app;
  // In a room the server keeps the keys and the audit log: the ruler shows no typed code then.
  if (app.room !== null) {
    const result = await call();
    app.typed = null;
    kit.report(result);
    return result;
  }
  const typed = await analyseTypedCode(app, username, code, pending);
  const since = app.provider.auditLog().at(-1)?.seq ?? 0;
  const result = await call();
  app.typed = {
    ...typed,
    accepted: result.ok,
    reason: result.ok ? null : refusalReason(app.provider.auditLog(since)),
  };
  kit.report(result);
  return result;
}

/** The reason the audit log gives for the call just made (the user is only told "no"). */
function refusalReason(events: AuditEvent[]): string | null {
  for (const e of [...events].reverse()) {
    if (e.type === 'fault') return `fault-${e.fault ?? 'outage'}`;
    if (e.reason) return e.reason;
  }
  return null;
}
