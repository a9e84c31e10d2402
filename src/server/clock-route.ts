/**
 * `GET /api/clock`: the shared simulated time, whether it is frozen and which fault is on, for
 * everyone (no token). Pages in a training room set their virtual phones' clocks by it, so the
 * trainer's "+2 minutes" or an outage reaches every browser; changing it stays with the control API.
 */
import { HttpError, json } from './http-error.js';
import type { Route } from './route.js';

export const CLOCK_ROUTE: Route = {
  method: 'GET',
  path: '/api/clock',
  async run(c) {
    if (c.clock === undefined)
      throw new HttpError(409, 'INVALID_STATE', 'this server has no shared clock (pass one as "clock")');
    const { now, frozen } = c.clock.status();
    return json(200, { now, frozen, fault: c.provider.faults.active()?.kind ?? null });
  },
};
