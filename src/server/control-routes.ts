/**
 * The control API for trainers and tests, behind a bearer token: the shared simulated clock, the
 * faults, the administrator's unlock, the audit log and a reset; accounts in a stated state with
 * their codes (account-routes.ts) and the mailbox (mailbox-routes.ts). Each group is a list of
 * routes; a new group is one more list spread into {@link CONTROL_ROUTES}.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { parseTimeInput } from '../core/time-input.js';
import type { FaultKind } from '../sim/faults.js';
import { ACCOUNT_ROUTES } from './account-routes.js';
import { readJsonObject } from './body.js';
import { MAILBOX_ROUTES } from './mailbox-routes.js';
import { HttpError, json } from './http-error.js';
import { OIDC_CLIENT_ROUTES } from './oidc-clients.js';
import type { Route, RouteContext } from './route.js';
import type { SharedClock } from './shared-clock.js';

function sharedClock(c: RouteContext): SharedClock {
  if (c.clock === undefined)
    throw new HttpError(
      409,
      'INVALID_STATE',
      'this server has no shared clock (create it with createSharedClock and pass it as "clock")',
    );
  return c.clock;
}

/**
 * A time given to the clock: ms since the epoch, or an ISO 8601 date-time with its zone
 * (`2025-01-16T08:00:00Z`, `2025-01-16T09:00:00+01:00`). Without a zone the moment would depend on
 * the machine's, so it is refused.
 */
export function readClockTime(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/i.test(value.trim())) return parseTimeInput(value, '"time"');
  throw new InvalidArgumentError(
    `"time" must be ms since the epoch or an ISO 8601 date-time with a zone (2025-01-16T08:00:00Z), got ${describeValue(value)}`,
  );
}

async function faultsAnswer(c: RouteContext) {
  await c.clock?.publishFaults(c.provider.faults);
  return json(200, { active: c.provider.faults.active(), windows: c.provider.faults.list() });
}

export const CONTROL_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/control/clock', run: async (c) => json(200, sharedClock(c).status()) },
  {
    method: 'PUT',
    path: '/control/clock',
    async run(c) {
      const body = await readJsonObject(c.request, ['time']);
      return json(200, await sharedClock(c).setTime(readClockTime(body['time'])));
    },
  },
  {
    method: 'POST',
    path: '/control/clock/advance',
    async run(c) {
      const body = await readJsonObject(c.request, ['ms']);
      return json(200, await sharedClock(c).advanceBy(body['ms'] as number));
    },
  },
  {
    method: 'POST',
    path: '/control/clock/freeze',
    async run(c) {
      const body = await readJsonObject(c.request, ['frozen']);
      return json(200, await sharedClock(c).freeze(body['frozen'] as boolean));
    },
  },
  {
    method: 'GET',
    path: '/control/faults',
    run: async (c) => json(200, { active: c.provider.faults.active(), windows: c.provider.faults.list() }),
  },
  {
    method: 'POST',
    path: '/control/faults/start',
    async run(c) {
      const body = await readJsonObject(c.request, ['kind', 'until']);
      c.provider.faults.start(
        body['kind'] as FaultKind,
        body['until'] === undefined ? {} : { until: body['until'] as number },
      );
      return faultsAnswer(c);
    },
  },
  {
    method: 'POST',
    path: '/control/faults/stop',
    async run(c) {
      const body = await readJsonObject(c.request, ['kind']);
      c.provider.faults.stop(body['kind'] as FaultKind);
      return faultsAnswer(c);
    },
  },
  {
    method: 'POST',
    path: '/control/faults/schedule',
    async run(c) {
      const body = await readJsonObject(c.request, ['kind', 'from', 'until']);
      c.provider.faults.schedule(body['kind'] as FaultKind, {
        from: body['from'] as number,
        until: body['until'] as number,
      });
      return faultsAnswer(c);
    },
  },
  {
    method: 'DELETE',
    path: '/control/faults',
    async run(c) {
      c.provider.faults.clear();
      return faultsAnswer(c);
    },
  },
  {
    method: 'POST',
    path: '/control/unlock',
    async run(c) {
      const body = await readJsonObject(c.request, ['username']);
      return json(200, await c.provider.unlock(body['username'] as string));
    },
  },
  {
    method: 'GET',
    path: '/control/audit',
    async run(c) {
      const since = c.url.searchParams.get('since') ?? '0';
      if (!/^\d{1,15}$/.test(since))
        throw new InvalidArgumentError(`"since" must be a whole number, got ${describeValue(since)}`);
      return json(200, { events: c.provider.auditLog(Number(since)) });
    },
  },
  {
    method: 'POST',
    path: '/control/reset',
    async run(c) {
      // Everything goes: accounts, enrollments, tickets, sessions, the clock and the faults.
      const keys = await c.store.keys();
      for (const key of keys) await c.store.update(key, () => undefined);
      c.provider.faults.clear();
      await c.clock?.reset();
      return json(200, { ok: true, removedKeys: keys.length });
    },
  },
  ...ACCOUNT_ROUTES,
  ...MAILBOX_ROUTES,
  ...OIDC_CLIENT_ROUTES,
];
