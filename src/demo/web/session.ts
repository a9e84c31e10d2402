/**
 * One mounted demo's life: the state it shows (loaded again after a reset or another window's
 * save), what a redraw is asked for (a change, or a second that turned), and the changes that
 * need the whole page built anew (the language, the service's profile, the phones, a reset).
 */
import type { Language } from '../../index.js';
import type { KeyValueStorage } from '../../browser/index.js';
import { clearDemo, loadDemo, type DemoApp } from './app.js';
import type { RoomLink } from './room.js';

/** Where a session keeps its state, and how it starts. */
export interface SessionOptions {
  storage: KeyValueStorage;
  prefix: string;
  language: Language | undefined;
  room: RoomLink | null;
  /** Say in the header that the state is also kept on the demo server. */
  serverState: boolean;
}

/** A mounted demo's state and the changes the panels may ask for. */
export interface DemoSession {
  readonly app: DemoApp;
  readonly options: SessionOptions;
  /** Grows with every rebuild: the page is built anew (a new key) when it changes. */
  readonly generation: number;
  /** Grows with every change a panel reports (not with the clock's seconds). */
  readonly changes: number;
  /** The element the page is drawn in. */
  readonly root: HTMLElement;
  /** A panel changed something the others show. */
  changed(): void;
  setLanguage(lang: Language): void;
  setActivationDelay(on: boolean): void;
  setPhoneCount(count: 1 | 2): void;
  /** Deletes everything this demo saved and starts again. */
  reset(): void;
  /** Reads the saved state again (another window saved it) and builds the page anew. */
  reload(focusId?: string): void;
}

/**
 * Makes the session; `draw(focusId)` is called for every redraw (with the prefix of the id of
 * the control to focus again after a rebuild).
 */
export function createSession(
  root: HTMLElement,
  options: SessionOptions,
  draw: (focusId?: string) => void,
): DemoSession {
  const load = () => {
    const loaded = loadDemo(options.storage, options.prefix, options.language, options.room);
    options.room?.apply(loaded.clock);
    return loaded;
  };
  const rebuild = (focusId?: string) => {
    session.generation += 1;
    draw(focusId);
  };
  const session = {
    app: load(),
    options,
    generation: 0,
    changes: 0,
    root,
    changed() {
      session.changes += 1;
      draw();
    },
    setLanguage(lang: Language) {
      const app = session.app;
      app.lang = lang;
      app.provider.language = lang;
      for (const phone of app.phones) phone.language = lang;
      app.save();
      rebuild('language');
    },
    setActivationDelay(on: boolean) {
      // The service is made with its profile: save, then build it again from the saved state.
      session.app.activationDelay = on;
      session.app.save();
      session.app = load();
      rebuild('activation-delay');
    },
    setPhoneCount(count: 1 | 2) {
      session.app.phoneCount = count;
      session.app.save();
      rebuild('second-phone');
    },
    reset() {
      clearDemo(options.storage, options.prefix);
      session.app = load();
      session.app.save();
      rebuild();
    },
    reload(focusId?: string) {
      session.app = load();
      rebuild(focusId);
    },
  };
  return session;
}
