/**
 * Room mode: the page served by `totp-lab serve --api` talks to that service, so every browser in
 * a training room uses one service whose state lives on the server. The phones stay in each
 * browser; their clock follows the server's simulated clock (GET /api/clock), so the trainer's
 * "+2 perc" or an outage reaches everyone. The trainer's browser gets the control API's token
 * through the address's fragment (#control=…), which browsers never send to a server.
 */
import type { FaultKind } from '../../index.js';
import type { KnownAccount, SiteService } from './site-service.js';
import type { TrainerClock } from './trainer-clock.js';

/** Where the trainer's token is kept for this tab (sessionStorage: gone with the tab). */
export const CONTROL_TOKEN_KEY = 'totp-lab-room:control';

/** True when the server that sent `doc` serves the simulated service's API beside the page. */
export function roomOffered(doc: Document): boolean {
  return doc.querySelector('meta[name="totp-lab-room"]')?.getAttribute('content') === 'api';
}

/**
 * Moves a `#control=TOKEN` from the address into sessionStorage and takes it out of the address
 * at once (history, bookmarks and screen shares then do not show it); returns the token kept.
 */
export function takeControlToken(session: Storage = globalThis.sessionStorage): string | null {
  const match = /(?:^#|&)control=([^&]*)/.exec(location.hash);
  if (match) {
    let token = '';
    try {
      token = decodeURIComponent(match[1]!);
    } catch {
      // A mangled token is no token.
    }
    const present = /(?:^#|&)present(?:&|$)/.test(location.hash);
    history.replaceState(null, '', `${location.pathname}${location.search}${present ? '#present' : ''}`);
    if (token !== '') session.setItem(CONTROL_TOKEN_KEY, token);
  }
  return session.getItem(CONTROL_TOKEN_KEY);
}

/** An error answer of the API, or no answer at all (`NETWORK`). */
export class RoomError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'RoomError';
  }
}

type Json = Record<string, unknown>;

/** One call to the service. Provider results (refusals included) come back as they are; API errors throw. */
export async function roomCall(method: string, path: string, body?: unknown, token?: string | null): Promise<Json> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new RoomError('NETWORK', 'the simulated service cannot be reached', 0);
  }
  if (res.status === 204) return {};
  const data = (await res.json().catch(() => null)) as Json | null;
  if (data !== null && typeof data.ok === 'boolean') return data;
  if (!res.ok || data === null) {
    const error = (data?.['error'] ?? {}) as { code?: string; message?: string };
    throw new RoomError(error.code ?? 'HTTP_ERROR', error.message ?? `the service answered ${res.status}`, res.status);
  }
  return data;
}

/** The room: the service, the shared clock and, in the trainer's browser, the control API. */
export interface RoomLink {
  /** The control API's token, only in the trainer's browser. */
  readonly token: string | null;
  /** True when a token was given but the server refused it. */
  readonly refused: boolean;
  /** The fault the service has on, as of the last {@link RoomLink.sync}. */
  fault: FaultKind | null;
  readonly service: SiteService;
  /** Reads the server's clock and sets `clock` by it. */
  sync(clock: TrainerClock): Promise<void>;
  /** Reads the server's clock (and fault) without setting any clock yet. */
  read(): Promise<void>;
  /** Sets `clock` by the server's clock as last read (at once, without asking the server). */
  apply(clock: TrainerClock): void;
  /** A control API call, with the token. */
  control(method: string, path: string, body?: unknown): Promise<Json>;
}

/**
 * Connects to the service that served the page and checks a trainer token (a refused one is
 * dropped from this tab).
 */
export async function connectRoom(given: string | null): Promise<RoomLink> {
  let token = given;
  let refused = false;
  if (token !== null) {
    try {
      await roomCall('GET', 'control/clock', undefined, token);
    } catch (error) {
      if (error instanceof RoomError && error.status === 401) {
        globalThis.sessionStorage?.removeItem(CONTROL_TOKEN_KEY);
        token = null;
        refused = true;
      }
    }
  }
  // What this browser has seen of accounts (a participant may not ask the control API).
  const seen = new Map<string, KnownAccount>();
  const note = (username: string, account: KnownAccount) => void seen.set(username.trim(), account);
  const post = (path: string, body: unknown): Promise<never> => roomCall('POST', path, body) as Promise<never>;
  // Which account each setup is for, so a finished one can be noted.
  const setups = new Map<string, string>();
  const started = async (answer: Promise<Json>): Promise<never> => {
    const result = await answer;
    if (typeof result['enrollmentId'] === 'string' && typeof result['account'] === 'string')
      setups.set(result['enrollmentId'], result['account']);
    return result as never;
  };
  let last: { now: number; frozen: boolean; at: number } | null = null;
  const link: RoomLink = {
    token,
    refused,
    fault: null,
    async sync(clock: TrainerClock) {
      await link.read();
      link.apply(clock);
    },
    async read() {
      const status = await roomCall('GET', 'api/clock');
      if (typeof status['now'] !== 'number') return;
      last = { now: status['now'], frozen: status['frozen'] === true, at: performance.now() };
      const fault = status['fault'];
      link.fault = fault === 'maintenance' || fault === 'outage' || fault === 'timeout' ? fault : null;
    },
    apply(clock: TrainerClock) {
      if (last === null) return;
      if (last.frozen) {
        clock.pause();
        clock.set(last.now);
      } else {
        clock.resume();
        clock.set(last.now + (performance.now() - last.at));
      }
    },
    control: (method: string, path: string, body?: unknown) => roomCall(method, path, body, token),
    service: {
      async register(i) {
        const result = (await post('api/register', i)) as Awaited<ReturnType<SiteService['register']>>;
        if (result.ok || result.messageKey === 'register.taken')
          note(i.username, { exists: true, secondFactor: 'none' });
        return result;
      },
      async login(i) {
        const first = (await roomCall('POST', 'api/login', { username: i.username, password: i.password })) as Json;
        if (first['ok'] !== true) return first as never;
        return post('api/login/code', { loginTicket: first['loginTicket'], code: i.code });
      },
      startEnrollment: (i) => started(post('api/enrollment', i)),
      confirmEnrollment: (i) => post('api/enrollment/confirm', i),
      async finishEnrollment(i) {
        const result = (await post('api/enrollment/finish', i)) as Json;
        const account = setups.get(i.enrollmentId);
        if (result['ok'] === true && account !== undefined) note(account, { exists: true, secondFactor: 'active' });
        return result as never;
      },
      abandonEnrollment: (i) => post('api/enrollment/abandon', i),
      startDeviceChange: (i) => started(post('api/device-change', i)),
      redeemDeletionCode: (i) => post('api/deletion-code', i),
      async logout() {
        await roomCall('POST', 'api/logout', {});
      },
      async known(username) {
        if (token !== null) {
          const status = await roomCall(
            'GET',
            `control/accounts/${encodeURIComponent(username.trim())}`,
            undefined,
            token,
          );
          return status as unknown as KnownAccount;
        }
        return seen.get(username.trim()) ?? null;
      },
      // The HTTP service has no e-mail routes for the page yet: the site offers the app only.
      email: null,
    } satisfies SiteService,
  };
  return link;
}

/**
 * Joins the room of the server that served the page: takes the trainer's token out of the
 * address, connects, and reads the server's clock once (mount with the link as `room`).
 */
export async function joinRoom(): Promise<RoomLink> {
  const room = await connectRoom(takeControlToken());
  await room.read().catch(() => undefined);
  return room;
}
