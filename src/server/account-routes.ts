/**
 * The control API's accounts, for test suites that need a fake Ügyfélkapu+ in a known state: put
 * an account in a stated state, get its app code on the service's clock with time to spare, read
 * or forget its last accepted step (the replay guard), and remove it with what belongs to it.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { SEED_ACCOUNT_FIELDS } from '../sim/provider/seed-account.js';
import type { SeedAccountInput } from '../sim/provider.js';
import { dropAccount, putAccount } from './account-control.js';
import { readJsonObject } from './body.js';
import { HttpError, json } from './http-error.js';
import type { Route, RouteContext } from './route.js';

function unknownAccount(c: RouteContext): HttpError {
  return new HttpError(404, 'UNKNOWN_ACCOUNT', `there is no account ${describeValue(c.param)}`);
}

/** `minRemaining` from the query: whole seconds (the provider checks the range against its period). */
function minRemainingOf(c: RouteContext): number {
  const text = c.url.searchParams.get('minRemaining');
  if (text === null) return 0;
  if (!/^\d{1,6}$/.test(text))
    throw new InvalidArgumentError(`"minRemaining" must be a whole number of seconds, got ${describeValue(text)}`);
  return Number(text);
}

export const ACCOUNT_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/control/accounts',
    async run(c) {
      const body = await readJsonObject(c.request, SEED_ACCOUNT_FIELDS);
      const seeded = await putAccount(c, body as SeedAccountInput);
      const status = await c.provider.accountStatus(seeded.username);
      const { ok: _ok, factor: _factor, ...rest } = seeded;
      return json(201, { ...status, ...rest });
    },
  },
  {
    method: 'GET',
    path: '/control/accounts/{username}',
    run: async (c) => json(200, await c.provider.accountStatus(c.param)),
  },
  {
    method: 'DELETE',
    path: '/control/accounts/{username}',
    async run(c) {
      const removed = await dropAccount(c, c.param);
      if (removed === null) throw unknownAccount(c);
      return json(200, { ok: true, ...removed });
    },
  },
  {
    method: 'GET',
    path: '/control/accounts/{username}/code',
    async run(c) {
      const code = await c.provider.accountCode({ username: c.param, minRemaining: minRemainingOf(c) });
      if (code === null) throw unknownAccount(c);
      return json(200, code);
    },
  },
  {
    method: 'GET',
    path: '/control/accounts/{username}/last-step',
    async run(c) {
      const guard = await c.provider.lastStep(c.param);
      if (guard === null) throw unknownAccount(c);
      return json(200, guard);
    },
  },
  {
    method: 'DELETE',
    path: '/control/accounts/{username}/last-step',
    async run(c) {
      const guard = await c.provider.forgetLastStep(c.param);
      if (guard === null) throw unknownAccount(c);
      return json(200, guard);
    },
  },
];
