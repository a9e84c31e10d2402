/**
 * What a route sees, and how a provider result becomes an answer: `ok: true` results as 200 (or
 * 201), refusals with the provider's own body and a status that says what kind of refusal it is.
 */
import type { RandomSource } from '../core/random.js';
import type { Refusal } from '../sim/context.js';
import type { Provider } from '../sim/provider.js';
import type { Store } from '../sim/store.js';
import type { ControlMailbox } from './control-mailbox.js';
import type { ApiAnswer, ApiRequest } from './exchange.js';
import { json } from './http-error.js';
import type { SessionBook } from './sessions.js';
import type { SharedClock } from './shared-clock.js';

/** Renders a key URI as a QR code (the server itself has no QR encoder; the Node adapter gives one). */
export type QrRenderer = (text: string) => { svg: string; png: Uint8Array };

/** Everything a route needs for one request. */
export interface RouteContext {
  request: ApiRequest;
  url: URL;
  provider: Provider;
  store: Store;
  sessions: SessionBook;
  clock: SharedClock | undefined;
  qr: QrRenderer | undefined;
  random: RandomSource;
  secureCookies: boolean;
  /** The path parameter of a templated route (`/control/accounts/{username}`). */
  param: string;
  /** The mailbox the control API reads (see control-mailbox.ts), or null when mail goes to SMTP. */
  mailbox: ControlMailbox | null;
}

/** One route of the API. */
export type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  run(c: RouteContext): Promise<ApiAnswer>;
  /** A control route that answers without the control token (the trainer link's exchange). */
  open?: true;
};

/** The HTTP status of a refusal: 401 refused login, 409 taken name, 503/504 service faults, 422 otherwise. */
export function refusalStatus(refusal: Refusal): number {
  if (refusal.fault === 'timeout') return 504;
  if (refusal.fault !== undefined) return 503;
  if (refusal.messageKey === 'login.refused') return 401;
  if (refusal.messageKey === 'register.taken') return 409;
  return 422;
}

/** A provider result as an answer. */
export function resultResponse(
  result: { ok: true } | Refusal,
  okStatus = 200,
  headers: Record<string, string> = {},
): ApiAnswer {
  if (result.ok) return json(okStatus, result, headers);
  // `retryAt` (simulated time) stays in the body: a Retry-After in real seconds would be wrong.
  return json(refusalStatus(result), result);
}
