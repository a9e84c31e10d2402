/**
 * mountDemo(): the browser demo — the simulated Ügyfélkapu+ site and one or two phones side by
 * side, the trainer's controls, the time ruler and the scenarios — rendered into an element.
 */
import { InvalidArgumentError, type Language } from '../../index.js';
import type { KeyValueStorage } from '../../browser/index.js';
import { clearDemo, loadDemo, type DemoApp } from './app.js';
import { h } from './dom.js';
import { guidePanel } from './guide.js';
import { inboxPanel } from './inbox-panel.js';
import { phonePanel } from './phone-panel.js';
import type { RoomLink } from './room.js';
import { applyPresentMode } from './present.js';
import { timeRuler } from './ruler.js';
import { scenarioPanel } from './scenario-panel.js';
import { sitePanel } from './site-panel.js';
import { trainerPanel } from './trainer-panel.js';

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
  const storage = options.storage ?? globalThis.localStorage;
  const prefix = options.storageKey ?? 'totp-lab';
  const room = options.room ?? null;
  const load = () => {
    const loaded = loadDemo(storage, prefix, options.language, room);
    room?.apply(loaded.clock);
    return loaded;
  };
  let app: DemoApp = load();
  let stops: Array<() => void> = [];
  let tick: () => void = () => undefined;

  function build(focusId?: string) {
    for (const stop of stops) stop();
    stops = [];
    document.documentElement.lang = app.lang;
    const ruler = timeRuler(app);
    const guide = guidePanel(app, () => element);
    const changed = () => {
      void ruler.refresh();
      void guide.refresh();
      for (const p of phones) p.update();
      inbox.update();
    };
    const site = sitePanel(app, changed);
    const inbox = inboxPanel(app, site.typeCode);
    const phones = Array.from({ length: app.phoneCount }, (_, i) =>
      phonePanel(app, i, { siteCanvas: site.qrCanvas, typeCode: site.typeCode, changed }),
    );
    stops = phones.map((p) => p.stop);
    const trainer = trainerPanel(app, {
      changed,
      setLanguage(lang) {
        app.lang = lang;
        app.provider.language = lang;
        for (const phone of app.phones) phone.language = lang;
        app.save();
        build('language');
      },
      setActivationDelay(on) {
        // The service is made with its profile: save, then build it again from the saved state.
        app.activationDelay = on;
        app.save();
        app = load();
        build('activation-delay');
      },
      setPhoneCount(count) {
        app.phoneCount = count;
        app.save();
        build('second-phone');
      },
      reset() {
        clearDemo(storage, prefix);
        app = load();
        app.save();
        build();
      },
    });
    element.replaceChildren(
      h(
        'header',
        { class: 'top' },
        h('h1', {}, app.t('title')),
        h('p', { class: 'notice' }, app.t(room ? 'noticeRoom' : options.serverState ? 'noticeServerState' : 'notice')),
      ),
      trainer.el,
      guide.el,
      // The ruler sits in the stage, so presentation mode can put it beside the phones.
      h(
        'main',
        { class: `stage phones-${app.phoneCount}` },
        site.el,
        h('div', { class: 'phones' }, ...phones.map((p) => p.el)),
        ruler.el,
        inbox.el,
      ),
      scenarioPanel(app).el,
    );
    let ticks = 0;
    tick = () => {
      // In a room, the server's clock and faults are read every other second.
      if (room && ticks++ % 2 === 0)
        void room
          .sync(app.clock)
          .then(() => (site.showFault(), tick()))
          .catch(() => undefined);
      // A code typed into a field moves the guide on too; once a second is enough for that.
      void guide.refresh();
      trainer.update();
      for (const p of phones) p.update();
      ruler.update();
      inbox.update();
    };
    void ruler.refresh();
    void guide.refresh();
    if (focusId) element.querySelector<HTMLElement>(`[id^="${focusId}-"]`)?.focus();
  }

  applyPresentMode();
  globalThis.addEventListener?.('hashchange', applyPresentMode);
  build();
  // One wake-up per simulated second, just after it turns (when clocks, codes and rings change),
  // and none while the page is hidden: an idle page on a projector costs next to nothing.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = undefined;
    if (globalThis.document?.hidden) return;
    const now = app.clock.now();
    const delay = app.clock.paused ? 1000 : 1000 - (((now % 1000) + 1000) % 1000) + 15;
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
  if (typeof performance !== 'undefined') performance.mark('totp-lab:interactive');
  // Another tab or window of the page (a projector beside the laptop) saved a change: show the
  // same state here, so neither writes the other's change away with an old copy.
  let followUp: ReturnType<typeof setTimeout> | undefined;
  const onStorage = (event: StorageEvent) => {
    if (event.key !== null && !event.key.startsWith(`${prefix}:`)) return;
    clearTimeout(followUp);
    // One save writes two items; take them together.
    followUp = setTimeout(() => {
      const focused = document.activeElement?.id.replace(/-\d+$/, '');
      app = load();
      build(focused);
    }, 30);
  };
  globalThis.addEventListener?.('storage', onStorage);
  return {
    unmount() {
      clearTimeout(timer);
      globalThis.document?.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(followUp);
      globalThis.removeEventListener?.('storage', onStorage);
      globalThis.removeEventListener?.('hashchange', applyPresentMode);
      for (const stop of stops) stop();
      element.replaceChildren();
    },
  };
}
