/**
 * The demo page's state on its server, when `totp-lab serve --state <file>` keeps it: the page
 * loads it at start (this browser's own copy when the server has none) and, shortly after every
 * change it saves in localStorage, sends the same items to the server. A trainer's setup then
 * survives a browser reset, and a second window (the projector) opens the same state.
 */
import type { KeyValueStorage } from '../../browser/index.js';
import { clearDemo } from './app.js';
import { mountDemo, type MountedDemo } from './mount.js';

/** Where the server keeps the state, relative to the page. */
export const SERVER_STATE_URL = 'api/state';
/** How long after a change the page waits for more changes before sending them, in milliseconds. */
export const SERVER_SAVE_DELAY_MS = 300;

/** What the page sends and gets back: its storage items, exactly as in localStorage. */
export interface ServerState {
  version: 1;
  items: Record<string, string>;
}

/** True when the server that sent `doc` keeps the page's state (it adds a meta tag saying so). */
export function serverStateOffered(doc: Document): boolean {
  return doc.querySelector('meta[name="totp-lab-state"]')?.getAttribute('content') === 'server';
}

/**
 * Reads the state from the server.
 * @returns its items, or null when the server has none yet
 * @throws {Error} when the server cannot be reached or answers with something else
 */
export async function fetchServerState(fetchFn: typeof fetch = fetch): Promise<Record<string, string> | null> {
  const res = await fetchFn(SERVER_STATE_URL, { cache: 'no-store', credentials: 'same-origin' });
  if (res.status === 204) return null;
  if (!res.ok) throw new Error(`the server answered ${res.status}`);
  const value = (await res.json()) as Partial<ServerState> | null;
  const items = value?.items;
  if (value?.version !== 1 || typeof items !== 'object' || items === null)
    throw new Error('the server sent a state this page cannot read');
  return Object.fromEntries(
    Object.entries(items).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * Sends the state to the server. The `X-Totp-Lab` header is what lets the server tell the page
 * from a cross-site form, which cannot send it.
 * @throws {Error} when the server does not confirm the save
 */
export async function sendServerState(
  items: Record<string, string>,
  fetchFn: typeof fetch = fetch,
  keepalive = false,
): Promise<void> {
  const body: ServerState = { version: 1, items };
  const res = await fetchFn(SERVER_STATE_URL, {
    method: 'PUT',
    keepalive,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Totp-Lab': '1' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`the server answered ${res.status}`);
}

/** A storage that also sends its items to the server; see {@link serverBackedStorage}. */
export interface ServerBackedStorage extends KeyValueStorage {
  /** Sends any change not yet sent now, and resolves once nothing is being sent. */
  flush(): Promise<void>;
  /** Queues a send of the current items (after {@link SERVER_SAVE_DELAY_MS}). */
  schedule(): void;
  /** The items it has seen, as they are in `local` now. */
  items(): Record<string, string>;
  /** True while a change waits to be sent. */
  unsent(): boolean;
}

/**
 * Wraps `local` (localStorage): every call goes to it unchanged, and after each change the items
 * read or written through this wrapper are sent with `send`, one request at a time, changes in
 * quick succession sent together. The last save wins. `onResult` hears whether each send worked.
 */
export function serverBackedStorage(
  local: KeyValueStorage,
  send: (items: Record<string, string>) => Promise<void>,
  onResult: (ok: boolean) => void = () => undefined,
  delayMs = SERVER_SAVE_DELAY_MS,
): ServerBackedStorage {
  const seen = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let sending: Promise<void> | undefined;

  const items = () => {
    const out: Record<string, string> = {};
    for (const key of [...seen].sort()) {
      const value = local.getItem(key);
      if (value !== null) out[key] = value;
    }
    return out;
  };
  const run = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    // One request at a time, so an older state can never arrive after a newer one.
    sending ??= (async () => {
      while (pending) {
        pending = false;
        let ok = true;
        await send(items()).catch(() => (ok = false));
        onResult(ok);
      }
    })().finally(() => (sending = undefined));
    return sending;
  };
  const schedule = () => {
    pending = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  };
  return {
    getItem(key) {
      seen.add(key);
      return local.getItem(key);
    },
    setItem(key, value) {
      seen.add(key);
      local.setItem(key, value);
      schedule();
    },
    removeItem(key) {
      seen.add(key);
      local.removeItem(key);
      schedule();
    },
    async flush() {
      await sending;
      await run();
    },
    schedule,
    items,
    unsent: () => pending,
  };
}

const NOTICES = {
  load: {
    hu: 'A szerveren tárolt állapot nem érhető el; ennek a böngészőnek a másolata látszik.',
    en: 'The state kept on the server could not be loaded; this is the browser’s own copy.',
  },
  save: {
    hu: 'A mentés a szerverre nem sikerült; a böngészőben megmaradt, a következő változással újra próbálom.',
    en: 'Saving to the server failed; it is kept in this browser and retried with the next change.',
  },
} as const;

/** A small status line at the foot of the page, hidden while all is well. */
function notice(): (kind: keyof typeof NOTICES | null) => void {
  const el = document.createElement('p');
  el.className = 'server-state-notice';
  el.setAttribute('role', 'status');
  el.hidden = true;
  document.body.append(el);
  return (kind) => {
    el.hidden = kind === null;
    el.textContent = kind === null ? '' : NOTICES[kind][document.documentElement.lang === 'en' ? 'en' : 'hu'];
  };
}

/**
 * Mounts the demo with its state on the server: loads it first (replacing this browser's copy of
 * the demo's items; keeping the copy when the server has none or cannot be reached), then mounts
 * the demo on a {@link serverBackedStorage} over localStorage.
 * @param prefix the demo's storage key prefix (as in mountDemo's `storageKey`)
 */
export async function mountDemoWithServerState(element: HTMLElement, prefix = 'totp-lab'): Promise<MountedDemo> {
  const local = globalThis.localStorage;
  const show = notice();
  let loaded: Record<string, string> | null = null;
  let reachable = true;
  try {
    loaded = await fetchServerState();
  } catch {
    reachable = false;
  }
  if (loaded !== null) {
    clearDemo(local, prefix);
    for (const [key, value] of Object.entries(loaded)) if (key.startsWith(`${prefix}:`)) local.setItem(key, value);
  }
  const storage = serverBackedStorage(
    local,
    (items) => sendServerState(items),
    (ok) => show(ok ? null : 'save'),
  );
  const demo = mountDemo(element, { storage, storageKey: prefix, serverState: true });
  if (!reachable) show('load');
  // A server with no state yet gets this browser's copy, so a second window can open it.
  else if (loaded === null) storage.schedule();
  // Closing the tab within the save delay would lose the last change: send it as the page goes.
  // Only then: a window that changed nothing must not overwrite another window's newer state.
  globalThis.addEventListener('pagehide', () => {
    if (storage.unsent()) void sendServerState(storage.items(), fetch, true).catch(() => undefined);
  });
  return demo;
}
