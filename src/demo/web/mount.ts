/**
 * mountDemo(): the browser demo — the simulated Ügyfélkapu+ site and one or two phones side by
 * side, the trainer's controls, the time ruler and the scenarios — rendered into an element.
 */
import { h, render } from 'preact';
import { InvalidArgumentError, type Language } from '../../index.js';
import type { KeyValueStorage } from '../../browser/index.js';
import { DemoPage } from './page.js';
import { applyPresentMode } from './present.js';
import type { RoomLink } from './room.js';
import { createSession, type DemoSession } from './session.js';

/** Options of {@link mountDemo}. */
export interface MountDemoOptions {
  /** Where the demo keeps its state (default: localStorage). */
  storage?: KeyValueStorage;
  /** The prefix of its storage keys (default `totp-lab`). */
  storageKey?: string;
  /** The language on first start (default `hu`); a saved choice wins. */
  language?: Language;
  /** Say in the header that the state is also kept on the demo server (see server-state.ts). */
  serverState?: boolean;
  /** Room mode: the site talks to this service, and the clock follows its (see room.ts). */
  room?: RoomLink;
}

/** A mounted demo. */
export interface MountedDemo {
  /** Stops its timers and webcams and empties the element. The saved state stays. */
  unmount(): void;
}

/**
 * Renders the demo into `element` and keeps it running. Everything happens in the page: the
 * simulated service, the phones and the QR scanning; the state is saved in `storage`.
 * @throws {InvalidArgumentError} when `element` is not a DOM element
 * @example
 * mountDemo(document.getElementById('app')!);
 */
export function mountDemo(element: HTMLElement, options: MountDemoOptions = {}): MountedDemo {
  if (typeof element?.replaceChildren !== 'function')
    throw new InvalidArgumentError(
      `"element" must be a DOM element, got ${element === null ? 'null' : `a value of type ${typeof element}`}`,
    );
  const prefix = options.storageKey ?? 'totp-lab';
  const draw = (focusId?: string) => {
    document.documentElement.lang = session.app.lang;
    render(h(DemoPage, { session, key: session.generation }), element);
    if (focusId) element.querySelector<HTMLElement>(`[id^="${focusId}-"]`)?.focus();
  };
  const session = createSession(
    element,
    {
      storage: options.storage ?? globalThis.localStorage,
      prefix,
      language: options.language,
      room: options.room ?? null,
      serverState: options.serverState === true,
    },
    draw,
  );
  applyPresentMode();
  globalThis.addEventListener?.('hashchange', applyPresentMode);
  element.replaceChildren();
  draw();
  const stopTicking = startTicking(session, () => draw());
  if (typeof performance !== 'undefined') performance.mark('totp-lab:interactive');
  const stopFollowing = followOtherWindows(session, prefix);
  return {
    unmount() {
      stopTicking();
      stopFollowing();
      globalThis.removeEventListener?.('hashchange', applyPresentMode);
      // Unmounting runs every panel's clean-up: webcams stop, timers end.
      render(null, element);
      element.replaceChildren();
    },
  };
}

/**
 * One redraw per simulated second, just after it turns (when clocks, codes and rings change), and
 * none while the page is hidden: an idle page on a projector costs next to nothing. In a room, the
 * server's clock and faults are read every other second.
 */
function startTicking(session: DemoSession, redraw: () => void): () => void {
  let ticks = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const room = session.options.room;
    if (room && ticks++ % 2 === 0)
      void room
        .sync(session.app.clock, session.app.lang)
        .then(redraw)
        .catch(() => undefined);
    redraw();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = undefined;
    if (globalThis.document?.hidden) return;
    const clock = session.app.clock;
    const now = clock.now();
    const delay = clock.paused ? 1000 : 1000 - (((now % 1000) + 1000) % 1000) + 15;
    timer = setTimeout(() => {
      tick();
      schedule();
    }, delay);
  };
  const onVisibility = () => {
    if (!globalThis.document?.hidden) tick();
    schedule();
  };
  schedule();
  globalThis.document?.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearTimeout(timer);
    globalThis.document?.removeEventListener('visibilitychange', onVisibility);
  };
}

/**
 * Another tab or window of the page (a projector beside the laptop) saved a change: show the same
 * state here, so neither writes the other's change away with an old copy.
 */
function followOtherWindows(session: DemoSession, prefix: string): () => void {
  let followUp: ReturnType<typeof setTimeout> | undefined;
  const onStorage = (event: StorageEvent) => {
    if (event.key !== null && !event.key.startsWith(`${prefix}:`)) return;
    clearTimeout(followUp);
    // One save writes two items; take them together.
    followUp = setTimeout(() => session.reload(document.activeElement?.id.replace(/-\d+$/, '')), 30);
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    clearTimeout(followUp);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}
