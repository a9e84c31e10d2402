/**
 * Room mode: the page served by `totp-lab serve --api` talks to that service, so every browser in
 * a training room uses one service whose state lives on the server. The phones stay in each
 * browser; their clock follows the server's simulated clock (GET /api/clock), so the trainer's
 * "+2 perc" or an outage reaches everyone. The trainer's browser opens a one-time link
 * (#trainer=…, a fragment browsers never send); the page trades it for a control session cookie
 * (HttpOnly), so nothing reusable stays in the address or the browser's history.
 */
import type { FaultKind, Language, MailMessage } from '../../index.js';
import type { RoomView } from './room-view-data.js';
import { roomService } from './room-service.js';
import type { SiteService } from './site-service.js';
import type { TrainerClock } from './trainer-clock.js';

/** True when the server that sent `doc` serves the simulated service's API beside the page. */
export function roomOffered(doc: Document): boolean {
  return doc.querySelector('meta[name="totp-lab-room"]')?.getAttribute('content') === 'api';
}

/**
 * Takes a `#trainer=LINK` out of the address at once (keeping `#present`), and returns the link,
 * or null when the address has none.
 */
export function takeTrainerLink(): string | null {
  const match = /(?:^#|&)trainer=([0-9a-f]{1,128})(?:&|$)/.exec(location.hash);
  if (!/(?:^#|&)trainer=/.test(location.hash)) return null;
  const present = /(?:^#|&)present(?:&|$)/.test(location.hash);
  history.replaceState(null, '', `${location.pathname}${location.search}${present ? '#present' : ''}`);
  // A mangled link is no link, but it was given: the page says it was refused.
  return match?.[1] ?? '';
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

export type Json = Record<string, unknown>;

/** One call to the service. Provider results (refusals included) come back as they are; API errors throw. */
export async function roomCall(method: string, path: string, body?: unknown): Promise<Json> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
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

/** The room: the service, the shared clock, the participant's inbox and, for the trainer, the room view. */
export interface RoomLink {
  /** True in the trainer's browser (it holds a control session). */
  readonly trainer: boolean;
  /** True when a trainer link was given but the server refused it (used already, or made up). */
  readonly refused: boolean;
  /** The fault the service has on, as of the last {@link RoomLink.read}. */
  fault: FaultKind | null;
  readonly service: SiteService;
  /** The participant's inbox, as of the last {@link RoomLink.read} (null until it is opened). */
  inbox: MailMessage[] | null;
  /** The trainer's room view, as of the last {@link RoomLink.read}. */
  view: RoomView | null;
  /** Reads the server's clock and sets `clock` by it. */
  sync(clock: TrainerClock, language?: Language): Promise<void>;
  /** Reads the server's clock and fault, the inbox and (for the trainer) the room, without setting any clock yet. */
  read(language?: Language): Promise<void>;
  /** Sets `clock` by the server's clock as last read (at once, without asking the server). */
  apply(clock: TrainerClock): void;
  /** A control API call (the browser sends the control cookie). */
  control(method: string, path: string, body?: unknown): Promise<Json>;
}

/** Trades a trainer link for the control cookie; says whether this browser is the trainer's now. */
async function becomeTrainer(link: string | null): Promise<{ trainer: boolean; refused: boolean }> {
  if (link !== null && link !== '') {
    try {
      await roomCall('POST', 'control/session', { link });
      return { trainer: true, refused: false };
    } catch {
      // Spent or made up: what the cookie says decides (a reload of a trainer's tab keeps it).
    }
  }
  const session = await roomCall('GET', 'control/session').catch(() => ({ trainer: false }));
  const trainer = session['trainer'] === true;
  return { trainer, refused: link !== null && !trainer };
}

/** Connects to the service that served the page, the trainer's link traded first. */
export async function connectRoom(link: string | null): Promise<RoomLink> {
  const { trainer, refused } = await becomeTrainer(link);
  let last: { now: number; frozen: boolean; at: number } | null = null;
  // The inbox is asked for once at start (a reload keeps its cookie), then only once it is open.
  let inboxOpen = true;
  const room: RoomLink = {
    trainer,
    refused,
    fault: null,
    inbox: null,
    view: null,
    service: roomService(trainer, () => {
      inboxOpen = true;
      void room.read().catch(() => undefined);
    }),
    async sync(clock, language) {
      await room.read(language);
      room.apply(clock);
    },
    async read(language) {
      const [status] = await Promise.all([
        roomCall('GET', 'api/clock'),
        inboxOpen ? readInbox(room).then((open) => void (inboxOpen = open)) : undefined,
        readView(room, language),
      ]);
      if (typeof status['now'] !== 'number') return;
      last = { now: status['now'], frozen: status['frozen'] === true, at: performance.now() };
      const fault = status['fault'];
      room.fault = fault === 'maintenance' || fault === 'outage' || fault === 'timeout' ? fault : null;
    },
    apply(clock) {
      if (last === null) return;
      if (last.frozen) {
        clock.pause();
        clock.set(last.now);
      } else {
        clock.resume();
        clock.set(last.now + (performance.now() - last.at));
      }
    },
    control: (method, path, body) => roomCall(method, path, body),
  };
  return room;
}

/** The participant's own mail; false when their inbox is not open (or there is none to read). */
async function readInbox(room: RoomLink): Promise<boolean> {
  try {
    const inbox = await roomCall('GET', 'api/inbox');
    room.inbox = Array.isArray(inbox['messages']) ? (inbox['messages'] as MailMessage[]) : [];
    return true;
  } catch (error) {
    if (!(error instanceof RoomError) || error.status === 0) return true;
    room.inbox = null;
    return false;
  }
}

async function readView(room: RoomLink, language: Language | undefined): Promise<void> {
  if (!room.trainer) return;
  room.view = (await roomCall('GET', `control/room?lang=${language ?? 'hu'}`)) as unknown as RoomView;
}

/**
 * Joins the room of the server that served the page: takes the trainer's link out of the address,
 * connects, and reads the server's clock once (mount with the link as `room`).
 */
export async function joinRoom(): Promise<RoomLink> {
  const room = await connectRoom(takeTrainerLink());
  await room.read().catch(() => undefined);
  return room;
}
